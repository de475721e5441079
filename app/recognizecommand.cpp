// SPDX-License-Identifier: MIT
#include "commands.h"
#include "store/storagefailure.h"
#include "verbarchive.h"

#include "entities/entityrecognizer.h"
#include "store/entitystore.h"

#include <QCommandLineParser>
#include <QElapsedTimer>
#include <QTextStream>

namespace baokan::app {

int runRecognize(const QStringList &args)
{
    QTextStream err(stderr);
    QCommandLineParser parser;
    const QCommandLineOption dbOption(QStringLiteral("db"), QStringLiteral("The archive."), QStringLiteral("PATH"),
                                      defaultArchivePath());
    parser.addOption(dbOption);
    const QCommandLineOption checkOption(QStringLiteral("check"),
                                         QStringLiteral("Only report whether the archive's entities are stale."));
    parser.addOption(checkOption);
    const QCommandLineOption staleOption(QStringLiteral("stale"),
                                         QStringLiteral("Recognize only the articles an older recognizer wrote."));
    parser.addOption(staleOption);
    if (!parseVerbArguments(parser, QStringLiteral("recognize"), args))
        return 2;
    if (!parser.positionalArguments().isEmpty()) {
        err << "usage: baokan recognize [--db PATH] [--check | --stale]\n";
        return 2;
    }
    QString error;
    const auto archive = openArchive(parser.value(dbOption), false, &error);
    if (!archive) {
        err << "baokan recognize: " << error << '\n';
        return 1;
    }
    // Stale: recognized by another recognizer version (or before versions were recorded).
    const auto stale = store::EntityStore::staleArticles(archive->connection(), &error);
    if (!stale) {
        err << "baokan recognize: " << error << '\n';
        return 1;
    }
    err << "recognizer " << entities::EntityRecognizer::version() << ": ";
    if (*stale == 0)
        err << "entities are up to date\n";
    else
        err << *stale << " articles have stale entities\n";
    if (parser.isSet(checkOption))
        return 0;
    QElapsedTimer timer;
    timer.start();
    const auto progress = progressLines(err, QStringLiteral("recognized"));
    const auto summary = parser.isSet(staleOption)
                             ? store::EntityStore::recognizeStale(archive->connection(), 200, progress, nullptr, &error)
                             : store::EntityStore::recognizeAll(archive->connection(), 200, progress, nullptr, &error);
    if (!summary) {
        err << "baokan recognize: " << store::StorageFailure::explain(error) << '\n';
        return 1;
    }
    const double seconds = timer.elapsed() / 1000.0;
    err << "done: " << summary->articles << " articles in " << QString::number(seconds, 'f', 1) << " s";
    if (seconds > 0)
        err << " (" << QString::number(summary->articles / seconds, 'f', 0) << " articles/s)";
    err << '\n';
    return 0;
}

} // namespace baokan::app
