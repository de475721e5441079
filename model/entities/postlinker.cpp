// SPDX-License-Identifier: MIT
#include "entities/postlinker.h"

#include "entities/codepoints.h"

#include <algorithm>

namespace baokan::entities {

namespace {

// What may stand between two posts of one person, or between a post and the name.
bool joinsPosts(const QString &gap)
{
    return gap.isEmpty() || gap == QStringLiteral("、") || gap == QStringLiteral("兼") || gap == QStringLiteral("和") ||
           gap == QStringLiteral(" ");
}

} // namespace

QList<PersonPost> PostLinker::link(const QString &text, const QList<Mention> &mentions)
{
    QList<Mention> sorted;
    for (const Mention &m : mentions) {
        if (m.type != EntityType::Document)
            sorted.append(m);
    }
    std::sort(sorted.begin(), sorted.end(), [](const Mention &a, const Mention &b) { return a.start < b.start; });
    const CodePoints cp(text);
    auto slice = [&](int start, int end) {
        const int from = cp.toUtf16(start);
        return text.mid(from, cp.toUtf16(end) - from);
    };

    QList<PersonPost> out;
    for (qsizetype i = 0; i < sorted.size(); ++i) {
        const Mention &person = sorted[i];
        if (person.type != EntityType::Person)
            continue;
        // Posts printed before the name: 党组书记、厅长冯志刚.
        QList<Mention> posts;
        qsizetype j = i - 1;
        int boundary = person.start;
        while (j >= 0 && sorted[j].type == EntityType::Post && joinsPosts(slice(sorted[j].end, boundary))) {
            posts.prepend(sorted[j]);
            boundary = sorted[j].start;
            --j;
        }
        // … or right after it: 冯志刚厅长.
        if (posts.isEmpty() && i + 1 < sorted.size() && sorted[i + 1].type == EntityType::Post &&
            sorted[i + 1].start == person.end) {
            posts.append(sorted[i + 1]);
            boundary = person.start;
            j = i - 1;
        }
        if (posts.isEmpty())
            continue;
        QString organization;
        if (j >= 0 && sorted[j].type == EntityType::Organization) {
            const QString gap = slice(sorted[j].end, boundary);
            if (gap.isEmpty() || gap == QStringLiteral("的"))
                organization = slice(sorted[j].start, sorted[j].end);
        }
        const QString name = slice(person.start, person.end);
        for (const Mention &post : posts)
            out.append(PersonPost{name, slice(post.start, post.end), organization});
    }
    return out;
}

} // namespace baokan::entities
