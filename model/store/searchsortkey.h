// SPDX-License-Identifier: MIT
#pragma once

#include <QDate>
#include <QString>

namespace baokan::store {

// The rowid an article has in the search index: (Julian day of its issue << DayShift) + its
// number within that day. FTS5 returns hits in rowid order, so hits come out in date order and a
// first page stops after 50 rows. FTS5 stores each posting's rowid as a varint delta from the
// previous one, so the shift is as small as a day's articles allow: a hop of one to three days
// costs 2 bytes (it cost 3 at shift 20), in nearly every posting of the one-character table.
// Undated articles take keys below every date. Pure; any thread.
struct SearchSortKey
{
    static constexpr int DayShift = 12;
    static constexpr qint64 WithinDay = (qint64(1) << DayShift) - 1;
    static constexpr qint64 UndatedFirst = -(qint64(1) << 40);

    // The keys of one day; day 0 holds the undated articles.
    qint64 first;
    qint64 last;
    bool contains(qint64 key) const { return key >= first && key <= last; }

    static SearchSortKey rangeOf(qint64 day)
    {
        if (day == 0)
            return {UndatedFirst, -1};
        return {day << DayShift, (day << DayShift) | WithinDay};
    }
    static SearchSortKey rangeOf(const QDate &date) { return rangeOf(dayOf(date)); }
    // The day an issue date (ISO 8601, possibly with a time) sorts under; 0 when there is none.
    static qint64 dayOf(const QDate &date) { return date.isValid() && date.toJulianDay() > 0 ? date.toJulianDay() : 0; }
    static qint64 dayOf(const QString &isoDate) { return dayOf(QDate::fromString(isoDate.left(10), Qt::ISODate)); }
};

} // namespace baokan::store
