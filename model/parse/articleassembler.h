// SPDX-License-Identifier: MIT
#pragma once

#include "parse/article.h"
#include "parse/blockbuilder.h"

#include <QList>

namespace baokan::parse {

// An article whose body is known but whose headline is not yet.
struct ArticleDraft
{
    Article article;                  // bylines, credits, captions; paragraphs still raw lines
    QList<QStringList> rawParagraphs; // the raw lines of each body paragraph
    bool closed = false;              // a credit ended it: what follows is another article
    QString sectionHead;              // the last section head kept inside, to recognize its siblings
    QList<qsizetype> sectionHeads;    // indexes into rawParagraphs of the section heads
    qsizetype lastBlockStart = 0;     // index into rawParagraphs where the last body block began
};

// Headline-like lines printed together between two bodies; which article each belongs to is
// decided later, by the words they share.
struct HeadlineRun
{
    QList<QStringList> blocks; // the lines of each short block, in page order
    int nextDraft = 0;         // index of the article that starts right after the run
};

// Third pass over a page: walks the blocks and cuts them into articles at openings, credits and
// headlines, keeping in-article section heads inside their article. Pure; usable from any thread.
class ArticleAssembler
{
public:
    struct Result
    {
        QList<ArticleDraft> drafts;
        QList<HeadlineRun> runs;
    };

    // A set `cancel` stops it early with a partial result (see cancelflag.h).
    static Result assemble(const QList<PageBlock> &blocks, const std::atomic_bool *cancel = nullptr);
};

} // namespace baokan::parse
