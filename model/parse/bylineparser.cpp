// SPDX-License-Identifier: MIT
#include "parse/bylineparser.h"

#include <QRegularExpression>

namespace baokan::parse {

namespace {

const QString &roleAlternation()
{
    // Longest first so that 见习记者 wins over 记者; traditional forms too (記者, 通訊員).
    static const QString roles = QStringLiteral(
        "本[报報][记記]者|[见見]习[记記]者|[见見][习習][记記]者|特约[记記]者|特約[记記]者|首席[记記]者|[记記]者|"
        "特[约約][通][讯訊][员員]|[通][讯訊][员員]|[实實][习習]生|[摄攝]影[记記]者|[摄攝]影");
    return roles;
}

QStringList *listForRole(Byline &byline, const QString &role)
{
    if (role.contains(QChar(u'摄')) || role.contains(QChar(u'攝')))
        return &byline.photographers;
    if (role.contains(QChar(u'讯')) || role.contains(QChar(u'訊')))
        return &byline.correspondents;
    if (role.endsWith(QChar(u'生')))
        return &byline.interns;
    return &byline.reporters;
}

// "宋 锐 平 潘钰" → {"宋锐平", "潘钰"}: extraction spaces out the characters of a name, so runs
// of single characters are one word, while a space after a longer token separates names.
QStringList collapseSpacedCharacters(const QString &text)
{
    QStringList out;
    QString run;
    static const QRegularExpression spaces(QStringLiteral("\\s+"));
    for (const QString &token : text.split(spaces, Qt::SkipEmptyParts)) {
        if (token.size() == 1) {
            run += token;
            continue;
        }
        if (!run.isEmpty()) {
            out << run;
            run.clear();
        }
        out << token;
    }
    if (!run.isEmpty())
        out << run;
    return out;
}

} // namespace

bool BylineParser::mentionsRole(const QString &text)
{
    static const QRegularExpression role(roleAlternation());
    static const QRegularExpression space(QStringLiteral("\\s"));
    QString compact = text;
    compact.remove(space);
    return role.match(compact).hasMatch();
}

Byline BylineParser::parseCredits(const QString &inside)
{
    static const QRegularExpression separators(QStringLiteral("[●•·、，,；;：:]"));
    static const QRegularExpression role(QStringLiteral("(%1)").arg(roleAlternation()));
    QString text = inside;
    text.replace(separators, QStringLiteral(" "));
    Byline byline;
    QStringList *current = &byline.reporters;
    for (const QString &token : collapseSpacedCharacters(text)) {
        qsizetype pos = 0;
        auto it = role.globalMatch(token);
        while (it.hasNext()) {
            const auto m = it.next();
            const QString before = token.mid(pos, m.capturedStart() - pos).trimmed();
            if (!before.isEmpty())
                *current << before;
            current = listForRole(byline, m.captured(1));
            pos = m.capturedEnd();
        }
        const QString after = token.mid(pos).trimmed();
        if (!after.isEmpty())
            *current << after;
    }
    return byline;
}

std::optional<BylineParser::Opening> BylineParser::parseOpening(const QString &line)
{
    const QString t = line.trimmed();
    // "本报讯（记者 …）rest" or "呼和浩特讯（…）rest" or "呼和浩特讯 rest".
    static const QRegularExpression withParen(
        QStringLiteral("^(本[报報]|\\p{Han}{2,8}?)[讯訊]\\s*[（(]([^（）()]*)[）)]\\s*(.*)$"));
    static const QRegularExpression plain(QStringLiteral("^(本[报報]|\\p{Han}{2,8}?)[讯訊](?:\\s+|(?=\\d))(.*)$"));
    static const QRegularExpression staffLine(
        QStringLiteral("^本[报報]((?:[记記]者|通[讯訊][员員]|[摄攝]影[记記]者)[●•·\\s].*)$"));
    // Words ending in 讯 that are not a place: 简讯, 快讯, 通讯, 资讯, 喜讯…
    static const QString notPlace = QStringLiteral("简快通资喜音电短要簡資電");

    auto dateline = [](const QString &place) {
        return place.startsWith(QChar(u'本')) && place.size() == 2 ? QString() : place;
    };
    if (const auto m = withParen.match(t); m.hasMatch() && mentionsRole(m.captured(2))) {
        const QString place = m.captured(1);
        if (!notPlace.contains(place.back())) {
            Opening opening{parseCredits(m.captured(2)), m.captured(3)};
            opening.byline.dateline = dateline(place);
            return opening;
        }
    }
    if (const auto m = plain.match(t); m.hasMatch() && !notPlace.contains(m.captured(1).back())) {
        Opening opening;
        opening.byline.dateline = dateline(m.captured(1));
        opening.rest = m.captured(2).trimmed();
        return opening;
    }
    static const QRegularExpression sentencePunctuation(QStringLiteral("[，。,]"));
    if (const auto m = staffLine.match(t); m.hasMatch() && !t.contains(sentencePunctuation)) {
        return Opening{parseCredits(m.captured(1)), QString()};
    }
    return std::nullopt;
}

} // namespace baokan::parse
