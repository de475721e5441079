// SPDX-License-Identifier: MIT
#include "annotate/highlightanchor.h"

#include <algorithm>
#include <cstdlib>
#include <string>
#include <vector>

namespace baokan::annotate {

namespace {

using Text = std::u32string;

int levenshtein(const Text &a, const Text &b)
{
    std::vector<int> row(b.size() + 1);
    for (size_t j = 0; j <= b.size(); ++j)
        row[j] = int(j);
    for (size_t i = 1; i <= a.size(); ++i) {
        int diag = row[0];
        row[0] = int(i);
        for (size_t j = 1; j <= b.size(); ++j) {
            const int up = row[j];
            row[j] = std::min({row[j] + 1, row[j - 1] + 1, diag + (a[i - 1] == b[j - 1] ? 0 : 1)});
            diag = up;
        }
    }
    return row[b.size()];
}

double similarity(const Text &a, const Text &b)
{
    const size_t longest = std::max(a.size(), b.size());
    if (longest == 0)
        return 1.0;
    return 1.0 - double(levenshtein(a, b)) / double(longest);
}

// How well the text around [begin, end) agrees with the stored prefix and suffix. The stored
// context is compared with the same number of code points next to the candidate, so text
// inserted further away does not count against it.
double contextScore(const Text &text, size_t begin, size_t end, const Text &prefix, const Text &suffix)
{
    const size_t pBegin = begin >= prefix.size() ? begin - prefix.size() : 0;
    const Text before = text.substr(pBegin, begin - pBegin);
    const Text after = text.substr(end, std::min(suffix.size(), text.size() - end));
    return (similarity(prefix, before) + similarity(suffix, after)) / 2.0;
}

struct Candidate
{
    size_t begin;
    size_t end;
    double quote; // similarity of the quote, 1 when exact
};

// Every substring of text within maxEdits edits of quote, as (begin, end, edits): Sellers'
// semi-global alignment, carrying the start of each path along with its cost.
std::vector<Candidate> approximateMatches(const Text &quote, const Text &text, int maxEdits)
{
    const size_t m = quote.size();
    std::vector<int> cost(m + 1), nextCost(m + 1);
    std::vector<size_t> from(m + 1), nextFrom(m + 1);
    for (size_t i = 0; i <= m; ++i) {
        cost[i] = int(i);
        from[i] = 0;
    }
    std::vector<Candidate> out;
    for (size_t j = 1; j <= text.size(); ++j) {
        nextCost[0] = 0;
        nextFrom[0] = j;
        for (size_t i = 1; i <= m; ++i) {
            const int diag = cost[i - 1] + (quote[i - 1] == text[j - 1] ? 0 : 1);
            const int skipText = cost[i] + 1;          // text has an extra code point
            const int skipQuote = nextCost[i - 1] + 1; // text lacks a quote code point
            if (diag <= skipText && diag <= skipQuote) {
                nextCost[i] = diag;
                nextFrom[i] = from[i - 1];
            } else if (skipText <= skipQuote) {
                nextCost[i] = skipText;
                nextFrom[i] = from[i];
            } else {
                nextCost[i] = skipQuote;
                nextFrom[i] = nextFrom[i - 1];
            }
        }
        std::swap(cost, nextCost);
        std::swap(from, nextFrom);
        if (cost[m] <= maxEdits && j > from[m])
            out.push_back({from[m], j, 1.0 - double(cost[m]) / double(m)});
    }
    return out;
}

} // namespace

qint64 HighlightAnchor::codePointCount(const QString &text)
{
    return toCodePoint(text, text.size());
}

qint64 HighlightAnchor::toCodePoint(const QString &text, qsizetype utf16Index)
{
    qint64 n = 0;
    const qsizetype stop = std::min(utf16Index, text.size());
    for (qsizetype i = 0; i < stop; ++i, ++n)
        if (text.at(i).isHighSurrogate() && i + 1 < text.size() && text.at(i + 1).isLowSurrogate())
            ++i;
    return n;
}

qsizetype HighlightAnchor::toUtf16(const QString &text, qint64 codePoint)
{
    qsizetype i = 0;
    for (qint64 n = 0; n < codePoint && i < text.size(); ++n, ++i)
        if (text.at(i).isHighSurrogate() && i + 1 < text.size() && text.at(i + 1).isLowSurrogate())
            ++i;
    return i;
}

std::optional<TextAnchor> HighlightAnchor::fromRange(const QString &text, qint64 start, qint64 end, int context)
{
    const Text t = text.toStdU32String();
    if (start < 0 || end <= start || size_t(end) > t.size())
        return std::nullopt;
    const size_t b = size_t(start);
    const size_t e = size_t(end);
    const size_t pBegin = b >= size_t(context) ? b - size_t(context) : 0;
    TextAnchor a;
    a.quote = QString::fromStdU32String(t.substr(b, e - b));
    a.prefix = QString::fromStdU32String(t.substr(pBegin, b - pBegin));
    a.suffix = QString::fromStdU32String(t.substr(e, std::min(size_t(context), t.size() - e)));
    a.start = start;
    a.end = end;
    return a;
}

Placement HighlightAnchor::locate(const TextAnchor &anchor, const QString &text)
{
    const Text t = text.toStdU32String();
    const Text quote = anchor.quote.toStdU32String();
    const Text prefix = anchor.prefix.toStdU32String();
    const Text suffix = anchor.suffix.toStdU32String();
    Placement best;
    if (quote.empty() || quote.size() > t.size() + size_t(double(quote.size()) * kMaxQuoteEdits))
        return best;

    // Among candidates the best score wins; equal scores go to the one nearest the old offset.
    auto consider = [&](const Candidate &c, bool exact) {
        const double score = 0.6 * c.quote + 0.4 * contextScore(t, c.begin, c.end, prefix, suffix);
        const auto distance = [&](qint64 at) { return anchor.start < 0 ? 0 : std::llabs(at - anchor.start); };
        const bool better = !best.found || score > best.score + 1e-9 ||
                            (score > best.score - 1e-9 && distance(qint64(c.begin)) < distance(best.start));
        if (better) {
            best.found = true;
            best.start = qint64(c.begin);
            best.end = qint64(c.end);
            best.score = score;
            best.exact = exact;
        }
    };

    size_t occurrences = 0;
    for (size_t at = t.find(quote); at != Text::npos; at = t.find(quote, at + 1)) {
        ++occurrences;
        consider({at, at + quote.size(), 1.0}, true);
    }
    // A long quote that occurs exactly once is its own evidence, whatever happened around it.
    constexpr size_t kSelfEvidentLength = 16;
    if (best.found && (best.score >= kMinScore || (occurrences == 1 && quote.size() >= kSelfEvidentLength)))
        return best;

    best = Placement{};
    const int maxEdits = int(double(quote.size()) * kMaxQuoteEdits);
    // The alignment costs quote × text steps; a huge highlight on a huge text is left for review
    // rather than stalling an import.
    constexpr double kMaxCells = 5e7;
    if (maxEdits > 0 && double(quote.size()) * double(t.size()) <= kMaxCells) {
        for (const Candidate &c : approximateMatches(quote, t, maxEdits))
            consider(c, false);
    }
    if (best.found && best.score >= kMinScore)
        return best;
    return Placement{};
}

} // namespace baokan::annotate
