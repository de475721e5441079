// SPDX-License-Identifier: MIT
#include "parse/headlinecomposer.h"

#include "parse/textmetrics.h"
#include "text/textcleaner.h"

#include <QRegularExpression>

namespace baokan::parse {

using text::TextCleaner;

namespace {

// Lines of the same title set as a parallel pair have (almost) the same length.
constexpr double ParallelTolerance = 2;
constexpr double MaxParallelWidth = 12;

QString dashLess(const QString &phrase)
{
    QString p = phrase;
    while (p.startsWith(QChar(u'—')) || p.startsWith(QChar(u'-')))
        p.remove(0, 1);
    return p.trimmed();
}

bool isDashLine(const QStringList &phrases)
{
    return !phrases.isEmpty() &&
           (phrases.first().startsWith(QStringLiteral("——")) || phrases.first().startsWith(QStringLiteral("--")));
}

QString clean(const QStringList &phrases)
{
    QStringList out;
    for (const QString &p : phrases)
        out << TextCleaner::cleanParagraph(p);
    return out.join(QLatin1Char(' '));
}

double widthOf(const QStringList &phrases)
{
    return TextMetrics::width(phrases.join(QString()));
}

// A line that ends in a preposition or particle cannot end a title: the title wraps on.
bool endsDangling(const QStringList &phrases)
{
    static const QString dangling = QStringLiteral("在的和与及对为把将向从于让被给以并或之");
    return !phrases.isEmpty() && !phrases.last().isEmpty() && dangling.contains(phrases.last().back());
}

} // namespace

bool HeadlineComposer::readsAsReport(const QString &line)
{
    static const QRegularExpression verbs(QStringLiteral(
        "召开|举行|举办|开展|启动|成立|签署|签订|发布|开幕|闭幕|会议|推进会|座谈会|侧记|纪实|综述|记事|走进"));
    return verbs.match(line).hasMatch();
}

Headline HeadlineComposer::compose(const QList<QStringList> &input)
{
    QList<QStringList> lines;
    QStringList subtitles;
    for (const QStringList &phrases : input) {
        if (phrases.isEmpty())
            continue;
        if (isDashLine(phrases)) {
            QStringList stripped = phrases;
            stripped.first() = dashLess(stripped.first());
            subtitles << clean(stripped);
            continue;
        }
        // A wrapped title: "我区一篇论文在" / "第十八届…" / "荣获一等奖".
        if (!lines.isEmpty() && endsDangling(lines.last())) {
            QStringList &previous = lines.last();
            previous.last() += phrases.first();
            previous << phrases.mid(1);
            continue;
        }
        lines << phrases;
    }

    Headline h;
    if (lines.isEmpty()) {
        h.title = subtitles.join(QLatin1Char(' '));
        return h;
    }
    if (lines.size() == 1) {
        h.title = clean(lines.first());
    } else {
        const QStringList &a = lines.at(0);
        const QStringList &b = lines.at(1);
        const double wa = widthOf(a);
        const double wb = widthOf(b);
        if (lines.size() >= 3) {
            // Three or more lines without a —— subtitle are one title wrapped to the column.
            QStringList parts;
            for (const QStringList &l : lines)
                parts << clean(l);
            h.title = parts.join(QString());
        } else if (a.size() == 1 && b.size() == 1 && std::abs(wa - wb) <= ParallelTolerance && wa <= MaxParallelWidth) {
            h.title = clean(a) + QLatin1Char(' ') + clean(b);
        } else if (wb > wa + ParallelTolerance) {
            const bool kickerAbove = b.size() > 1 || (a.size() == 1 && !readsAsReport(b.join(QString())));
            if (kickerAbove) {
                h.kicker = clean(a);
                h.title = clean(b);
            } else {
                h.title = clean(a);
                subtitles.prepend(clean(b));
            }
        } else if (a.size() == 1 && b.size() == 1) {
            // A shorter second line without a phrase of its own: the title wrapped.
            h.title = TextCleaner::cleanParagraph(a.first() + b.first());
        } else {
            h.title = clean(a);
            subtitles.prepend(clean(b));
        }
    }
    if (!subtitles.isEmpty())
        h.subtitle = subtitles.join(QLatin1Char(' '));
    return h;
}

} // namespace baokan::parse
