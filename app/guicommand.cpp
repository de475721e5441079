// SPDX-License-Identifier: MIT
#include "commands.h"

#include "mainwindow.h"
#include "parse/issueloader.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QDir>
#include <QFile>
#include <QFont>
#include <QMessageBox>
#include <QStandardPaths>
#include <QTextStream>

#include "text/textdecoder.h"

namespace baokan::app {

namespace {

QList<parse::Issue> sampleIssues()
{
    QList<parse::Issue> issues;
    const QDir dir(QStringLiteral(":/sample"));
    for (const QString &name : dir.entryList(QDir::Files, QDir::Name)) {
        QFile f(dir.filePath(name));
        if (!f.open(QIODevice::ReadOnly))
            continue;
        const auto decoded = text::TextDecoder::decode(f.readAll());
        if (decoded)
            issues << parse::IssueLoader::fromTexts(name, {decoded->text});
    }
    return issues;
}

} // namespace

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
    parser.addOption(screenshot);
    parser.addOption(db);
    parser.process(app);

    const bool screenshotMode = parser.isSet(screenshot);
    QString archive = parser.value(db);
    if (archive.isEmpty()) {
        const QString dir = QStandardPaths::writableLocation(QStandardPaths::AppDataLocation);
        QDir().mkpath(dir);
        archive = QDir(dir).filePath(QStringLiteral("baokan.sqlite"));
    }

    ui::MainWindow window;
    QString error;
    if (!window.openArchive(archive, &error)) {
        // Refused archives (not SQLite, made by a newer baokan, unreadable) are left untouched.
        QTextStream(stderr) << "baokan: " << error << '\n';
        if (!screenshotMode)
            QMessageBox::critical(nullptr, QObject::tr("baokan cannot open the archive"), error);
        return 1;
    }
    window.showIssues(sampleIssues());
    if (screenshotMode) {
        window.show();
        window.selectFirstArticle();
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
