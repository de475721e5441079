// SPDX-License-Identifier: MIT
// bench_window ARCHIVE: opens the window on an existing archive, offscreen, with the Entities tab
// in front (the case where the archive's entity index is read at start), and prints the time to
// the window being shown, to the event loop's first turn (the window answers the user), to the
// entity index being listed, and the longest stall of the GUI thread meanwhile; then how long a
// tag written by another connection (as another window would) takes to show in the reader, and
// the longest stall while the window reloads. The archive gets a tag "bench-window" on one article.
#include "benchargs.h"

#include "entitiespanel.h"
#include "mainwindow.h"
#include "readerview.h"

#include "store/database.h"
#include "store/tagedits.h"

#include <QApplication>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QFont>
#include <QTextStream>
#include <QTimer>
#include <QTreeWidget>

#include <algorithm>

using namespace baokan;

int main(int argc, char **argv)
{
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    QApplication app(argc, argv);
    // Settings of its own: the user's window layout is neither used nor changed.
    QApplication::setOrganizationName(QStringLiteral("baokan-bench"));
    QApplication::setApplicationName(QStringLiteral("bench_window"));
    QFont font = QApplication::font();
    font.setFamilies({QStringLiteral("Noto Sans CJK SC"), QStringLiteral("Noto Sans")});
    QApplication::setFont(font);
    const auto args = bench::benchArguments(
        QStringLiteral("Time to a usable window on an archive with the Entities tab in front."),
        {{QStringLiteral("ARCHIVE"), QStringLiteral("an archive made by baokan import"), QString(), false}});
    if (!args)
        return 2;
    QTextStream out(stdout);

    QElapsedTimer clock;
    clock.start();
    const auto ms = [&clock] { return double(clock.nsecsElapsed()) / 1e6; };
    ui::MainWindow window;
    window.resize(1440, 900);
    QString error;
    if (!window.openArchive(args->at(0), &error)) {
        QTextStream(stderr) << "bench_window: " << error << '\n';
        return 1;
    }
    const double opened = ms();
    window.entitiesPanel()->show();
    window.entitiesPanel()->raise();
    window.show();
    const double shown = ms();

    // A tick every 5 ms: the first says the event loop runs; the widest gap is the longest time
    // the window could not answer.
    auto *index = window.entitiesPanel()->findChild<QTreeWidget *>(QStringLiteral("entityIndex"));
    double firstTurn = -1, listed = -1, last = ms(), longestStall = 0;
    QEventLoop loop;
    QTimer tick;
    tick.setInterval(5);
    QObject::connect(&tick, &QTimer::timeout, &loop, [&] {
        const double now = ms();
        if (firstTurn < 0)
            firstTurn = now;
        longestStall = std::max(longestStall, now - last);
        last = now;
        if (index && index->topLevelItemCount() > 0 && listed < 0)
            listed = now;
        if (listed >= 0 || now > 60000)
            loop.quit();
    });
    tick.start();
    longestStall = 0;
    last = ms();
    loop.exec();

    // Another window tags the article being read.
    double tagged = -1, refreshStall = 0;
    const QString key = window.reader()->hasArticle() ? window.reader()->article().key : QString();
    if (!key.isEmpty()) {
        store::Database other(args->at(0));
        store::Edit edit = store::TagEdits::add({key}, QStringLiteral("bench-window"));
        if (other.open(&error) && edit.apply(other.connection(), &error)) {
            const double written = ms();
            last = written;
            QObject::disconnect(&tick, nullptr, &loop, nullptr);
            QObject::connect(&tick, &QTimer::timeout, &loop, [&] {
                const double now = ms();
                refreshStall = std::max(refreshStall, now - last);
                last = now;
                bool visible = false;
                for (const ui::ReaderTag &t : window.reader()->article().tags)
                    visible = visible || t.name == u"bench-window";
                if (visible && tagged < 0)
                    tagged = now - written;
                if (tagged >= 0 || now - written > 10000)
                    loop.quit();
            });
            loop.exec();
            edit.revert(other.connection(), &error);
        }
        other.closeThreadConnection();
    }

    out << QStringLiteral("archive opened (window built, lists filled): %1 ms\n").arg(opened, 0, 'f', 1);
    out << QStringLiteral("window shown, Entities tab in front:        %1 ms\n").arg(shown, 0, 'f', 1);
    out << QStringLiteral("first event-loop turn (usable window):      %1 ms\n").arg(firstTurn, 0, 'f', 1);
    out << QStringLiteral("entity index listed:                        %1 ms\n").arg(listed, 0, 'f', 1);
    out << QStringLiteral("longest GUI stall after show:               %1 ms\n").arg(longestStall, 0, 'f', 1);
    out << QStringLiteral("tag by another connection shown after:      %1 ms (polled every second)\n")
               .arg(tagged, 0, 'f', 1);
    out << QStringLiteral("longest GUI stall meanwhile (the reload):   %1 ms\n").arg(refreshStall, 0, 'f', 1);
    return 0;
}
