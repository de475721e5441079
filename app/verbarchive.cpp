// SPDX-License-Identifier: MIT
#include "verbarchive.h"

#include "store/samplearchive.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QElapsedTimer>
#include <QFileInfo>
#include <QTextStream>

namespace baokan::app {

QString defaultArchivePath()
{
    // The window sets the organization name too; the verbs must find the same folder.
    if (QCoreApplication::organizationName().isEmpty())
        QCoreApplication::setOrganizationName(QStringLiteral("baokan"));
    return store::SampleArchive::defaultPath();
}

bool parseVerbArguments(QCommandLineParser &parser, const QString &verb, const QStringList &args)
{
    parser.setSingleDashWordOptionMode(QCommandLineParser::ParseAsLongOptions);
    if (!parser.parse(QStringList{QStringLiteral("baokan ") + verb} + args)) {
        QTextStream(stderr) << "baokan " << verb << ": " << parser.errorText() << '\n';
        return false;
    }
    return true;
}

std::unique_ptr<store::Database> openArchive(const QString &path, bool create, QString *error)
{
    // The default archive starts out with the sample pages, as it does for the window.
    const bool isDefault = QFileInfo(path).absoluteFilePath() == QFileInfo(defaultArchivePath()).absoluteFilePath();
    if (!create && !isDefault && !QFileInfo::exists(path)) {
        *error = QStringLiteral("there is no archive at %1 (give one with --db PATH)").arg(path);
        return nullptr;
    }
    auto db = std::make_unique<store::Database>(path);
    if (!store::SampleArchive::prepare(db.get(), error))
        return nullptr;
    return db;
}

std::function<void(qint64, qint64)> progressLines(QTextStream &err, const QString &done)
{
    QElapsedTimer timer;
    timer.start();
    return [&err, done, timer, lastShown = qint64(-1)](qint64 count, qint64 total) mutable {
        if (count != total && count != 0 && lastShown >= 0 && timer.elapsed() - lastShown < 1000)
            return;
        lastShown = timer.elapsed();
        err << done << ' ' << count << " of " << total << " articles\n";
        err.flush();
    };
}

} // namespace baokan::app
