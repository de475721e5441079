// SPDX-License-Identifier: MIT
#pragma once

#include <QDate>
#include <QDateTime>
#include <QList>
#include <QString>

#include <optional>
#include <utility>

namespace baokan::store {

class Database;

// One issue of the archive as stored. The user's edits (userName, userDate) win over what
// import found; import never writes them.
struct IssueRecord
{
    qint64 id = 0;
    QString source; // canonical path (or "sample:NAME") it was imported from
    QString name;   // as imported
    QDate date;     // as imported; invalid when unknown
    bool dateInferred = true;
    QString userName; // null unless the user renamed it
    QDate userDate;   // invalid unless the user set it
    int articleCount = 0;
    QDateTime imported;

    // The user's name, else the imported file name made readable (see readableName()).
    QString displayName() const { return userName.isEmpty() ? readableName(name) : userName; }
    QDate displayDate() const { return userDate.isValid() ? userDate : date; }
    // True when the date shown was guessed from the text rather than given.
    bool displayDateInferred() const { return !userDate.isValid() && date.isValid() && dateInferred; }

    // A stored (file or folder) name as a person would write it: without the file extension and
    // without a trailing content hash that tools append to make file names unique
    // ("000_8cb0eb0426f5551b.txt" → "000"). The stored name stays as it was, so it still tells
    // issues apart (and the tooltip shows the source).
    static QString readableName(const QString &storedName);
};

// One page file of an issue: what import needs to tell an unchanged page from a changed one.
struct PageRecord
{
    qint64 id = 0;
    int ordinal = 0;
    QString file;
    QString sha256;
    QString encoding;
    qint64 rawBytes = 0;
};

// Reads issues and writes the user's edits to them. Uses the calling thread's connection of the
// Database, so one instance may be used from any thread that owns a connection.
class IssueStore
{
public:
    explicit IssueStore(const Database *db);

    int count() const;
    // Newest first (by the date shown), undated issues last.
    QList<IssueRecord> issues(int offset, int limit) const;
    std::optional<IssueRecord> issue(qint64 id) const;
    // The first and the last date shown among the issues; both invalid when none is dated.
    std::pair<QDate, QDate> dateRange() const;
    std::optional<IssueRecord> issueBySource(const QString &source) const;
    QList<PageRecord> pages(qint64 issueId) const;

    // A null name or invalid date clears the user's edit, so the imported value shows again.
    bool setUserName(qint64 id, const QString &name, QString *error = nullptr);
    // Also gives the issue's indexed articles their search keys for the new date, in the same
    // transaction, so search's date order and date facet follow the edit.
    bool setUserDate(qint64 id, const QDate &date, QString *error = nullptr);

private:
    const Database *m_db;
};

} // namespace baokan::store
