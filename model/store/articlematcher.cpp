// SPDX-License-Identifier: MIT
#include "store/articlematcher.h"

#include <QCryptographicHash>

#include <algorithm>
#include <cstdlib>
#include <tuple>

namespace baokan::store {

ArticleMatcher::Fingerprint ArticleMatcher::fingerprint(const QString &title, const QString &body)
{
    Fingerprint out;
    out.reserve(size_t(title.size() + body.size()));
    char16_t previous = 0;
    auto feed = [&](const QString &text) {
        for (const QChar c : text) {
            if (!c.isLetterOrNumber())
                continue;
            const char16_t u = c.unicode();
            if (previous)
                out.push_back(quint32(previous) << 16 | u);
            previous = u;
        }
    };
    feed(title);
    feed(body);
    std::sort(out.begin(), out.end());
    out.erase(std::unique(out.begin(), out.end()), out.end());
    return out;
}

double ArticleMatcher::similarity(const Fingerprint &a, const Fingerprint &b)
{
    if (a.empty() && b.empty())
        return 1.0;
    size_t common = 0;
    auto i = a.begin();
    auto j = b.begin();
    while (i != a.end() && j != b.end()) {
        if (*i < *j) {
            ++i;
        } else if (*j < *i) {
            ++j;
        } else {
            ++common;
            ++i;
            ++j;
        }
    }
    return 2.0 * double(common) / double(a.size() + b.size());
}

QList<int> ArticleMatcher::match(const QList<Fingerprint> &stored, const QList<Fingerprint> &fresh)
{
    QList<int> result(fresh.size(), -1);
    if (stored.isEmpty())
        return result;
    std::vector<std::tuple<double, int, int>> pairs; // score, fresh, stored
    for (int f = 0; f < fresh.size(); ++f) {
        for (int s = 0; s < stored.size(); ++s) {
            const double score = similarity(fresh.at(f), stored.at(s));
            if (score >= kThreshold)
                pairs.emplace_back(score, f, s);
        }
    }
    // Highest score first; on a tie the pair closest in page order, then the earlier article,
    // so the outcome never depends on sort stability.
    std::sort(pairs.begin(), pairs.end(), [](const auto &x, const auto &y) {
        if (std::get<0>(x) != std::get<0>(y))
            return std::get<0>(x) > std::get<0>(y);
        const int dx = std::abs(std::get<1>(x) - std::get<2>(x));
        const int dy = std::abs(std::get<1>(y) - std::get<2>(y));
        if (dx != dy)
            return dx < dy;
        return std::tie(std::get<1>(x), std::get<2>(x)) < std::tie(std::get<1>(y), std::get<2>(y));
    });
    std::vector<bool> taken(size_t(stored.size()), false);
    for (const auto &[score, f, s] : pairs) {
        Q_UNUSED(score)
        if (result.at(f) != -1 || taken[size_t(s)])
            continue;
        result[f] = s;
        taken[size_t(s)] = true;
    }
    return result;
}

QString ArticleMatcher::mintKey(const QString &issueName, const QString &title, const QString &body, int attempt)
{
    const QByteArray issueHash = QCryptographicHash::hash(issueName.toUtf8(), QCryptographicHash::Sha1).toHex();
    // The opening of the text, not all of it: a fix near the end of a long article should not
    // change the key it would get on a fresh import.
    QByteArray seed = title.toUtf8() + '\x1f' + body.left(200).toUtf8();
    if (attempt > 0)
        seed += '\x1f' + QByteArray::number(attempt);
    const QByteArray articleHash = QCryptographicHash::hash(seed, QCryptographicHash::Sha1).toHex();
    return QString::fromLatin1(issueHash.left(8) + '-' + articleHash.left(8));
}

} // namespace baokan::store
