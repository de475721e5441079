// SPDX-License-Identifier: MIT
#include "parse/lineclassifier.h"

#include "parse/creditparser.h"
#include "text/textcleaner.h"

#include <QRegularExpression>
#include <QStringTokenizer>

#include <utility>

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

QList<PageLine> LineClassifier::classify(const QString &pageText, const std::atomic_bool *cancel)
{
    QStringList raw;
    {
        // Cut by views, not split(): on a 50 MB page a list of every line as read would be held
        // next to the cleaned one.
        const QString text = TextCleaner::normalizeLineEnds(pageText);
        raw.reserve(text.count(QLatin1Char('\n')) + 1);
        for (const QStringView line : QStringTokenizer(text, QLatin1Char('\n'))) {
            if (isCancelled(cancel))
                return {};
            // Full-width punctuation first, so every pattern below needs to know only one form.
            QString cleaned = TextCleaner::toFullWidthPunctuation(TextCleaner::stripEmphasisMarks(line.toString()));
            while (!cleaned.isEmpty() && cleaned.back().isSpace())
                cleaned.chop(1);
            raw << cleaned;
        }
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
    // A line a credit shares with text becomes two: a little room for those, as growing the
    // list past its reserve would double it.
    out.reserve(raw.size() + raw.size() / 8);
    for (QString &rawLine : raw) {
        if (isCancelled(cancel))
            return out;
        // Taken out of raw as it is read: only `out` keeps the line from here on.
        const QString line = std::exchange(rawLine, QString());
        const QString t = line.trimmed();
        const bool indented = !line.isEmpty() && line.front().isSpace();
        if (t.isEmpty()) {
            out << PageLine{};
            continue;
        }
        if (const auto names = CreditParser::photoCreditLine(t)) {
            Byline byline;
            byline.photographers = *names;
            out << PageLine{LineKind::PhotoCredit, t, indented, std::make_shared<const Byline>(std::move(byline)), {}};
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
                out << PageLine{
                    LineKind::Opening, opening->rest, indented, std::make_shared<const Byline>(opening->byline), {}};
            } else {
                out << PageLine{LineKind::Text, body, indented, {}, {}};
            }
        }
        if (credit && credit->source) {
            out << PageLine{LineKind::Source, QString(), false, {}, *credit->source};
        } else if (credit) {
            Byline byline;
            byline.photographers = credit->photographers;
            out << PageLine{
                LineKind::PhotoCredit, QString(), false, std::make_shared<const Byline>(std::move(byline)), {}};
        }
    }
    return out;
}

} // namespace baokan::parse
