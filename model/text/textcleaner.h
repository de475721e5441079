// SPDX-License-Identifier: MIT
#pragma once

#include <QString>
#include <QStringList>

namespace baokan::text {

// Small pure functions that undo what PDF extraction did to a page's text. Each does one thing;
// the page parser decides in which order to apply them. Usable from any thread.
class TextCleaner
{
public:
    // "\r\n" and "\r" become "\n"; a form feed (page break in some extractions) becomes a blank line.
    static QString normalizeLineEnds(const QString &text);

    // "**蒙古国**" → "蒙古国": bold markers some extractors leave behind.
    static QString stripEmphasisMarks(const QString &text);

    // Drops spaces between two CJK characters (or CJK punctuation), and between a number and the
    // date unit after it ("11 月 14 日" → "11月14日"). Spaces between Latin words or numbers stay.
    static QString removeCjkSpaces(const QString &text);

    // ASCII , : ; ? ! ( ) become full width where they touch Chinese text; inside Latin and number
    // runs ("10.68万元", "1,000", "10:30", "(ABC)") they stay.
    static QString toFullWidthPunctuation(const QString &text);

    // Straight quotes in Chinese text become paired curly quotes: "…" → “…”, '…' → ‘…’.
    static QString pairQuotes(const QString &text);

    // Joins wrapped lines: nothing between CJK characters, one space between Latin words.
    static QString joinLines(const QStringList &lines);

    // True when the text ends a sentence (。！？… or a closing quote/bracket right after one).
    static bool endsSentence(const QString &text);

    // Rejoins hard-wrapped text into paragraphs, one per line of the result. A blank line ends a
    // paragraph only where a sentence ends; a blank line inside a sentence is a column break.
    static QString rejoinWrappedLines(const QString &text);

    // The cleaning a paragraph of body text gets: emphasis marks, spaces, punctuation, quotes.
    static QString cleanParagraph(const QString &text);

    // True for Han characters and full-width / CJK punctuation (code point).
    static bool isCjk(char32_t c);
};

} // namespace baokan::text
