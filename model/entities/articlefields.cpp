// SPDX-License-Identifier: MIT
#include "entities/articlefields.h"

#include "entities/codepoints.h"
#include "entities/entityrecognizer.h"

#include <algorithm>

namespace baokan::entities {

namespace {

const QString kByline = QStringLiteral("byline");

struct Credit
{
    QString label;
    QStringList names;
};

QList<Credit> credits(const parse::Article &a)
{
    return {
        {QStringLiteral("记者"), a.reporters},
        {QStringLiteral("通讯员"), a.correspondents},
        {QStringLiteral("实习生"), a.interns},
        {QStringLiteral("摄影"), a.photographers},
    };
}

} // namespace

QString ArticleFields::byline(const parse::Article &article)
{
    QStringList parts;
    if (!article.dateline.isEmpty())
        parts << article.dateline + QStringLiteral("讯");
    for (const Credit &c : credits(article)) {
        if (c.names.isEmpty())
            continue;
        parts << c.label;
        parts << c.names;
    }
    return parts.join(QLatin1Char(' '));
}

QList<ArticleField> ArticleFields::of(const parse::Article &article)
{
    const QList<ArticleField> all = {
        {QStringLiteral("kicker"), article.kicker},
        {QStringLiteral("title"), article.title},
        {QStringLiteral("subtitle"), article.subtitle},
        {kByline, byline(article)},
        {QStringLiteral("body"), article.body()},
        {QStringLiteral("caption"), article.captions.join(QLatin1Char('\n'))},
        {QStringLiteral("source"), article.source},
    };
    QList<ArticleField> out;
    for (const ArticleField &f : all) {
        if (!f.text.trimmed().isEmpty())
            out.append(f);
    }
    return out;
}

QList<FieldMention> ArticleFields::mentions(const parse::Article &article)
{
    const EntityRecognizer &recognizer = EntityRecognizer::instance();
    QList<FieldMention> out;
    for (const ArticleField &f : of(article)) {
        QList<Mention> found = recognizer.recognize(f.text);
        if (f.field == kByline) {
            // The parser already knows who is credited: mark exactly those names.
            QList<Mention> people;
            const CodePoints cp(f.text);
            int from = 0;
            for (const Credit &c : credits(article)) {
                for (const QString &name : c.names) {
                    const int at = int(f.text.indexOf(name, from));
                    if (at < 0 || name.isEmpty())
                        continue;
                    from = at + int(name.size());
                    people.append(Mention{cp.fromUtf16(at), cp.fromUtf16(from), EntityType::Person});
                }
            }
            found.erase(std::remove_if(found.begin(), found.end(),
                                       [&](const Mention &m) {
                                           return std::any_of(people.begin(), people.end(), [&](const Mention &p) {
                                               return m.start < p.end && p.start < m.end;
                                           });
                                       }),
                        found.end());
            found += people;
            std::sort(found.begin(), found.end(), [](const Mention &a, const Mention &b) { return a.start < b.start; });
        }
        for (const Mention &m : found)
            out.append(FieldMention{f.field, CodePoints::mid(f.text, m.start, m.end), m});
    }
    return out;
}

} // namespace baokan::entities
