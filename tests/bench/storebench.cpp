// SPDX-License-Identifier: MIT
// bench_store [ARTICLES...]: for each target (default 10000 100000) writes a synthetic archive of
// page files, imports it, and prints import rate, peak memory, archive size, the time to open the
// archive with the first page of both list models, and the time to load one article.
#include "archivegenerator.h"

#include "models/articlelistmodel.h"
#include "models/issuelistmodel.h"
#include "parse/issueloader.h"
#include "store/articlestore.h"
#include "store/database.h"
#include "store/importer.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTextStream>

#include <sys/resource.h>
#include <time.h>

#include <algorithm>
#include <cmath>
#include <vector>

using namespace baokan;

namespace {

QTextStream out(stdout);

// Peak resident memory of this process so far, in MiB.
double peakMemoryMiB()
{
    QFile f(QStringLiteral("/proc/self/status"));
    if (!f.open(QIODevice::ReadOnly))
        return -1;
    for (const QByteArray &line : f.readAll().split('\n')) {
        if (line.startsWith("VmHWM:"))
            return line.mid(6).trimmed().split(' ').value(0).toDouble() / 1024.0;
    }
    return -1;
}

// Bytes this process has handed to write() so far: what the archive costs the disk.
qint64 bytesWritten()
{
    QFile f(QStringLiteral("/proc/self/io"));
    if (!f.open(QIODevice::ReadOnly))
        return -1;
    for (const QByteArray &line : f.readAll().split('\n')) {
        if (line.startsWith("wchar:"))
            return line.mid(6).trimmed().toLongLong();
    }
    return -1;
}

QString loadAverage()
{
    QFile f(QStringLiteral("/proc/loadavg"));
    return f.open(QIODevice::ReadOnly) ? QString::fromLatin1(f.readAll().split(' ').value(0)) : QString();
}

// CPU time of the whole process (all threads) so far, in seconds: on a machine shared with
// others the wall clock says more about them than about us.
double cpuSeconds()
{
    rusage usage{};
    getrusage(RUSAGE_SELF, &usage);
    return double(usage.ru_utime.tv_sec + usage.ru_stime.tv_sec) +
           double(usage.ru_utime.tv_usec + usage.ru_stime.tv_usec) / 1e6;
}

// CPU time of the calling thread: the importer writes on the thread that calls it, so this is
// the writer's share, the part no parser thread can take over.
double threadCpuSeconds()
{
    timespec ts{};
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
    return double(ts.tv_sec) + double(ts.tv_nsec) / 1e9;
}

double ms(const QElapsedTimer &t)
{
    return double(t.nsecsElapsed()) / 1e6;
}

void run(int target, const QString &workDir)
{
    constexpr int kPagesPerIssue = 4;
    const bench::ArchiveGenerator generator(1);
    // How many articles a generated page holds with the parser of this build.
    int sampleArticles = 0;
    constexpr int kProbe = 40;
    for (int i = 0; i < kProbe; ++i)
        sampleArticles +=
            int(parse::IssueLoader::fromTexts(QStringLiteral("probe"), {generator.pageText(i, i % kPagesPerIssue)})
                    .articles.size());
    const double perPage = std::max(1.0, double(sampleArticles) / kProbe);
    const int issues = int(std::ceil(target / perPage / kPagesPerIssue));

    const QString pagesDir = QStringLiteral("%1/pages-%2").arg(workDir).arg(target);
    QElapsedTimer t;
    t.start();
    const qint64 rawBytes = generator.write(pagesDir, 0, issues, kPagesPerIssue);
    out << QStringLiteral("\n== %1 articles (target): %2 issues x %3 pages, %4 MiB raw text, generated in %5 s\n")
               .arg(target)
               .arg(issues)
               .arg(kPagesPerIssue)
               .arg(double(rawBytes) / 1048576.0, 0, 'f', 1)
               .arg(ms(t) / 1000.0, 0, 'f', 1);
    out.flush();

    const QString dbPath = QStringLiteral("%1/archive-%2.sqlite").arg(workDir).arg(target);
    store::ImportSummary summary;
    double importSeconds = 0;
    double importCpu = 0;
    double writerCpu = 0;
    qint64 written = 0;
    {
        store::Database db(dbPath);
        db.open();
        store::Importer importer(&db);
        QElapsedTimer progress;
        progress.start();
        importer.setProgress([&](int done, int total, const store::ImportSummary &soFar) {
            if (progress.elapsed() < 10000)
                return;
            progress.restart();
            out << QStringLiteral("   %1/%2 issues, %3 articles, %4 articles/s\n")
                       .arg(done)
                       .arg(total)
                       .arg(soFar.articles())
                       .arg(int(soFar.articles() / (ms(t) / 1000.0)));
            out.flush();
        });
        t.restart();
        const double cpuBefore = cpuSeconds();
        const double writerBefore = threadCpuSeconds();
        const qint64 writtenBefore = bytesWritten();
        summary = importer.importPaths({pagesDir});
        importSeconds = ms(t) / 1000.0;
        importCpu = cpuSeconds() - cpuBefore;
        writerCpu = threadCpuSeconds() - writerBefore;
        written = bytesWritten() - writtenBefore;
        db.closeThreadConnection();
    }
    const double mib = double(summary.bytesParsed) / 1048576.0;
    out << QStringLiteral("import: %1 articles in %2 s = %3 articles/s, %4 MiB/s raw text (parsing included)%5\n")
               .arg(summary.articlesAdded)
               .arg(importSeconds, 0, 'f', 2)
               .arg(int(summary.articlesAdded / importSeconds))
               .arg(mib / importSeconds, 0, 'f', 2)
               .arg(summary.error.isEmpty() ? QString() : QStringLiteral(" ERROR ") + summary.error);
    out << QStringLiteral("import CPU time: %1 s = %2 articles per CPU-second (load average now %3)\n")
               .arg(importCpu, 0, 'f', 2)
               .arg(int(summary.articlesAdded / importCpu))
               .arg(loadAverage());
    out << QStringLiteral("written during import (WAL and checkpoints): %1 MiB = %2 KiB per article\n")
               .arg(double(written) / 1048576.0, 0, 'f', 0)
               .arg(double(written) / 1024.0 / std::max(1, summary.articlesAdded), 0, 'f', 1);
    out << QStringLiteral("writer thread CPU time: %1 s = %2 articles per writer CPU-second; parser threads %3 s = %4 "
                          "articles per CPU-second\n")
               .arg(writerCpu, 0, 'f', 2)
               .arg(int(summary.articlesAdded / writerCpu))
               .arg(importCpu - writerCpu, 0, 'f', 2)
               .arg(int(summary.articlesAdded / std::max(0.001, importCpu - writerCpu)));
    {
        // The parser alone, one thread, on the first pages: how much of the import it is.
        const double before = cpuSeconds();
        int parsed = 0;
        for (int i = 0; i < std::min(issues, 50); ++i) {
            for (int page = 0; page < kPagesPerIssue; ++page)
                parsed += int(
                    parse::IssueLoader::fromTexts(QStringLiteral("p"), {generator.pageText(i, page)}).articles.size());
        }
        const double cpu = cpuSeconds() - before;
        out << QStringLiteral("parser alone: %1 articles per CPU-second (%2 articles)\n")
                   .arg(int(parsed / cpu))
                   .arg(parsed);
    }
    out << QStringLiteral("peak memory (VmHWM) after import: %1 MiB\n").arg(peakMemoryMiB(), 0, 'f', 0);
    const qint64 archiveBytes = QFileInfo(dbPath).size() + QFileInfo(dbPath + QStringLiteral("-wal")).size();
    out << QStringLiteral("archive: %1 MiB = %2 x raw text\n")
               .arg(double(archiveBytes) / 1048576.0, 0, 'f', 1)
               .arg(double(archiveBytes) / double(std::max<qint64>(1, rawBytes)), 0, 'f', 2);
    out.flush();

    // "Usable window": open the archive and fill the first page of both lists.
    {
        t.restart();
        store::Database db(dbPath);
        db.open();
        models::IssueListModel issuesModel(&db);
        issuesModel.fetchMore({});
        models::ArticleListModel articlesModel(&db);
        articlesModel.setIssue(issuesModel.issueId(0));
        articlesModel.fetchMore({});
        const double openMs = ms(t);
        out << QStringLiteral("open archive + first page of issue list (%1 rows) and article list (%2 rows): %3 ms\n")
                   .arg(issuesModel.rowCount())
                   .arg(articlesModel.rowCount())
                   .arg(openMs, 0, 'f', 1);

        // One article through the store, as the reader loads it.
        store::ArticleStore articles(&db);
        QSqlQuery q(db.connection());
        q.exec(QStringLiteral("SELECT min(id), max(id) FROM article"));
        q.next();
        const qint64 lo = q.value(0).toLongLong();
        const qint64 hi = q.value(1).toLongLong();
        q.finish();
        std::vector<double> times;
        for (int i = 0; i < 500; ++i) {
            const qint64 id = lo + (hi - lo) * i / 499;
            t.restart();
            const auto a = articles.article(id);
            times.push_back(a ? ms(t) : -1.0);
        }
        const double firstLoad = times.front();
        std::sort(times.begin(), times.end());
        out << QStringLiteral("load one article: first %1 ms, median %2 ms, max %3 ms (500 spread over the archive)\n")
                   .arg(firstLoad, 0, 'f', 3)
                   .arg(times.at(times.size() / 2), 0, 'f', 3)
                   .arg(times.back(), 0, 'f', 3);
        db.closeThreadConnection();
    }

    // Importing the same files again only hashes them.
    {
        store::Database db(dbPath);
        db.open();
        store::Importer importer(&db);
        t.restart();
        const store::ImportSummary again = importer.importPaths({pagesDir});
        out << QStringLiteral("re-import of the same files: %1 s, %2 added, %3 updated, %4 unchanged\n")
                   .arg(ms(t) / 1000.0, 0, 'f', 2)
                   .arg(again.articlesAdded)
                   .arg(again.articlesUpdated)
                   .arg(again.articlesUnchanged);
        db.closeThreadConnection();
    }
    out << QStringLiteral("peak memory (VmHWM) at end: %1 MiB\n").arg(peakMemoryMiB(), 0, 'f', 0);
    out.flush();
}

// Imports the given files or folders into a fresh archive: for one huge page, say.
void importOnly(const QStringList &paths, const QString &workDir)
{
    const QString dbPath = workDir + QStringLiteral("/archive-import.sqlite");
    store::Database db(dbPath);
    db.open();
    store::Importer importer(&db);
    QElapsedTimer t;
    t.start();
    const double cpuBefore = cpuSeconds();
    const store::ImportSummary summary = importer.importPaths(paths);
    const double seconds = ms(t) / 1000.0;
    const double cpu = cpuSeconds() - cpuBefore;
    db.closeThreadConnection();
    out << QStringLiteral("import of %1: %2 articles, %3 MiB raw text in %4 s (%5 s CPU, load average %6)\n%7\n")
               .arg(paths.join(QStringLiteral(", ")))
               .arg(summary.articlesAdded)
               .arg(double(summary.bytesParsed) / 1048576.0, 0, 'f', 1)
               .arg(seconds, 0, 'f', 2)
               .arg(cpu, 0, 'f', 2)
               .arg(loadAverage())
               .arg(summary.text());
    out << QStringLiteral("peak memory (VmHWM): %1 MiB\n").arg(peakMemoryMiB(), 0, 'f', 0);
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    QList<int> targets;
    QStringList imports;
    QString dir;
    const QStringList args = QCoreApplication::arguments().mid(1);
    for (int i = 0; i < args.size(); ++i) {
        bool isNumber = false;
        const int n = args.at(i).toInt(&isNumber);
        if (args.at(i) == QLatin1String("--dir") && i + 1 < args.size()) {
            dir = args.at(++i);
        } else if (args.at(i) == QLatin1String("--import") && i + 1 < args.size()) {
            imports << args.at(++i);
        } else if (isNumber && n > 0) {
            targets << n;
        } else {
            const bool help = args.at(i) == QLatin1String("--help") || args.at(i) == QLatin1String("-h");
            QTextStream err(stderr);
            if (!help)
                err << "bench_store: unknown argument " << args.at(i) << '\n';
            (help ? out : err)
                << "usage: bench_store [--dir DIR] [ARTICLES...]\n"
                   "       bench_store [--dir DIR] --import PATH [--import PATH...]\n"
                   "  Writes a synthetic archive of about ARTICLES articles (default: 10000 and 100000) from the\n"
                   "  sample pages under DIR (default: a temporary folder), imports it, and prints the import rate\n"
                   "  (wall clock and CPU time, writer thread apart), peak memory, archive size, the time to open\n"
                   "  the archive with the first page of both lists, and the time to load one article.\n"
                   "  With --import: imports the files or folders into a fresh archive under DIR and prints\n"
                   "  the time and peak memory (e.g. for one very large page).\n";
            return help ? 0 : 2;
        }
    }
    if (targets.isEmpty() && imports.isEmpty())
        targets = {10000, 100000};
    QTemporaryDir temp;
    if (dir.isEmpty())
        dir = temp.path();
    out << "bench_store: work dir " << dir << '\n';
    if (!imports.isEmpty()) {
        importOnly(imports, dir);
        return 0;
    }
    for (int target : targets)
        run(target, dir);
    return 0;
}
