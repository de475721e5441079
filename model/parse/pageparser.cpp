// SPDX-License-Identifier: MIT
#include "parse/pageparser.h"

#include "parse/articleassembler.h"
#include "parse/blockbuilder.h"
#include "parse/headlinematcher.h"
#include "parse/lineclassifier.h"
#include "parse/parselog.h"
#include "parse/textmetrics.h"
#include "text/textcleaner.h"

Q_LOGGING_CATEGORY(lcParse, "baokan.parse", QtInfoMsg)

namespace baokan::parse {

using text::TextCleaner;

QList<Article> PageParser::parsePage(const QString &text) const
{
    // Each pass's input is freed once the next has its result: on a 50 MB page every copy of
    // the text counts.
    ArticleAssembler::Result layout = ArticleAssembler::assemble(BlockBuilder::build(LineClassifier::classify(text)));
    HeadlineMatcher(layout.drafts).attach(layout.drafts, layout.runs);

    QList<Article> articles;
    for (const ArticleDraft &draft : std::as_const(layout.drafts)) {
        Article article = draft.article;
        for (qsizetype i = 0; i < draft.rawParagraphs.size(); ++i) {
            const QStringList &raw = draft.rawParagraphs.at(i);
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
        articles << article;
    }
    return articles;
}

} // namespace baokan::parse
