// SPDX-License-Identifier: MIT
#include "parse/bylineparser.h"

#include <QRegularExpression>

namespace baokan::parse {

namespace {

const QString &roleAlternation()
{
    // Longest first so that 见习记者 wins over 记者.
    static const QString roles =
        QStringLiteral("本报记者|见习记者|特约记者|首席记者|记者|特约通讯员|通讯员|实习生|摄影记者|摄影");
    return roles;
}

QStringList *listForRole(Byline &byline, const QString &role)
{
    if (role.contains(QStringLiteral("摄影")))
        return &byline.photographers;
    if (role.contains(QStringLiteral("通讯员")))
        return &byline.correspondents;
    if (role == QStringLiteral("实习生"))
        return &byline.interns;
    return &byline.reporters;
}

// "宋 锐 平 潘钰" → {"宋锐平", "潘钰"}: extraction spaces out the characters of a name, so runs
// of single characters are one word, while a space after a longer token separates names.
QStringList collapseSpacedCharacters(const QString &text)
{
    QStringList out;
    QString run;
    for (const QString &token : text.split(QRegularExpression(QStringLiteral("\\s+")), Qt::SkipEmptyParts)) {
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
    QString compact = text;
    compact.remove(QRegularExpression(QStringLiteral("\\s")));
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
        QStringLiteral("^(本报|\\p{Han}{2,8}?)讯\\s*[（(]([^（）()]*)[）)]\\s*(.*)$"));
    static const QRegularExpression plain(QStringLiteral("^(本报|\\p{Han}{2,8}?)讯(?:\\s+|(?=\\d))(.*)$"));
    static const QRegularExpression staffLine(QStringLiteral("^本报((?:记者|通讯员|摄影记者)[●•·\\s].*)$"));
    // Words ending in 讯 that are not a place: 简讯, 快讯, 通讯, 资讯, 喜讯…
    static const QString notPlace = QStringLiteral("简快通资喜音电短要");

    auto dateline = [](const QString &place) { return place == QStringLiteral("本报") ? QString() : place; };
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
    if (const auto m = staffLine.match(t); m.hasMatch() && !t.contains(QRegularExpression(QStringLiteral("[，。,]")))) {
        return Opening{parseCredits(m.captured(1)), QString()};
    }
    return std::nullopt;
}

} // namespace baokan::parse
