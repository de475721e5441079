// SPDX-License-Identifier: MIT
#include "parse/issuejson.h"

#include <QJsonArray>
#include <QJsonDocument>

namespace baokan::parse {

namespace {

QJsonValue nullable(const QString &s)
{
    return s.isNull() ? QJsonValue(QJsonValue::Null) : QJsonValue(s);
}

// One value as compact JSON: QJsonDocument escapes it inside a one-element array.
QByteArray encode(const QJsonValue &value)
{
    const QByteArray wrapped = QJsonDocument(QJsonArray{value}).toJson(QJsonDocument::Compact);
    return wrapped.mid(1, wrapped.size() - 2);
}

QByteArray orderedObject(const QJsonObject &object, const QList<QLatin1String> &keys)
{
    QByteArray out("{");
    for (const QLatin1String &key : keys) {
        if (out.size() > 1)
            out += ", ";
        out += encode(QString(key)) + ": " + encode(object.value(key));
    }
    return out + "}";
}

} // namespace

QByteArray IssueJson::document(const QList<Issue> &issues)
{
    static const QList<QLatin1String> issueKeys = {QLatin1String("file"), QLatin1String("date"),
                                                   QLatin1String("date_inferred")};
    static const QList<QLatin1String> articleKeys = {
        QLatin1String("title"),    QLatin1String("kicker"),        QLatin1String("subtitle"),
        QLatin1String("dateline"), QLatin1String("reporters"),     QLatin1String("correspondents"),
        QLatin1String("interns"),  QLatin1String("photographers"), QLatin1String("source"),
        QLatin1String("body"),     QLatin1String("captions")};
    QByteArray out("{\"issues\": [");
    for (qsizetype i = 0; i < issues.size(); ++i) {
        const Issue &is = issues.at(i);
        QByteArray head = orderedObject(issue(is), issueKeys);
        head.chop(1); // reopen the object to append the articles
        head += ", \"articles\": [";
        for (qsizetype j = 0; j < is.articles.size(); ++j) {
            if (j > 0)
                head += ", ";
            head += orderedObject(article(is.articles.at(j)), articleKeys);
        }
        out += (i > 0 ? ", " : "") + head + "]}";
    }
    return out + "]}";
}

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
