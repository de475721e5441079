// SPDX-License-Identifier: MIT
#pragma once

#include <QString>

#include <optional>

namespace baokan::annotate {

// Where a highlighted passage is: its quote, the text just before and after it, and its
// code-point range (end exclusive) in the text it was made on.
struct TextAnchor
{
    QString quote;
    QString prefix;
    QString suffix;
    qint64 start = -1;
    qint64 end = -1;
};

// The result of looking for an anchor in a (possibly changed) text.
struct Placement
{
    bool found = false;
    qint64 start = -1;
    qint64 end = -1;
    double score = 0;   // 0..1: how well quote and context agree with the text there
    bool exact = false; // the quote occurs unchanged
};

// Places highlights again when the text they were made on changes (a better parser, a corrected
// page). The exact quote wins, the best context deciding among several occurrences and the old
// offset breaking ties; otherwise an approximate match of the quote (few edits) whose context
// also agrees. Anything weaker is not placed: a highlight must never mark the wrong words.
// Pure functions on code points; usable from any thread.
class HighlightAnchor
{
public:
    static constexpr int kContext = 32;            // code points of context kept on each side
    static constexpr double kMinScore = 0.7;       // of 0.6 × quote similarity + 0.4 × context similarity
    static constexpr double kMaxQuoteEdits = 0.25; // edits allowed per code point of quote

    // The anchor of the code-point range [start, end) of text; nothing for an empty or
    // out-of-range selection.
    static std::optional<TextAnchor> fromRange(const QString &text, qint64 start, qint64 end, int context = kContext);

    static Placement locate(const TextAnchor &anchor, const QString &text);

    // Code-point offsets and QString (UTF-16) positions, for the edge of the UI.
    static qint64 codePointCount(const QString &text);
    static qint64 toCodePoint(const QString &text, qsizetype utf16Index);
    static qsizetype toUtf16(const QString &text, qint64 codePoint);
};

} // namespace baokan::annotate
