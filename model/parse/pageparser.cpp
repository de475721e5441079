// SPDX-License-Identifier: MIT
#include "parse/pageparser.h"

#include "parse/articleassembler.h"
#include "parse/blockbuilder.h"
#include "parse/headlinematcher.h"
#include "parse/lineclassifier.h"
#include "parse/parselog.h"
#include "parse/textmetrics.h"
#include "text/textcleaner.h"

#include <utility>

Q_LOGGING_CATEGORY(lcParse, "baokan.parse", QtInfoMsg)

namespace baokan::parse {

using text::TextCleaner;

QList<Article> PageParser::parsePage(const QString &text, const std::atomic_bool *cancel) const
{
    // Each pass's input is freed once the next has its result: on a 50 MB page every per-line
    // structure counts. (Nested calls would keep every temporary to the end of the statement.)
    ArticleAssembler::Result layout;
    {
        QList<PageBlock> blocks;
        {
            const QList<PageLine> lines = LineClassifier::classify(text, cancel);
            blocks = BlockBuilder::build(lines, cancel);
        }
        layout = ArticleAssembler::assemble(blocks, cancel);
    }
    HeadlineMatcher(layout.drafts, cancel).attach(layout.drafts, layout.runs);
    if (isCancelled(cancel))
        return {};
    layout.runs.clear();

    QList<Article> articles;
    articles.reserve(layout.drafts.size());
    for (ArticleDraft &draft : layout.drafts) {
        if (isCancelled(cancel))
            return {};
        // Taken from the draft as it is read, so the raw lines go as the article text comes.
        Article article = std::move(draft.article);
        const QList<QStringList> rawParagraphs = std::exchange(draft.rawParagraphs, {});
        for (qsizetype i = 0; i < rawParagraphs.size(); ++i) {
            const QStringList &raw = rawParagraphs.at(i);
            QString paragraph;
            if (draft.sectionHeads.contains(i)) {
                // A section head keeps the space between its phrases, as printed.
                QStringList phrases = TextMetrics::phrases(raw.join(QLatin1Char(' ')));
                for (QString &p : phrases)
                    p = TextCleaner::cleanParagraph(p);
                paragraph = phrases.join(QLatin1Char(' '));
            } else {
                paragraph = TextCleaner::cleanParagraph(TextCleaner::joinLines(raw));
            }
            if (!paragraph.isEmpty())
                article.paragraphs << paragraph;
        }
        for (QString &caption : article.captions)
            caption = TextCleaner::cleanParagraph(caption);
        // An opening or credit with no text around it is not an article.
        if (article.paragraphs.isEmpty() && article.title.isEmpty())
            continue;
        articles << std::move(article);
    }
    return articles;
}

} // namespace baokan::parse
