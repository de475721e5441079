// SPDX-License-Identifier: MIT
#pragma once

#include <QList>
#include <QString>

#include <vector>

namespace baokan::store {

// Decides which stored article a freshly parsed one is, so an article keeps its key (and with it
// the user's notes and tags) when a page is imported again and its text has changed a little, for
// instance because the parser improved. Also mints keys for articles seen for the first time.
// Pure functions; usable from any thread.
class ArticleMatcher
{
public:
    // Character bigrams of an article's letters and digits, sorted and unique. Spacing and
    // punctuation are left out: they are what a better cleaner changes most.
    using Fingerprint = std::vector<quint32>;

    // Below this share of common bigrams two texts are different articles. An article whose
    // parse gained or lost a paragraph or a headline stays well above it; two different
    // articles on one page share little beyond common words and stay well below.
    static constexpr double kThreshold = 0.5;

    static Fingerprint fingerprint(const QString &title, const QString &body);
    // Dice coefficient of the two bigram sets, 0..1.
    static double similarity(const Fingerprint &a, const Fingerprint &b);

    // For each fresh article, the index of the stored one it continues, or -1 for a new article.
    // Best pairs are taken first, so each stored article is continued at most once.
    static QList<int> match(const QList<Fingerprint> &stored, const QList<Fingerprint> &fresh);

    // A short readable key "<8 hex of the issue>-<8 hex of the article>". The same issue name and
    // opening text give the same key, so an article that disappears from a parse and comes back
    // finds its user data again. attempt > 0 derives another key when one is taken.
    static QString mintKey(const QString &issueName, const QString &title, const QString &body, int attempt = 0);
};

} // namespace baokan::store
