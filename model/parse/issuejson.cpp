// SPDX-License-Identifier: MIT
#include "parse/issuejson.h"

#include <QJsonArray>

namespace baokan::parse {

namespace {

QJsonValue nullable(const QString &s)
{
    return s.isNull() ? QJsonValue(QJsonValue::Null) : QJsonValue(s);
}

} // namespace

QJsonObject IssueJson::article(const Article &a)
{
    return QJsonObject{
        {QStringLiteral("title"), nullable(a.title)},
        {QStringLiteral("kicker"), nullable(a.kicker)},
        {QStringLiteral("subtitle"), nullable(a.subtitle)},
        {QStringLiteral("dateline"), nullable(a.dateline)},
        {QStringLiteral("reporters"), QJsonArray::fromStringList(a.reporters)},
        {QStringLiteral("correspondents"), QJsonArray::fromStringList(a.correspondents)},
        {QStringLiteral("interns"), QJsonArray::fromStringList(a.interns)},
        {QStringLiteral("photographers"), QJsonArray::fromStringList(a.photographers)},
        {QStringLiteral("source"), nullable(a.source)},
        {QStringLiteral("body"), a.body()},
        {QStringLiteral("captions"), QJsonArray::fromStringList(a.captions)},
    };
}

QJsonObject IssueJson::issue(const Issue &issue)
{
    QJsonArray articles;
    for (const Article &a : issue.articles)
        articles.append(article(a));
    return QJsonObject{
        {QStringLiteral("file"), issue.name},
        {QStringLiteral("date"), issue.date.isValid() ? QJsonValue(issue.date.toString(Qt::ISODate)) : QJsonValue()},
        {QStringLiteral("date_inferred"), issue.dateInferred},
        {QStringLiteral("articles"), articles},
    };
}

} // namespace baokan::parse
