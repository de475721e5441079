// SPDX-License-Identifier: MIT
#include "store/storagefailure.h"

#include <QStringList>

namespace baokan::store {

QString StorageFailure::explain(const QString &message)
{
    // Qt Sql appends its own step to SQLite's reason; it tells the user nothing.
    static const QStringList noise{
        QStringLiteral(" Unable to fetch row"), QStringLiteral(" Unable to execute statement"),
        QStringLiteral(" Unable to commit transaction"), QStringLiteral(" Unable to begin transaction")};
    QString text = message.trimmed();
    for (const QString &n : noise)
        text.remove(n);
    // Every failed write is rolled back whole (one transaction per issue, note or edit).
    QString advice;
    if (text.contains(QLatin1String("database or disk is full")) ||
        text.contains(QLatin1String("No space left on device")))
        advice = QStringLiteral("The disk holding the archive is full. Nothing of the failed change was written and "
                                "what the archive held before is kept; free some space and try again.");
    else if (text.contains(QLatin1String("attempt to write a readonly database")))
        advice = QStringLiteral("The archive is read-only. Nothing was changed; make the file and its folder "
                                "writable, or work on a copy.");
    else if (text.contains(QLatin1String("database is locked")) || text.contains(QLatin1String("database is busy")))
        advice = QStringLiteral("Another program kept the archive busy for too long. Nothing of the failed change "
                                "was written; try again when it has finished.");
    else if (text.contains(QLatin1String("disk I/O error")))
        advice = QStringLiteral("The disk could not be read or written. Nothing of the failed change was written; "
                                "check the disk, then try again.");
    if (advice.isEmpty())
        return text;
    if (!text.endsWith(QLatin1Char('.')))
        text += QLatin1Char('.');
    return text + QLatin1Char(' ') + advice;
}

} // namespace baokan::store
