// SPDX-License-Identifier: MIT
// bench_generate_archive ISSUES OUTDIR [PAGES_PER_ISSUE] [SEED]: writes a synthetic archive of
// page files for `baokan import`.
#include "archivegenerator.h"

#include <QCoreApplication>
#include <QTextStream>

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    const QStringList args = QCoreApplication::arguments().mid(1);
    QTextStream err(stderr);
    if (args.contains(QLatin1String("--help")) || args.contains(QLatin1String("-h"))) {
        QTextStream(stdout)
            << "usage: bench_generate_archive ISSUES OUTDIR [PAGES_PER_ISSUE] [SEED]\n"
               "\n"
               "Writes ISSUES folders OUTDIR/issue-NNNNNN, each of PAGES_PER_ISSUE (default 4) page files\n"
               "p1.txt... made from the sample pages (layout kept, paragraphs recombined, numbers and years\n"
               "varied), for `baokan import OUTDIR`. The same SEED (default 1) writes the same text.\n"
               "A page holds about 7 articles, so 1,000,000 articles take about 34,000 issues of 4 pages.\n"
               "Then: baokan import --db ARCHIVE OUTDIR; searchbench --db ARCHIVE --raw OUTDIR\n";
        return 0;
    }
    if (args.size() < 2 || args.at(0).toInt() <= 0) {
        err << "usage: bench_generate_archive ISSUES OUTDIR [PAGES_PER_ISSUE] [SEED] (--help explains)\n";
        return 2;
    }
    const int issues = args.at(0).toInt();
    const int pages = args.size() > 2 ? args.at(2).toInt() : 4;
    const quint32 seed = args.size() > 3 ? args.at(3).toUInt() : 1;
    const baokan::bench::ArchiveGenerator generator(seed);
    const qint64 bytes = generator.write(args.at(1), 0, issues, pages);
    if (bytes < 0) {
        err << "cannot write under " << args.at(1) << '\n';
        return 1;
    }
    err << "wrote " << issues << " issues of " << pages << " pages, " << bytes / 1024 << " KiB\n";
    return 0;
}
