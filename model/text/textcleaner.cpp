// SPDX-License-Identifier: MIT
#include "text/textcleaner.h"

#include <QRegularExpression>

namespace baokan::text {

namespace {

bool isSpace(char32_t c)
{
    return c == U' ' || c == U'\t' || c == 0x3000 || c == 0xa0;
}

bool isHan(char32_t c)
{
    return (c >= 0x3400 && c <= 0x4dbf) || (c >= 0x4e00 && c <= 0x9fff) || (c >= 0xf900 && c <= 0xfaff) ||
           (c >= 0x20000 && c <= 0x3134f);
}

bool isAsciiAlnum(char32_t c)
{
    return (c >= U'0' && c <= U'9') || (c >= U'a' && c <= U'z') || (c >= U'A' && c <= U'Z');
}

bool isDigit(char32_t c)
{
    return c >= U'0' && c <= U'9';
}

bool isDateUnit(char32_t c)
{
    return c == U'年' || c == U'月' || c == U'日';
}

QString fromUcs4(const QList<uint> &cps)
{
    return QString::fromUcs4(reinterpret_cast<const char32_t *>(cps.constData()), cps.size());
}

// The nearest non-space code point before/after position i, or 0.
char32_t neighbourBefore(const QList<uint> &cps, qsizetype i)
{
    for (qsizetype j = i - 1; j >= 0; --j)
        if (!isSpace(cps.at(j)))
            return cps.at(j);
    return 0;
}

char32_t neighbourAfter(const QList<uint> &cps, qsizetype i)
{
    for (qsizetype j = i + 1; j < cps.size(); ++j)
        if (!isSpace(cps.at(j)))
            return cps.at(j);
    return 0;
}

} // namespace

bool TextCleaner::isCjk(char32_t c)
{
    if (isHan(c))
        return true;
    // CJK symbols and punctuation, full-width forms, and the punctuation Chinese text shares with
    // Western typography but sets full width: — … ‘ ’ “ ” ·
    return (c >= 0x3000 && c <= 0x303f) || (c >= 0xff00 && c <= 0xffef) || c == 0x2014 || c == 0x2026 ||
           (c >= 0x2018 && c <= 0x201d) || c == 0x00b7;
}

QString TextCleaner::normalizeLineEnds(const QString &text)
{
    QString out = text;
    out.replace(QStringLiteral("\r\n"), QStringLiteral("\n"));
    out.replace(QLatin1Char('\r'), QLatin1Char('\n'));
    out.replace(QLatin1Char('\f'), QStringLiteral("\n\n"));
    return out;
}

QString TextCleaner::stripEmphasisMarks(const QString &text)
{
    static const QRegularExpression bold(QStringLiteral("\\*\\*(.*?)\\*\\*"));
    QString out = text;
    out.replace(bold, QStringLiteral("\\1"));
    return out;
}

QString TextCleaner::removeCjkSpaces(const QString &text)
{
    const QList<uint> cps = text.toUcs4();
    QList<uint> out;
    out.reserve(cps.size());
    for (qsizetype i = 0; i < cps.size(); ++i) {
        const char32_t c = cps.at(i);
        if (!isSpace(c)) {
            out << c;
            continue;
        }
        qsizetype end = i;
        while (end < cps.size() && isSpace(cps.at(end)))
            ++end;
        const char32_t before = i > 0 ? cps.at(i - 1) : 0;
        const char32_t after = end < cps.size() ? cps.at(end) : 0;
        const bool cjkPunctuation = (isCjk(before) && !isHan(before)) || (isCjk(after) && !isHan(after));
        const bool drop = before != 0 && after != 0 &&
                          ((isCjk(before) && isCjk(after)) || cjkPunctuation ||
                           (isDigit(before) && isDateUnit(after)) || (isDateUnit(before) && isDigit(after)));
        if (!drop)
            out << cps.mid(i, end - i);
        i = end - 1;
    }
    return fromUcs4(out);
}

QString TextCleaner::toFullWidthPunctuation(const QString &text)
{
    QList<uint> cps = text.toUcs4();
    for (qsizetype i = 0; i < cps.size(); ++i) {
        const char32_t c = cps.at(i);
        const char32_t before = neighbourBefore(cps, i);
        const char32_t after = neighbourAfter(cps, i);
        const bool chineseContext = isCjk(before) || isCjk(after);
        switch (c) {
        case U',':
        case U':':
            // "1,000" and "10:30" are numbers, not Chinese punctuation.
            if (chineseContext && !(isDigit(before) && isDigit(after)))
                cps[i] = c == U',' ? U'，' : U'：';
            break;
        case U';':
            if (chineseContext)
                cps[i] = U'；';
            break;
        case U'?':
            if (chineseContext)
                cps[i] = U'？';
            break;
        case U'!':
            if (chineseContext)
                cps[i] = U'！';
            break;
        case U'(': {
            qsizetype close = i + 1;
            while (close < cps.size() && cps.at(close) != U')' && cps.at(close) != U'(')
                ++close;
            if (close >= cps.size() || cps.at(close) != U')')
                break;
            bool cjkInside = false;
            for (qsizetype j = i + 1; j < close; ++j)
                cjkInside = cjkInside || isCjk(cps.at(j));
            if (cjkInside || isCjk(before)) {
                cps[i] = U'（';
                cps[close] = U'）';
            }
            break;
        }
        default:
            break;
        }
    }
    return fromUcs4(cps);
}

QString TextCleaner::pairQuotes(const QString &text)
{
    QList<uint> cps = text.toUcs4();
    bool hasCjk = false;
    for (const uint c : cps)
        hasCjk = hasCjk || isHan(c);
    if (!hasCjk)
        return text;
    bool doubleOpen = false;
    bool singleOpen = false;
    for (qsizetype i = 0; i < cps.size(); ++i) {
        if (cps.at(i) == U'"') {
            cps[i] = doubleOpen ? U'”' : U'“';
            doubleOpen = !doubleOpen;
        } else if (cps.at(i) == U'\'') {
            // An apostrophe inside a Latin word ("don't") is not a quote.
            const char32_t before = i > 0 ? cps.at(i - 1) : 0;
            const char32_t after = i + 1 < cps.size() ? cps.at(i + 1) : 0;
            if (!(isCjk(before) || isCjk(after)) && !singleOpen)
                continue;
            cps[i] = singleOpen ? U'’' : U'‘';
            singleOpen = !singleOpen;
        } else if (cps.at(i) == U'“') {
            doubleOpen = true;
        } else if (cps.at(i) == U'”') {
            doubleOpen = false;
        }
    }
    return fromUcs4(cps);
}

QString TextCleaner::joinLines(const QStringList &lines)
{
    QString out;
    for (const QString &raw : lines) {
        const QString line = raw.trimmed();
        if (line.isEmpty())
            continue;
        if (!out.isEmpty()) {
            const char32_t before = out.back().unicode();
            const char32_t after = line.front().unicode();
            // A line break between two Latin words or numbers was a space; anywhere else in
            // Chinese text it was only the column edge.
            if (isAsciiAlnum(before) && isAsciiAlnum(after))
                out += QLatin1Char(' ');
        }
        out += line;
    }
    return out;
}

bool TextCleaner::endsSentence(const QString &text)
{
    static const QString terminal = QStringLiteral("。！？…!?；;");
    static const QString closing = QStringLiteral("”’）」』)\"");
    QString t = text.trimmed();
    if (t.isEmpty())
        return false;
    if (terminal.contains(t.back()))
        return true;
    if (closing.contains(t.back()) && t.size() >= 2)
        return terminal.contains(t.at(t.size() - 2));
    return false;
}

QString TextCleaner::rejoinWrappedLines(const QString &text)
{
    QStringList paragraphs;
    QStringList current;
    bool blankSeen = false;
    for (const QString &line : normalizeLineEnds(text).split(QLatin1Char('\n'))) {
        if (line.trimmed().isEmpty()) {
            blankSeen = true;
            continue;
        }
        if (blankSeen && !current.isEmpty() && endsSentence(current.constLast())) {
            paragraphs << joinLines(current);
            current.clear();
        }
        blankSeen = false;
        current << line;
    }
    if (!current.isEmpty())
        paragraphs << joinLines(current);
    return paragraphs.join(QLatin1Char('\n'));
}

QString TextCleaner::cleanParagraph(const QString &text)
{
    return pairQuotes(toFullWidthPunctuation(removeCjkSpaces(stripEmphasisMarks(text))).trimmed());
}

} // namespace baokan::text
