// SPDX-License-Identifier: MIT
#include "parse/headlinematcher.h"

#include "parse/headlinecomposer.h"
#include "parse/parselog.h"
#include "parse/textmetrics.h"
#include "text/textcleaner.h"

#include <QRegularExpression>

#include <algorithm>
#include <cmath>

namespace baokan::parse {

using text::TextCleaner;

namespace {

bool contains(const std::vector<TextMetrics::Bigram> &sorted, TextMetrics::Bigram b)
{
    return std::binary_search(sorted.begin(), sorted.end(), b);
}

// Below this share of its weight found in a body, a headline is not that body's headline (a
// page banner or a stray line matches nothing that well).
constexpr double MinScore = 0.2;
// Nearness breaks near-ties only: a headline right before an article, or right after its end.
constexpr double BonusBefore = 0.08;
constexpr double BonusAfter = 0.05;
// A headline strays a few articles from its body at most; looking further only costs time on
// huge inputs (a whole book pasted into one file).
constexpr int MatchWindow = 12;
// Partitions are enumerated; runs longer than this are taken line by line.
constexpr int MaxEnumeratedPhrases = 10;

// "记录智慧司法 推进法治政府建设 ——内蒙古自治区司法厅": a slogan signed by an institution on one
// line is the page banner, not a headline with a subtitle (which has a line of its own).
bool isBannerLine(const QString &line)
{
    const qsizetype dash = line.indexOf(QStringLiteral("——"));
    return dash > 0 && !line.left(dash).trimmed().isEmpty();
}

} // namespace

HeadlineMatcher::HeadlineMatcher(const QList<ArticleDraft> &drafts, const std::atomic_bool *cancel)
    : m_cancel(cancel)
{
    for (const ArticleDraft &draft : drafts) {
        if (isCancelled(m_cancel))
            return;
        QStringList parts;
        for (const QStringList &p : draft.rawParagraphs)
            parts << TextCleaner::joinLines(p);
        parts << draft.article.captions;
        const QSet<TextMetrics::Bigram> bigrams =
            TextMetrics::hanBigrams(TextCleaner::removeCjkSpaces(parts.join(QLatin1Char('\n'))));
        for (const TextMetrics::Bigram b : bigrams)
            ++m_documentFrequency[b];
        // A sorted array takes a fraction of a hash set's memory, which matters on a 50 MB page
        // with tens of thousands of articles; it is only asked whether it contains a bigram.
        std::vector<TextMetrics::Bigram> sorted(bigrams.cbegin(), bigrams.cend());
        std::sort(sorted.begin(), sorted.end());
        m_articleBigrams.push_back(std::move(sorted));
    }
}

double HeadlineMatcher::weight(TextMetrics::Bigram bigram) const
{
    // Inverse document frequency over the page's articles: words every article uses (自治,
    // 工作) say nothing about which article a headline belongs to.
    const double n = m_articleBigrams.size();
    return std::log((n + 1.0) / (m_documentFrequency.value(bigram) + 0.5));
}

double HeadlineMatcher::rawMatch(const QSet<TextMetrics::Bigram> &headline, int index) const
{
    double shared = 0;
    for (const TextMetrics::Bigram b : headline)
        if (contains(m_articleBigrams.at(index), b))
            shared += weight(b);
    return shared;
}

double HeadlineMatcher::score(const QSet<TextMetrics::Bigram> &headline, int index) const
{
    double total = 0;
    for (const TextMetrics::Bigram b : headline)
        total += weight(b);
    return total > 0 ? rawMatch(headline, index) / total : 0;
}

double HeadlineMatcher::score(const QString &headline, int index) const
{
    return score(TextMetrics::hanBigrams(headline), index);
}

QString HeadlineMatcher::textOf(const Group &group)
{
    QStringList parts;
    for (const Phrase &p : group.phrases)
        parts << TextCleaner::removeCjkSpaces(p.text);
    return parts.join(QString());
}

QList<HeadlineMatcher::Group> HeadlineMatcher::bestPartition(const QList<Phrase> &phrases, int run, int next) const
{
    const int articleCount = static_cast<int>(m_articleBigrams.size());
    const int n = static_cast<int>(phrases.size());
    auto groupsOf = [&](quint32 cuts) {
        QList<Group> groups;
        Group g{{}, run};
        for (int i = 0; i < n; ++i) {
            if (i > 0 && (cuts & (1u << (i - 1)))) {
                groups << g;
                g = Group{{}, run};
            }
            g.phrases << phrases.at(i);
        }
        groups << g;
        return groups;
    };
    if (n > MaxEnumeratedPhrases) {
        quint32 cuts = 0;
        for (int i = 1; i < n; ++i)
            if (phrases.at(i).line != phrases.at(i - 1).line)
                cuts |= 1u << (i - 1);
        return groupsOf(cuts);
    }
    // Each way of cutting the run into consecutive groups is scored by how much headline weight
    // its groups match in distinct articles; ties go to fewer cuts (one title is the default).
    // A cut must be earned: every group of a cut run has to be a confident match for an article
    // of its own, or one strong half would shed a weak half that matches nothing in particular.
    QList<Group> best;
    double bestValue = -1;
    int bestCuts = 0;
    for (quint32 cuts = 0; cuts < (1u << (n > 0 ? n - 1 : 0)); ++cuts) {
        bool valid = true;
        for (int i = 1; i < n && valid; ++i)
            if ((cuts & (1u << (i - 1))) && phrases.at(i).dash)
                valid = false; // a subtitle cannot start a headline of its own
        if (!valid)
            continue;
        const QList<Group> groups = groupsOf(cuts);
        struct Pair
        {
            double value;
            int group;
            int article;
        };
        QList<Pair> pairs;
        for (int g = 0; g < groups.size(); ++g) {
            const QSet<TextMetrics::Bigram> bigrams = TextMetrics::hanBigrams(textOf(groups.at(g)));
            for (int a = std::max(0, next - MatchWindow); a < std::min(articleCount, next + MatchWindow); ++a)
                if (groups.size() == 1 || score(bigrams, a) >= MinScore)
                    pairs << Pair{rawMatch(bigrams, a), g, a};
        }
        std::sort(pairs.begin(), pairs.end(), [](const Pair &x, const Pair &y) { return x.value > y.value; });
        QSet<int> usedGroups, usedArticles;
        QSet<TextMetrics::Bigram> counted;
        double value = 0;
        for (const Pair &p : pairs) {
            if (usedGroups.contains(p.group) || usedArticles.contains(p.article))
                continue;
            usedGroups.insert(p.group);
            usedArticles.insert(p.article);
            // A bigram is worth something once per partition: cutting a title where both halves
            // repeat the same words must not count those words twice.
            const QSet<TextMetrics::Bigram> own = TextMetrics::hanBigrams(textOf(groups.at(p.group)));
            for (const TextMetrics::Bigram b : own)
                if (!counted.contains(b) && contains(m_articleBigrams.at(p.article), b))
                    value += weight(b);
            counted.unite(own);
        }
        const int cutCount = static_cast<int>(groups.size()) - 1;
        if (cutCount > 0 && usedGroups.size() < groups.size())
            continue;
        if (value > bestValue + 1e-9 || (std::abs(value - bestValue) <= 1e-9 && cutCount < bestCuts)) {
            bestValue = value;
            best = groups;
            bestCuts = cutCount;
        }
    }
    return best;
}

void HeadlineMatcher::attach(QList<ArticleDraft> &drafts, const QList<HeadlineRun> &runs) const
{
    QList<Group> groups;
    for (int r = 0; r < runs.size(); ++r) {
        if (isCancelled(m_cancel))
            return;
        QList<Phrase> phrases;
        int line = 0;
        for (const QStringList &block : runs.at(r).blocks) {
            for (const QString &l : block) {
                if (!isBannerLine(l)) {
                    for (const QString &p : TextMetrics::phrases(l))
                        phrases << Phrase{p, line, p.startsWith(QStringLiteral("——"))};
                }
                ++line;
            }
        }
        if (!phrases.isEmpty())
            groups << bestPartition(phrases, r, runs.at(r).nextDraft);
        qCDebug(lcParse) << "run" << r << "groups" << groups.size();
    }

    struct Candidate
    {
        double value;
        int group;
        int article;
    };
    QList<Candidate> candidates;
    const int articleCount = static_cast<int>(drafts.size());
    for (int g = 0; g < groups.size(); ++g) {
        const QString text = textOf(groups.at(g));
        const QSet<TextMetrics::Bigram> bigrams = TextMetrics::hanBigrams(text);
        const int next = runs.at(groups.at(g).run).nextDraft;
        for (int a = std::max(0, next - MatchWindow); a < std::min(articleCount, next + MatchWindow); ++a) {
            const double s = score(bigrams, a);
            if (s < MinScore)
                continue;
            const double bonus = a == next ? BonusBefore : (a == next - 1 ? BonusAfter : 0);
            candidates << Candidate{s + bonus, g, a};
            qCDebug(lcParse) << "headline" << text << "article" << a << "score" << s << "raw" << rawMatch(bigrams, a);
        }
    }
    std::stable_sort(candidates.begin(), candidates.end(),
                     [](const Candidate &x, const Candidate &y) { return x.value > y.value; });
    QSet<int> usedGroups, usedArticles;
    for (const Candidate &c : std::as_const(candidates)) {
        if (usedGroups.contains(c.group) || usedArticles.contains(c.article))
            continue;
        usedGroups.insert(c.group);
        usedArticles.insert(c.article);
        apply(drafts[c.article].article, groups.at(c.group));
    }

    // A headline that shares too few words with any body (titles can be all metaphor) still
    // belongs to an article next to it that got no headline of its own: the one right below it
    // (the usual layout), else the one right above it (printed after its body).
    for (int g = 0; g < groups.size(); ++g) {
        if (usedGroups.contains(g))
            continue;
        const int next = runs.at(groups.at(g).run).nextDraft;
        const bool lastOfRun = g + 1 == groups.size() || groups.at(g + 1).run != groups.at(g).run;
        const bool firstOfRun = g == 0 || groups.at(g - 1).run != groups.at(g).run;
        int target = -1;
        if (lastOfRun && next < articleCount && !usedArticles.contains(next))
            target = next;
        else if (firstOfRun && next > 0 && !usedArticles.contains(next - 1))
            target = next - 1;
        if (target < 0)
            continue;
        usedGroups.insert(g);
        usedArticles.insert(target);
        apply(drafts[target].article, groups.at(g));
    }
}

void HeadlineMatcher::apply(Article &article, const Group &group)
{
    QList<QStringList> lines;
    int line = -1;
    for (const Phrase &p : group.phrases) {
        if (p.line != line) {
            lines << QStringList();
            line = p.line;
        }
        lines.last() << p.text;
    }
    const Headline h = HeadlineComposer::compose(lines);
    article.title = h.title;
    article.kicker = h.kicker;
    article.subtitle = h.subtitle;
}

} // namespace baokan::parse
