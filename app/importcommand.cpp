// SPDX-License-Identifier: MIT
#include "commands.h"

#include "store/database.h"
#include "store/importer.h"
#include "store/samplearchive.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QTextStream>

namespace baokan::app {

int runImport(const QStringList &args)
{
    QTextStream err(stderr);
    QString dbPath;
    QStringList paths;
    for (int i = 0; i < args.size(); ++i) {
        if (args.at(i) == QLatin1String("--db") && i + 1 < args.size())
            dbPath = args.at(++i);
        else if (args.at(i).startsWith(QLatin1String("--db=")))
            dbPath = args.at(i).mid(5);
        else
            paths << args.at(i);
    }
    if (paths.isEmpty()) {
        err << "usage: baokan import [--db PATH] PATH...\n";
        return 2;
    }
    if (QCoreApplication::organizationName().isEmpty())
        QCoreApplication::setOrganizationName(QStringLiteral("baokan"));
    if (dbPath.isEmpty())
        dbPath = store::SampleArchive::defaultPath();

    store::Database db(dbPath);
    QString error;
    if (!store::SampleArchive::prepare(&db, &error)) {
        err << "baokan: " << error << '\n';
        return 1;
    }

    store::Importer importer(&db);
    QElapsedTimer clock;
    clock.start();
    qint64 lastReport = 0;
    bool reported = false;
    // Quiet for short runs; a line that updates in place once it takes long enough to wonder.
    importer.setProgress([&](int done, int total, const store::ImportSummary &soFar) {
        const qint64 ms = clock.elapsed();
        if (ms < 1000 || (ms - lastReport < 500 && done < total))
            return;
        lastReport = ms;
        reported = true;
        const double seconds = double(ms) / 1000.0;
        err << QStringLiteral("\r%1/%2 issues, %3 articles, %4 articles/s, %5 MB/s ")
                   .arg(done)
                   .arg(total)
                   .arg(soFar.articles())
                   .arg(int(soFar.articles() / seconds))
                   .arg(double(soFar.bytesParsed) / (1024.0 * 1024.0) / seconds, 0, 'f', 1);
        err.flush();
    });
    const store::ImportSummary summary = importer.importPaths(paths);
    if (reported)
        err << '\n';
    for (const store::SkippedFile &skip : summary.skipped)
        err << "skipped " << skip.path << ": " << skip.reason << '\n';
    err << "imported into " << dbPath << ": " << summary.text() << '\n';
    if (!summary.error.isEmpty())
        return 1;
    return summary.skipped.isEmpty() ? 0 : 1;
}

} // namespace baokan::app
