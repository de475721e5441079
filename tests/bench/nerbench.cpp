// SPDX-License-Identifier: MIT
// Throughput of the entity recognizer on one core: the sample pages' text repeated to about
// 20 MB, recognized line by line. Prints the lexicon load time and MB/s; asserts nothing.
#include "benchargs.h"
#include "entities/entityrecognizer.h"
#include "entities/lexicon.h"

#include <QCoreApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QStringList>
#include <QTextStream>

#include <ctime>

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    QTextStream out(stdout);
    const auto args = baokan::bench::benchArguments(
        QStringLiteral("Recognizes the sample pages' text repeated to about MB megabytes; prints MB/s."),
        {{QStringLiteral("MB"), QStringLiteral("megabytes of text to recognize (20)"), QStringLiteral("20")}});
    if (!args)
        return 2;
    const double targetMb = args->at(0).toDouble();

    QStringList lines;
    qint64 bytes = 0;
    const QDir samples(QStringLiteral(BAOKAN_SAMPLE_DIR));
    for (const QString &name : samples.entryList({QStringLiteral("*.txt")}, QDir::Files, QDir::Name)) {
        QFile f(samples.filePath(name));
        if (!f.open(QIODevice::ReadOnly))
            continue;
        for (const QString &line : QString::fromUtf8(f.readAll()).split(QLatin1Char('\n'))) {
            if (line.trimmed().isEmpty())
                continue;
            lines << line;
            bytes += line.toUtf8().size() + 1;
        }
    }
    if (lines.isEmpty() || bytes == 0) {
        out << "no sample text found in " << samples.path() << "\n";
        return 1;
    }

    QElapsedTimer load;
    load.start();
    const auto &recognizer = baokan::entities::EntityRecognizer::instance();
    const qint64 loadMs = load.elapsed();
    out << "lexicon: " << recognizer.lexicon().wordCount() << " words, loaded in " << loadMs << " ms\n";

    const int rounds = std::max(1, int(targetMb * 1e6 / double(bytes)));
    qint64 mentions = 0;
    // CPU time as well as wall time: on a shared machine the wall clock also counts other people's work.
    const std::clock_t cpuStart = std::clock();
    QElapsedTimer timer;
    timer.start();
    for (int r = 0; r < rounds; ++r) {
        for (const QString &line : std::as_const(lines))
            mentions += recognizer.recognize(line).size();
    }
    const double seconds = double(timer.nsecsElapsed()) / 1e9;
    const double cpuSeconds = double(std::clock() - cpuStart) / CLOCKS_PER_SEC;
    const double mb = double(bytes) * rounds / 1e6;
    out << "text: " << QString::number(mb, 'f', 1) << " MB UTF-8 (" << rounds << " rounds of the sample pages)\n";
    out << "mentions: " << mentions << "\n";
    out << "wall: " << QString::number(seconds, 'f', 2) << " s, " << QString::number(mb / seconds, 'f', 2) << " MB/s\n";
    out << "cpu:  " << QString::number(cpuSeconds, 'f', 2) << " s, " << QString::number(mb / cpuSeconds, 'f', 2)
        << " MB/s on one core\n";
    return 0;
}
