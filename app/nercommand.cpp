// SPDX-License-Identifier: MIT
#include "commands.h"

#include "entities/entityrecognizer.h"

#include <QByteArray>
#include <QTextStream>

#include <cstdio>

namespace baokan::app {

int runNer(const QStringList &args)
{
    for (const QString &arg : args) {
        if (arg != QLatin1String("--jsonl")) {
            QTextStream(stderr) << "usage: baokan ner [--jsonl] < SENTENCES\n";
            return 2;
        }
    }
    const auto &recognizer = entities::EntityRecognizer::instance();
    // Lines are read and written through stdio buffers; nothing is flushed per line, so a
    // scorer piping a whole file in gets the throughput of the recognizer itself.
    std::vector<char> buffer(1 << 16);
    QByteArray line;
    QByteArray out;
    out.reserve(1 << 16);
    auto emitLine = [&](const QByteArray &utf8) {
        QByteArray text = utf8;
        if (text.endsWith('\n'))
            text.chop(1);
        if (text.endsWith('\r'))
            text.chop(1);
        const auto mentions = recognizer.recognize(QString::fromUtf8(text));
        out += "{\"entities\": [";
        for (qsizetype i = 0; i < mentions.size(); ++i) {
            const auto &m = mentions[i];
            if (i > 0)
                out += ", ";
            out += '[' + QByteArray::number(m.start) + ", " + QByteArray::number(m.end) + ", \"" +
                   entities::entityTypeName(m.type).toLatin1() + "\"]";
        }
        out += "]}\n";
        if (out.size() > (1 << 15)) {
            std::fwrite(out.constData(), 1, size_t(out.size()), stdout);
            out.clear();
        }
    };
    while (std::fgets(buffer.data(), int(buffer.size()), stdin)) {
        line += buffer.data();
        if (!line.endsWith('\n') && !std::feof(stdin))
            continue;
        emitLine(line);
        line.clear();
    }
    if (!line.isEmpty())
        emitLine(line);
    std::fwrite(out.constData(), 1, size_t(out.size()), stdout);
    std::fflush(stdout);
    return 0;
}

} // namespace baokan::app
