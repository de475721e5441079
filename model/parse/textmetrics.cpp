// SPDX-License-Identifier: MIT
#include "parse/textmetrics.h"

#include "text/textcleaner.h"

namespace baokan::parse {

using text::TextCleaner;

namespace {

bool isHan(char32_t c)
{
    return (c >= 0x3400 && c <= 0x4dbf) || (c >= 0x4e00 && c <= 0x9fff) || (c >= 0xf900 && c <= 0xfaff) ||
           (c >= 0x20000 && c <= 0x3134f);
}

} // namespace

double TextMetrics::width(const QString &text)
{
    double w = 0;
    for (const uint c : text.toUcs4())
        w += TextCleaner::isCjk(c) ? 1.0 : 0.5;
    return w;
}

bool TextMetrics::hasSentencePunctuation(const QString &text)
{
    static const QString marks = QStringLiteral("，。；！？");
    for (const QChar c : text)
        if (marks.contains(c))
            return true;
    return false;
}

QStringList TextMetrics::phrases(const QString &line)
{
    QStringList out;
    QString current;
    const QList<uint> cps = line.trimmed().toUcs4();
    for (qsizetype i = 0; i < cps.size(); ++i) {
        const char32_t c = cps.at(i);
        if (c == U' ' || c == 0x3000) {
            qsizetype next = i;
            while (next < cps.size() && (cps.at(next) == U' ' || cps.at(next) == 0x3000))
                ++next;
            const bool cjkBefore = !current.isEmpty() && TextCleaner::isCjk(current.back().unicode());
            const bool cjkAfter = next < cps.size() && TextCleaner::isCjk(cps.at(next));
            if (cjkBefore && cjkAfter && !current.trimmed().isEmpty()) {
                out << current.trimmed();
                current.clear();
            } else {
                current += QLatin1Char(' ');
            }
            i = next - 1;
            continue;
        }
        current += QString::fromUcs4(&c, 1);
    }
    if (!current.trimmed().isEmpty())
        out << current.trimmed();
    return out;
}

QSet<TextMetrics::Bigram> TextMetrics::hanBigrams(const QString &text)
{
    QSet<Bigram> out;
    const QList<uint> cps = text.toUcs4();
    for (qsizetype i = 0; i + 1 < cps.size(); ++i) {
        if (isHan(cps.at(i)) && isHan(cps.at(i + 1)))
            out.insert(Bigram(cps.at(i)) << 32 | cps.at(i + 1));
    }
    return out;
}

} // namespace baokan::parse
