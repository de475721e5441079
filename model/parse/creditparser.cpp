// SPDX-License-Identifier: MIT
#include "parse/creditparser.h"

#include <QRegularExpression>

namespace baokan::parse {

namespace {

QStringList splitNames(const QString &names)
{
    static const QRegularExpression separators(QStringLiteral("[\\s、，,]+"));
    static const QRegularExpression roles(QStringLiteral("^(本[报報][记記]者|[记記]者|通[讯訊][员員]|[实實][习習]生)"));
    QStringList out;
    for (QString name : names.split(separators, Qt::SkipEmptyParts)) {
        name.remove(roles);
        if (!name.isEmpty())
            out << name;
    }
    return out;
}

} // namespace

std::optional<CreditParser::Split> CreditParser::splitTrailingCredit(const QString &line)
{
    // The words that mark a credit are generic (供稿, 提供, 摄); what is in front of them is not.
    static const QRegularExpression source(
        QStringLiteral("^(.*?)\\s*[（(]\\s*([^（）()]{2,60}?)\\s*(?:供稿|提供|供[图圖])\\s*[）)]\\s*$"));
    static const QRegularExpression photo(QStringLiteral("^(.*?)\\s*[（(]\\s*(?:本版|本文)?(?:[图圖]片|照片|[图圖])?(?:"
                                                         "均)?由?\\s*([^（）()]{2,40}?)\\s*[摄攝]影?\\s*[）)]\\s*$"));
    const QString t = line.trimmed();
    if (const auto m = photo.match(t); m.hasMatch()) {
        const QStringList names = splitNames(m.captured(2));
        if (!names.isEmpty())
            return Split{m.captured(1).trimmed(), std::nullopt, names};
    }
    if (const auto m = source.match(t); m.hasMatch()) {
        QString org = m.captured(2).trimmed();
        static const QRegularExpression spaces(QStringLiteral("\\s+"));
        org.remove(spaces);
        return Split{m.captured(1).trimmed(), org, {}};
    }
    return std::nullopt;
}

std::optional<QStringList> CreditParser::photoCreditLine(const QString &line)
{
    // Two to four characters per name, a few names, then 摄: "顾鑫 摄", "记者 王祯 摄".
    static const QRegularExpression credit(QStringLiteral("^((?:(?:本[报報][记記]者|[记記]者|通[讯訊][员員])\\s*)?\\p{"
                                                          "Han}{2,4}(?:[\\s、，,]+\\p{Han}{2,4}){0,5})\\s*[摄攝]影?$"));
    const QString t = line.trimmed();
    if (t.size() > 40)
        return std::nullopt;
    const auto m = credit.match(t);
    if (!m.hasMatch())
        return std::nullopt;
    const QStringList names = splitNames(m.captured(1));
    if (names.isEmpty())
        return std::nullopt;
    return names;
}

} // namespace baokan::parse
