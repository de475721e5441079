// SPDX-License-Identifier: MIT
#pragma once

#include "parse/articleassembler.h"
#include "parse/textmetrics.h"

#include <QHash>
#include <QSet>

#include <vector>

namespace baokan::parse {

// Gives each article its headline. A page prints headlines before, after or several articles
// away from their bodies, and glues headlines of different articles onto one line, so position
// alone is not enough: a headline goes to the body that shares the most of its words (character
// bigrams weighted by how rare they are on the page), with nearness only breaking near-ties.
// Pure; usable from any thread.
class HeadlineMatcher
{
public:
    // A set `cancel` stops both the indexing and attach() early (see cancelflag.h).
    explicit HeadlineMatcher(const QList<ArticleDraft> &drafts, const std::atomic_bool *cancel = nullptr);

    // Sets title, kicker and subtitle of the drafts from the runs.
    void attach(QList<ArticleDraft> &drafts, const QList<HeadlineRun> &runs) const;

    // How well `headline` matches article `index`: the share of the headline's bigram weight
    // found in the article, 0..1.
    double score(const QString &headline, int index) const;

private:
    struct Phrase
    {
        QString text;
        int line = 0;
        bool dash = false;
    };
    struct Group
    {
        QList<Phrase> phrases;
        int run = 0;
    };

    double weight(TextMetrics::Bigram bigram) const;
    double rawMatch(const QSet<TextMetrics::Bigram> &headline, int index) const;
    double score(const QSet<TextMetrics::Bigram> &headline, int index) const;
    QList<Group> bestPartition(const QList<Phrase> &phrases, int run, int next) const;
    static QString textOf(const Group &group);
    static void apply(Article &article, const Group &group);

    QList<std::vector<TextMetrics::Bigram>> m_articleBigrams; // each sorted
    QHash<TextMetrics::Bigram, int> m_documentFrequency;
    const std::atomic_bool *m_cancel = nullptr;
};

} // namespace baokan::parse
