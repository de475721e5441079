// SPDX-License-Identifier: MIT
#include "commands.h"

#include "archiveopener.h"
#include "entitiespanel.h"
#include "mainwindow.h"
#include "searchpanel.h"
#include "store/database.h"
#include "store/samplearchive.h"
#include "store/tagstore.h"
#include "tagfilterbar.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QEventLoop>
#include <QFileInfo>
#include <QFont>
#include <QLabel>
#include <QLineEdit>
#include <QListView>
#include <QMessageBox>
#include <QRegularExpression>
#include <QTextStream>

namespace baokan::app {

int runGui(int &argc, char **argv)
{
    bool wantsScreenshot = false;
    for (int i = 1; i < argc; ++i)
        wantsScreenshot |= qstrncmp(argv[i], "--screenshot", 12) == 0;
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM")) {
        if (wantsScreenshot) {
            qputenv("QT_QPA_PLATFORM", "offscreen");
        } else if (qEnvironmentVariableIsEmpty("DISPLAY") && qEnvironmentVariableIsEmpty("WAYLAND_DISPLAY")) {
            // Qt would abort with a cryptic plugin error; say what is wrong instead.
            QTextStream(stderr) << "baokan: there is no display to open a window on (DISPLAY is not set).\n"
                                   "Run it in a desktop session, or use --screenshot FILE.png.\n";
            return 2;
        }
    }
    QApplication app(argc, argv);
    QApplication::setApplicationName(QStringLiteral("baokan"));
    QApplication::setOrganizationName(QStringLiteral("baokan"));
    // With a C locale Qt would fall back to the Japanese CJK face and draw Japanese glyph forms.
    QFont font = QApplication::font();
    font.setFamilies({QStringLiteral("Noto Sans CJK SC"), QStringLiteral("Noto Sans"), QStringLiteral("sans-serif")});
    QApplication::setFont(font);

    QCommandLineParser parser;
    parser.addHelpOption();
    const QCommandLineOption screenshot(QStringLiteral("screenshot"),
                                        QStringLiteral("Render the window to a PNG and exit."),
                                        QStringLiteral("FILE.png"));
    const QCommandLineOption db(QStringLiteral("db"), QStringLiteral("Open this archive."), QStringLiteral("PATH"));
    const QCommandLineOption search(QStringLiteral("search"),
                                    QStringLiteral("With --screenshot: search for QUERY and open the first hit."),
                                    QStringLiteral("QUERY"));
    const QCommandLineOption size(QStringLiteral("size"),
                                  QStringLiteral("Open the window at this size, e.g. 1100x700 (to look at small "
                                                 "screens with --screenshot)."),
                                  QStringLiteral("WxH"));
    parser.addOption(screenshot);
    parser.addOption(db);
    parser.addOption(search);
    parser.addOption(size);
    const QCommandLineOption filterTags(QStringLiteral("filter-tags"),
                                        QStringLiteral("With --screenshot: filter the article list by these "
                                                       "comma-separated tags (any of them)."),
                                        QStringLiteral("TAGS"));
    parser.addOption(filterTags);
    const QCommandLineOption entities(
        QStringLiteral("entities"),
        QStringLiteral("With --screenshot: show the Entities panel in front of the notes."));
    parser.addOption(entities);
    parser.process(app);
    const bool screenshotMode = parser.isSet(screenshot);

    auto fail = [&](const QString &message) {
        // Refused archives (not SQLite, made by a newer baokan, unreadable) are left untouched.
        QTextStream(stderr) << "baokan: " << message << '\n';
        if (!screenshotMode)
            QMessageBox::critical(nullptr, QObject::tr("baokan cannot open the archive"), message);
        return 1;
    };

    const QString archive = parser.isSet(db) ? parser.value(db) : store::SampleArchive::defaultPath();
    QString error;
    {
        // A new default archive gets the sample pages, so a first start shows real articles.
        store::Database prepared(archive);
        // An archive of an older baokan is brought up to date with a word to the user first (a
        // new one is left for prepare() to tell from an existing one).
        if ((QFileInfo::exists(archive) && !ui::ArchiveOpener::open(&prepared, nullptr, &error)) ||
            !store::SampleArchive::prepare(&prepared, &error))
            return fail(error);
    }
    QSize windowSize;
    if (parser.isSet(size)) {
        static const QRegularExpression format(QStringLiteral("^(\\d{2,5})[xX](\\d{2,5})$"));
        const QRegularExpressionMatch m = format.match(parser.value(size));
        if (!m.hasMatch()) {
            QTextStream(stderr) << "baokan: --size wants WIDTHxHEIGHT in pixels, e.g. 1100x700, not "
                                << parser.value(size) << '\n';
            return 1;
        }
        windowSize = QSize(m.captured(1).toInt(), m.captured(2).toInt());
    }

    ui::MainWindow window;
    if (!window.openArchive(archive, &error))
        return fail(error);
    if (windowSize.isValid())
        window.resize(windowSize);

    if (screenshotMode) {
        window.show();
        // The newest issue and its first article, so the picture shows the reader with text
        // whatever was read last.
        window.selectFirstArticle();
        if (parser.isSet(entities)) {
            window.entitiesPanel()->show();
            window.entitiesPanel()->raise();
            // The archive index is read off the GUI thread: the picture shows it once it is in.
            QCoreApplication::processEvents();
            if (window.entitiesPanel()->isReadingIndex()) {
                QEventLoop wait;
                QObject::connect(window.entitiesPanel(), &ui::EntitiesPanel::indexRead, &wait, &QEventLoop::quit);
                wait.exec();
            }
        }
        if (parser.isSet(filterTags)) {
            store::Database tagsDb(archive);
            if (!tagsDb.open(&error))
                return fail(error);
            QList<qint64> ids;
            for (const QString &name : parser.value(filterTags).split(QLatin1Char(','), Qt::SkipEmptyParts)) {
                if (const auto tag = store::TagStore(&tagsDb).findByName(name))
                    ids << tag->id;
                else
                    QTextStream(stderr) << "baokan: no tag named " << name << '\n';
            }
            window.tagFilterBar()->setTagFilter(ids, false);
        }
        if (parser.isSet(search)) {
            ui::SearchPanel *panel = window.searchPanel();
            panel->searchField()->setText(parser.value(search));
            QEventLoop wait;
            QObject::connect(panel, &ui::SearchPanel::searchFinished, &wait, &QEventLoop::quit);
            panel->searchNow();
            wait.exec();
            auto *results = panel->findChild<QListView *>(QStringLiteral("searchResults"));
            if (auto *count = panel->findChild<QLabel *>(QStringLiteral("searchCount")))
                QTextStream(stderr) << "baokan: " << count->text() << ", " << count->toolTip() << '\n';
            if (results && results->model()->rowCount() > 0)
                results->setCurrentIndex(results->model()->index(0, 0));
        }
        QApplication::processEvents();
        const QString file = parser.value(screenshot);
        if (!window.grab().save(file)) {
            QTextStream(stderr) << "baokan: cannot write " << file << '\n';
            return 1;
        }
        return 0;
    }
    window.show();
    return QApplication::exec();
}

} // namespace baokan::app
