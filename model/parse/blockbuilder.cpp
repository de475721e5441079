// SPDX-License-Identifier: MIT
#include "parse/blockbuilder.h"

#include "parse/parselog.h"
#include "parse/textmetrics.h"
#include "text/textcleaner.h"

#include <algorithm>
#include <cmath>
#include <utility>

namespace baokan::parse {

using text::TextCleaner;

namespace {

// A headline is at most a few short lines; anything longer is text even without punctuation.
constexpr double MaxHeadlineWidth = 60;
constexpr int MaxHeadlineLines = 4;
constexpr double MaxCaptionWidth = 16;
constexpr double MaxCommaHeadlineWidth = 30;
// How far from the column width a line may be and still count as a full column line: justified
// lines vary by a character or two with punctuation and digits.
constexpr double ColumnTolerance = 1.5;
constexpr double ColumnShortfall = 3;

struct RawBlock
{
    QStringList lines;
    bool opening = false;
    std::shared_ptr<const Byline> byline;
};

bool isFullColumn(const QString &line, double column)
{
    const double width = TextMetrics::width(line.trimmed());
    return column > 0 && width >= column - ColumnShortfall && width <= column + ColumnTolerance;
}

// Splits the lines of a text block into paragraphs: on a hard-wrapped page a line that ends a
// sentence well short of the column edge ends its paragraph; where no column width shows, any
// line that ends a sentence does.
QList<QStringList> paragraphsOf(const QStringList &lines, double column)
{
    QList<QStringList> out;
    QStringList current;
    for (const QString &line : lines) {
        current << line;
        if (TextCleaner::endsSentence(line) &&
            (column == 0 || TextMetrics::width(line.trimmed()) < column - ColumnTolerance)) {
            out << current;
            current.clear();
        }
    }
    if (!current.isEmpty())
        out << current;
    return out;
}

// A headline printed right under the last line of a body, with no blank line between: the lines
// after a sentence end that have no sentence punctuation and are short. Returns where they start.
qsizetype trailingHeadlineStart(const QStringList &lines, bool nextIsOpening)
{
    for (qsizetype i = 1; i < lines.size(); ++i) {
        if (!TextCleaner::endsSentence(lines.at(i - 1)))
            continue;
        // A paragraph's unfinished last line looks the same; a headline is set apart by its
        // indent, by an article opening right under it, or by phrases glued with spaces.
        const QString &first = lines.at(i);
        const bool setApart =
            nextIsOpening || (!first.isEmpty() && first.front().isSpace()) || TextMetrics::phrases(first).size() > 1;
        if (!setApart)
            continue;
        const QStringList tail = lines.mid(i);
        double width = 0;
        bool punctuated = false;
        for (const QString &l : tail) {
            width += TextMetrics::width(l.trimmed());
            punctuated = punctuated || TextMetrics::hasSentencePunctuation(l);
        }
        if (!punctuated && width <= MaxHeadlineWidth && tail.size() <= MaxHeadlineLines)
            return i;
    }
    return -1;
}

// No newspaper column is this wide: a line this long is a whole paragraph.
bool hasParagraphLine(const QStringList &lines)
{
    return std::any_of(lines.begin(), lines.end(),
                       [](const QString &l) { return TextMetrics::width(l.trimmed()) > MaxHeadlineWidth; });
}

} // namespace

double BlockBuilder::columnWidth(const QList<QStringList> &rawBlocks)
{
    QList<double> widths;
    for (const QStringList &lines : rawBlocks) {
        if (lines.size() < 3)
            continue;
        for (qsizetype i = 0; i + 1 < lines.size(); ++i)
            widths << TextMetrics::width(lines.at(i).trimmed());
    }
    // A page of paragraph-long lines has few or no wrapped blocks.
    if (widths.size() < 8)
        return 0;
    std::sort(widths.begin(), widths.end());
    return widths.at(widths.size() / 2);
}

QList<PageBlock> BlockBuilder::build(const QList<PageLine> &lines, const std::atomic_bool *cancel)
{
    // 1. Group lines into raw blocks; credits stand alone.
    QList<RawBlock> raw;
    QList<PageBlock> specials; // credits, indexed by the raw block they follow
    QList<int> specialAfter;
    RawBlock current;
    bool open = false;
    auto flush = [&]() {
        if (open && (!current.lines.isEmpty() || current.opening))
            raw << current;
        current = RawBlock{};
        open = false;
    };
    for (qsizetype i = 0; i < lines.size(); ++i) {
        if (isCancelled(cancel))
            return {};
        const PageLine &line = lines.at(i);
        switch (line.kind) {
        case LineKind::Blank:
            flush();
            break;
        case LineKind::Junk:
            break;
        case LineKind::Text:
            // The indent is kept: it is one of the few marks that set a headline apart.
            current.lines << (line.indented ? QLatin1Char(' ') + line.text : line.text);
            open = true;
            break;
        case LineKind::Opening:
            flush();
            current.opening = true;
            current.byline = line.byline;
            if (!line.text.isEmpty())
                current.lines << line.text;
            open = true;
            break;
        case LineKind::PhotoCredit: {
            // A bare "names 摄" line inside running text is text that happens to end in 摄.
            const bool bare = !line.text.isEmpty();
            const bool insideText = bare && open && !current.lines.isEmpty();
            if (insideText) {
                current.lines << line.text;
                break;
            }
            flush();
            PageBlock block;
            block.kind = BlockKind::PhotoCredit;
            block.byline = line.byline;
            if (bare)
                block.lines = {line.text};
            specials << block;
            specialAfter << static_cast<int>(raw.size());
            break;
        }
        case LineKind::Source: {
            flush();
            PageBlock block;
            block.kind = BlockKind::Source;
            block.source = line.source;
            specials << block;
            specialAfter << static_cast<int>(raw.size());
            break;
        }
        }
    }
    flush();

    // 2. On a page whose lines are whole paragraphs every line is a block of its own, even where
    // no blank line separates them. Headlines glued under a body's last line become blocks of
    // their own.
    QList<QStringList> rawLines;
    for (const RawBlock &b : std::as_const(raw))
        rawLines << b.lines;
    const double column = columnWidth(rawLines);
    qCDebug(lcParse) << "column width" << column;
    QList<RawBlock> split;
    QList<int> newIndex; // raw index → index in split of the first part
    for (qsizetype k = 0; k < raw.size(); ++k) {
        if (isCancelled(cancel))
            return {};
        const RawBlock &block = raw.at(k);
        newIndex << static_cast<int>(split.size());
        if (column == 0 && block.lines.size() > 1 && hasParagraphLine(block.lines)) {
            for (qsizetype l = 0; l < block.lines.size(); ++l) {
                RawBlock one;
                if (l == 0) {
                    one.opening = block.opening;
                    one.byline = block.byline;
                }
                one.lines << block.lines.at(l);
                split << one;
            }
            continue;
        }
        const qsizetype at = trailingHeadlineStart(block.lines, k + 1 < raw.size() && raw.at(k + 1).opening);
        if (at > 0) {
            RawBlock head = block;
            head.lines = block.lines.mid(0, at);
            RawBlock tail;
            tail.lines = block.lines.mid(at);
            split << head << tail;
        } else {
            split << block;
        }
    }
    newIndex << static_cast<int>(split.size());
    // Each step's input is dropped once used: a 50 MB page has close to a million lines.
    raw = {};
    rawLines = {};

    // 3. Classify text blocks.
    QList<PageBlock> blocks;
    QList<bool> fromText; // blocks that may take part in column-break merging
    qsizetype special = 0;
    for (qsizetype i = 0; i < split.size(); ++i) {
        if (isCancelled(cancel))
            return {};
        while (special < specials.size() && newIndex.at(specialAfter.at(special)) <= i) {
            blocks << specials.at(special++);
            fromText << false;
        }
        const RawBlock &b = split.at(i);
        PageBlock block;
        const QString joined = TextCleaner::joinLines(b.lines);
        const double width = TextMetrics::width(joined);
        const bool gluedPhrases = b.lines.size() == 1 && TextMetrics::phrases(b.lines.first()).size() > 1;
        // A short unfinished line right above an opening is its headline even when it has a comma
        // ("奋进新征程，建功新时代"): a column break would continue the sentence, not open an article.
        const bool aboveOpening = i + 1 < split.size() && split.at(i + 1).opening && b.lines.size() <= 2 &&
                                  width <= MaxCommaHeadlineWidth && !TextCleaner::endsSentence(b.lines.constLast()) &&
                                  !joined.endsWith(QChar(u'，')) && !joined.endsWith(QChar(u'、'));
        if (b.opening) {
            block.kind = BlockKind::Opening;
            block.byline = b.byline;
            block.paragraphs = paragraphsOf(b.lines, column);
        } else if (aboveOpening) {
            block.kind = BlockKind::Short;
            block.lines = b.lines;
        } else if (!TextMetrics::hasSentencePunctuation(joined) && width <= MaxHeadlineWidth &&
                   b.lines.size() <= MaxHeadlineLines &&
                   !(b.lines.size() == 1 && !gluedPhrases && isFullColumn(b.lines.first(), column))) {
            block.kind = BlockKind::Short;
            block.lines = b.lines;
        } else {
            block.kind = BlockKind::Body;
            block.paragraphs = paragraphsOf(b.lines, column);
        }
        blocks << block;
        fromText << true;
    }
    while (special < specials.size()) {
        blocks << specials.at(special++);
        fromText << false;
    }
    split = {};
    specials = {};

    // 4. A blank line inside a sentence is a column break: the next text block continues the
    // paragraph.
    QList<PageBlock> merged;
    for (qsizetype i = 0; i < blocks.size(); ++i) {
        PageBlock block = std::move(blocks[i]);
        const bool continues =
            !merged.isEmpty() && fromText.at(i) && block.kind == BlockKind::Body &&
            (merged.constLast().kind == BlockKind::Body || merged.constLast().kind == BlockKind::Opening) &&
            !merged.constLast().paragraphs.isEmpty() &&
            !TextCleaner::endsSentence(merged.constLast().paragraphs.constLast().constLast()) && fromText.at(i - 1);
        if (continues) {
            PageBlock &previous = merged.last();
            previous.paragraphs.last() << block.paragraphs.first();
            previous.paragraphs << block.paragraphs.mid(1);
            continue;
        }
        merged << std::move(block);
    }
    blocks = {};

    // 5. What is left as a short one-liner ending in a full stop is a caption.
    for (PageBlock &block : merged) {
        if (block.kind != BlockKind::Body || block.paragraphs.size() != 1 || block.paragraphs.first().size() != 1)
            continue;
        const QString line = block.paragraphs.first().first().trimmed();
        static const QString inner = QStringLiteral("，；：、");
        const bool plain = std::none_of(line.begin(), line.end(), [](QChar c) { return inner.contains(c); });
        if (plain && line.endsWith(QChar(u'。')) && TextMetrics::width(line) <= MaxCaptionWidth) {
            block.kind = BlockKind::Caption;
            block.lines = {line};
            block.paragraphs.clear();
        }
    }
    return merged;
}

} // namespace baokan::parse
