// SPDX-License-Identifier: MIT
#include "parse/issuedate.h"

#include <QMap>
#include <QRegularExpression>

namespace baokan::parse {

QDate IssueDate::infer(const QList<Article> &articles)
{
    QStringList texts;
    for (const Article &a : articles)
        texts << a.body();
    return infer(texts.join(QLatin1Char('\n')));
}

QDate IssueDate::printed(const QString &pageText)
{
    static const QRegularExpression header(
        QStringLiteral(
            "^\\s*((?:19|20)\\d\\d)\\s*年\\s*(\\d{1,2})\\s*月\\s*(\\d{1,2})\\s*日\\s*(?:星期|周)[一二三四五六日天]"),
        QRegularExpression::MultilineOption);
    const auto m = header.match(pageText);
    if (!m.hasMatch())
        return {};
    return QDate(m.captured(1).toInt(), m.captured(2).toInt(), m.captured(3).toInt());
}

QDate IssueDate::infer(const QString &text)
{
    static const QRegularExpression yearPattern(QStringLiteral("((?:19|20)\\d\\d)\\s*年"));
    static const QRegularExpression dayPattern(QStringLiteral("(\\d{1,2})\\s*月\\s*(\\d{1,2})\\s*日"));
    QMap<int, int> years;
    for (auto it = yearPattern.globalMatch(text); it.hasNext();)
        ++years[it.next().captured(1).toInt()];
    int month = 0;
    int day = 0;
    for (auto it = dayPattern.globalMatch(text); it.hasNext();) {
        const auto m = it.next();
        const int mo = m.captured(1).toInt();
        const int d = m.captured(2).toInt();
        if (mo < 1 || mo > 12 || d < 1 || d > 31)
            continue;
        // News reports what happened before the paper went to print: the latest day is the
        // closest to the issue date.
        if (mo * 100 + d > month * 100 + day) {
            month = mo;
            day = d;
        }
    }
    if (years.isEmpty() || month == 0)
        return {};
    int year = 0;
    int count = 0;
    for (auto it = years.cbegin(); it != years.cend(); ++it) {
        // Ties go to the later year, which a report of the current year tends to be.
        if (it.value() >= count) {
            year = it.key();
            count = it.value();
        }
    }
    return QDate(year, month, day);
}

} // namespace baokan::parse
