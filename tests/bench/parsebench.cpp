// SPDX-License-Identifier: MIT
// Prints how fast pages are decoded and parsed: the five sample pages, and one large file made
// of them repeated (a stand-in for a whole year pasted into one file). Not a test: it asserts
// nothing and is not registered with CTest.
#include "benchargs.h"
#include "parse/pageparser.h"
#include "text/textdecoder.h"

#include <QCoreApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QTextStream>

using baokan::parse::PageParser;
using baokan::text::TextDecoder;

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    const auto args = baokan::bench::benchArguments(
        QStringLiteral("Times decoding and parsing the sample pages, and one file of them repeated REPEAT times."),
        {{QStringLiteral("REPEAT"), QStringLiteral("copies of the sample pages in the large file (200)"),
          QStringLiteral("200")}});
    if (!args)
        return 2;
    const int repeat = args->at(0).toInt();
    QTextStream out(stdout);

    QByteArray all;
    const QDir dir(QStringLiteral(BAOKAN_SAMPLE_DIR));
    for (const QString &name : dir.entryList({QStringLiteral("*.txt")}, QDir::Files, QDir::Name)) {
        QFile f(dir.absoluteFilePath(name));
        if (f.open(QIODevice::ReadOnly))
            all += f.readAll();
    }
    const PageParser parser;

    QElapsedTimer timer;
    timer.start();
    qsizetype articles = 0;
    const int rounds = 50;
    for (int i = 0; i < rounds; ++i)
        articles += parser.parsePage(TextDecoder::decode(all)->text).size();
    const double perPage = double(timer.nsecsElapsed()) / 1e6 / (rounds * 5.0);
    out << "sample pages: " << perPage << " ms per page (" << articles / rounds << " articles per round)\n";

    QByteArray big;
    for (int i = 0; i < repeat; ++i)
        big += all;
    timer.restart();
    const auto decoded = TextDecoder::decode(big);
    const qint64 decodeMs = timer.elapsed();
    timer.restart();
    const auto parsed = parser.parsePage(decoded->text);
    const qint64 parseMs = timer.elapsed();
    const double mb = big.size() / 1e6;
    out << "one " << mb << " MB file: decode " << decodeMs << " ms, parse " << parseMs << " ms ("
        << (parseMs > 0 ? mb * 1000.0 / parseMs : 0) << " MB/s), " << parsed.size() << " articles\n";
    return 0;
}
