// SPDX-License-Identifier: MIT
#include "parse/lineclassifier.h"

#include "parse/creditparser.h"
#include "text/textcleaner.h"

#include <QRegularExpression>

namespace baokan::parse {

using text::TextCleaner;

namespace {

bool opensUnclosed(const QString &t, QChar open, QChar close)
{
    return t.count(open) > t.count(close);
}

// Lines that PDF extraction broke inside a bracket which must be read whole: a credit
// "（…、自治\n区…供稿）" and a byline "本报讯（记 者 … 宋 锐 平\n潘钰）".
QStringList mergeBrokenBrackets(const QStringList &lines)
{
    static const QRegularExpression creditEnd(QStringLiteral("(供稿|提供|供[图圖]|[摄攝])\\s*[）)]\\s*$"));
    static const QRegularExpression bylineStart(QStringLiteral("^\\s*\\S{0,8}[讯訊]\\s*[（(]"));
    QStringList out;
    for (qsizetype i = 0; i < lines.size(); ++i) {
        QString line = lines.at(i);
        const QString t = line.trimmed();
        const bool hasNext = i + 1 < lines.size() && !lines.at(i + 1).trimmed().isEmpty();
        if (hasNext && opensUnclosed(t, QChar(u'（'), QChar(u'）'))) {
            const QString next = lines.at(i + 1).trimmed();
            if (t.startsWith(QChar(u'（')) && creditEnd.match(next).hasMatch()) {
                out << t + next;
                ++i;
                continue;
            }
            if (bylineStart.match(t).hasMatch() && next.contains(QChar(u'）'))) {
                // A space keeps the last name of one line apart from the first of the next.
                out << t + QLatin1Char(' ') + next;
                ++i;
                continue;
            }
        }
        out << line;
    }
    return out;
}

} // namespace

bool LineClassifier::isPageFurniture(const QString &line)
{
    // What every newspaper page prints around the articles: the dated page header, the page
    // number, the editors' credits.
    static const QRegularExpression furniture(
        QStringLiteral("^(?:(?:19|20)\\d\\d年\\d{1,2}月\\d{1,2}日\\s*(?:星期|周)[一二三四五六日天]"
                       "|第\\s*\\d+\\s*版|(?:责任编辑|责编|美术编辑|美编|校对|版式设计|版式|排版)\\s*[：:])"));
    return furniture.match(line.trimmed()).hasMatch();
}

bool LineClassifier::isJunk(const QString &line)
{
    const QString t = line.trimmed();
    if (isPageFurniture(t))
        return true;
    if (t.isEmpty() || t.size() > 30)
        return false;
    static const QString openers = QStringLiteral("「『【〖〔");
    static const QString closers = QStringLiteral("」』】〗〕");
    const qsizetype kind = openers.indexOf(t.front());
    return kind >= 0 && !t.contains(closers.at(kind));
}

QList<PageLine> LineClassifier::classify(const QString &pageText)
{
    QStringList raw;
    for (const QString &line : TextCleaner::normalizeLineEnds(pageText).split(QLatin1Char('\n'))) {
        // Full-width punctuation first, so every pattern below needs to know only one form.
        QString cleaned = TextCleaner::toFullWidthPunctuation(TextCleaner::stripEmphasisMarks(line));
        while (!cleaned.isEmpty() && cleaned.back().isSpace())
            cleaned.chop(1);
        raw << cleaned;
    }
    raw = mergeBrokenBrackets(raw);

    QList<PageLine> out;
    auto previousAllowsOpening = [&out]() {
        if (out.isEmpty() || out.constLast().kind != LineKind::Text)
            return true;
        const QString &prev = out.constLast().text;
        static const QRegularExpression pause(QStringLiteral("[，、；]"));
        return TextCleaner::endsSentence(prev) || !prev.contains(pause);
    };
    for (const QString &line : std::as_const(raw)) {
        const QString t = line.trimmed();
        const bool indented = !line.isEmpty() && line.front().isSpace();
        if (t.isEmpty()) {
            out << PageLine{};
            continue;
        }
        if (const auto names = CreditParser::photoCreditLine(t)) {
            PageLine credit{LineKind::PhotoCredit, t, indented, {}, {}};
            credit.byline.photographers = *names;
            out << credit;
            continue;
        }
        QString body = t;
        std::optional<CreditParser::Split> credit = CreditParser::splitTrailingCredit(t);
        if (credit)
            body = credit->before;
        if (!body.isEmpty()) {
            if (isJunk(body)) {
                out << PageLine{LineKind::Junk, body, indented, {}, {}};
            } else if (const auto opening = previousAllowsOpening() ? BylineParser::parseOpening(body) : std::nullopt) {
                out << PageLine{LineKind::Opening, opening->rest, indented, opening->byline, {}};
            } else {
                out << PageLine{LineKind::Text, body, indented, {}, {}};
            }
        }
        if (credit && credit->source) {
            out << PageLine{LineKind::Source, QString(), false, {}, *credit->source};
        } else if (credit) {
            PageLine photo{LineKind::PhotoCredit, QString(), false, {}, {}};
            photo.byline.photographers = credit->photographers;
            out << photo;
        }
    }
    return out;
}

} // namespace baokan::parse
