// SPDX-License-Identifier: MIT
#include "parse/articleassembler.h"

#include "parse/parselog.h"
#include "parse/textmetrics.h"
#include "text/textcleaner.h"

#include <QRegularExpression>

#include <algorithm>
#include <cmath>

namespace baokan::parse {

using text::TextCleaner;

namespace {

// Photo news is a short text closed by a photo credit.
constexpr int MaxPhotoNewsParagraphs = 3;
// How much narrower (in characters) a column must be to be a different piece of the page.
constexpr double NarrowerColumn = 3;

// A section head is a single short line; a glued pair of headlines or a headline with its
// subtitle is two or more.
constexpr double MaxSectionHeadWidth = 20;

bool isSectionHeadShape(const QStringList &lines)
{
    return lines.size() == 1 && TextMetrics::width(lines.first().trimmed()) <= MaxSectionHeadWidth;
}

bool similarShape(const QString &a, const QString &b)
{
    // Numbered heads ("一、…", "（二）…") are siblings whatever their length.
    static const QRegularExpression numbered(
        QStringLiteral("^\\s*(?:[一二三四五六七八九十]+、|[（(][一二三四五六七八九十]+[）)]|\\d+[、.．])"));
    if (numbered.match(a).hasMatch() && numbered.match(b).hasMatch())
        return true;
    return TextMetrics::phrases(a).size() == TextMetrics::phrases(b).size() &&
           std::abs(TextMetrics::width(a.trimmed()) - TextMetrics::width(b.trimmed())) <= 3;
}

// Section heads come in series: an article that has one has two or more, alike in shape, each
// between stretches of body text, with no opening or credit between them. A lone short line
// between bodies is more likely the headline of the next article.
bool hasSiblingHead(const QList<PageBlock> &blocks, qsizetype from, const QString &head)
{
    for (qsizetype j = from; j + 1 < blocks.size(); ++j) {
        const BlockKind kind = blocks.at(j).kind;
        if (kind == BlockKind::Opening || kind == BlockKind::Source || kind == BlockKind::PhotoCredit)
            return false;
        if (kind == BlockKind::Short) {
            return isSectionHeadShape(blocks.at(j).lines) && blocks.at(j + 1).kind == BlockKind::Body &&
                   similarShape(blocks.at(j).lines.first(), head);
        }
    }
    return false;
}

double medianWidth(const QList<QStringList> &paragraphs)
{
    QList<double> widths;
    for (const QStringList &p : paragraphs)
        for (qsizetype i = 0; i + 1 < p.size(); ++i) // a paragraph's last line is short anyway
            widths << TextMetrics::width(p.at(i).trimmed());
    if (widths.isEmpty())
        return 0;
    std::sort(widths.begin(), widths.end());
    return widths.at(widths.size() / 2);
}

// A bare photo credit under a report whose last block is set in a clearly narrower column than
// the report: that block is a picture's text of its own.
bool isUntitledPhotoNews(const ArticleDraft &draft)
{
    if (draft.lastBlockStart <= 0 || draft.lastBlockStart >= draft.rawParagraphs.size())
        return false;
    const double before = medianWidth(draft.rawParagraphs.mid(0, draft.lastBlockStart));
    const double last = medianWidth(draft.rawParagraphs.mid(draft.lastBlockStart));
    return before > 0 && last > 0 && last <= before - NarrowerColumn;
}

} // namespace

ArticleAssembler::Result ArticleAssembler::assemble(const QList<PageBlock> &blocks, const std::atomic_bool *cancel)
{
    Result result;
    HeadlineRun run;
    QStringList pendingCaptions;
    ArticleDraft *current = nullptr;

    auto startDraft = [&]() {
        if (!run.blocks.isEmpty()) {
            run.nextDraft = static_cast<int>(result.drafts.size());
            result.runs << run;
            run = HeadlineRun{};
        }
        result.drafts << ArticleDraft{};
        current = &result.drafts.last();
        current->article.captions << pendingCaptions;
        pendingCaptions.clear();
    };

    for (qsizetype i = 0; i < blocks.size(); ++i) {
        if (isCancelled(cancel))
            return {};
        const PageBlock &block = blocks.at(i);
        switch (block.kind) {
        case BlockKind::Short:
            run.blocks << block.lines;
            break;
        case BlockKind::Caption:
            // A caption belongs to the article it sits in; one after a headline or after an
            // article's closing credit belongs to the next article.
            if (current && run.blocks.isEmpty() && !current->closed) {
                current->article.captions << block.lines.first().trimmed();
            } else {
                pendingCaptions << block.lines.first().trimmed();
            }
            break;
        case BlockKind::Source:
            if (current) {
                current->article.source = block.source;
                current->closed = true;
            }
            break;
        case BlockKind::PhotoCredit:
            if (current && !block.lines.isEmpty() && isUntitledPhotoNews(*current)) {
                // Photo news printed without a headline under a report: its narrower text
                // was taken for the report's last paragraph.
                ArticleDraft photo;
                photo.rawParagraphs = current->rawParagraphs.mid(current->lastBlockStart);
                current->rawParagraphs.resize(current->lastBlockStart);
                result.drafts << photo;
                current = &result.drafts.last();
            }
            if (current) {
                if (block.byline)
                    current->article.photographers << block.byline->photographers;
                current->closed = true;
            }
            break;
        case BlockKind::Opening: {
            // Even an opening with no text of its own ("本报记者●…" on its own line) starts
            // the article: its body follows after the captions.
            startDraft();
            Article &a = current->article;
            if (block.byline) {
                a.dateline = block.byline->dateline;
                a.reporters = block.byline->reporters;
                a.correspondents = block.byline->correspondents;
                a.interns = block.byline->interns;
                a.photographers = block.byline->photographers;
            }
            current->rawParagraphs << block.paragraphs;
            break;
        }
        case BlockKind::Body: {
            if (!current || current->closed) {
                startDraft();
            } else if (!run.blocks.isEmpty()) {
                // Is the run a section head inside the current article, or the headline of a
                // new one? Look at the text up to the next non-body block.
                QStringList chunk;
                qsizetype j = i;
                for (; j < blocks.size() &&
                       (blocks.at(j).kind == BlockKind::Body || blocks.at(j).kind == BlockKind::Caption);
                     ++j) {
                    for (const QStringList &p : blocks.at(j).paragraphs)
                        chunk << TextCleaner::joinLines(p);
                }
                const bool photoNews = j < blocks.size() && blocks.at(j).kind == BlockKind::PhotoCredit &&
                                       chunk.size() <= MaxPhotoNewsParagraphs;
                const bool singleLine = run.blocks.size() == 1 && isSectionHeadShape(run.blocks.first());
                const QString head = singleLine ? run.blocks.first().first() : QString();
                const bool series =
                    singleLine && ((!current->sectionHead.isNull() && similarShape(current->sectionHead, head)) ||
                                   hasSiblingHead(blocks, i, head));
                qCDebug(lcParse) << "run" << run.blocks << "photo news" << photoNews << "series" << series;
                if (!photoNews && series && !current->rawParagraphs.isEmpty()) {
                    current->sectionHead = head;
                    current->sectionHeads << current->rawParagraphs.size();
                    current->rawParagraphs << run.blocks.first();
                    run = HeadlineRun{};
                } else {
                    startDraft();
                }
            }
            current->lastBlockStart = current->rawParagraphs.size();
            current->rawParagraphs << block.paragraphs;
            current->article.captions << pendingCaptions;
            pendingCaptions.clear();
            break;
        }
        }
    }
    if (!run.blocks.isEmpty()) {
        run.nextDraft = static_cast<int>(result.drafts.size());
        result.runs << run;
    }
    if (!pendingCaptions.isEmpty() && current)
        current->article.captions << pendingCaptions;
    return result;
}

} // namespace baokan::parse
