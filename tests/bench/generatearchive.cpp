// SPDX-License-Identifier: MIT
// bench_generate_archive ISSUES OUTDIR [PAGES] [SEED]: writes a synthetic archive of
// page files for `baokan import`.
#include "archivegenerator.h"
#include "benchargs.h"

#include <QCoreApplication>
#include <QTextStream>

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    const auto parsed = baokan::bench::benchArguments(
        QStringLiteral("Writes a synthetic archive of page files for `baokan import` (a page holds about 7 "
                       "articles: 1,000,000 articles take about 34,000 issues of 4 pages)."),
        {{QStringLiteral("ISSUES"), QStringLiteral("issues to write"), QString()},
         {QStringLiteral("OUTDIR"), QStringLiteral("folder to write them under"), QString(), false},
         {QStringLiteral("PAGES"), QStringLiteral("pages in each issue (4)"), QStringLiteral("4")},
         {QStringLiteral("SEED"), QStringLiteral("random seed (1)"), QStringLiteral("1")}});
    if (!parsed)
        return 2;
    const QStringList &args = *parsed;
    QTextStream err(stderr);
    const int issues = args.at(0).toInt();
    const int pages = args.at(2).toInt();
    const quint32 seed = args.at(3).toUInt();
    const baokan::bench::ArchiveGenerator generator(seed);
    const qint64 bytes = generator.write(args.at(1), 0, issues, pages);
    if (bytes < 0) {
        err << "cannot write under " << args.at(1) << '\n';
        return 1;
    }
    err << "wrote " << issues << " issues of " << pages << " pages, " << bytes / 1024 << " KiB\n";
    return 0;
}
