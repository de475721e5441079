// SPDX-License-Identifier: MIT
#pragma once
// Small helpers shared by the store and model tests: sample pages on disk and archive dumps.

#include "store/database.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QSqlQuery>
#include <QSqlRecord>
#include <QStringList>

namespace baokan::test {

inline QStringList samplePages()
{
    QStringList out;
    const QDir dir(QStringLiteral(BAOKAN_SAMPLE_DIR));
    for (const QString &name : dir.entryList({QStringLiteral("*.txt")}, QDir::Files, QDir::Name))
        out << dir.absoluteFilePath(name);
    return out;
}

inline QByteArray readAll(const QString &path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

inline bool writeFile(const QString &path, const QByteArray &bytes)
{
    QDir().mkpath(QFileInfo(path).absolutePath());
    QFile f(path);
    return f.open(QIODevice::WriteOnly) && f.write(bytes) == bytes.size();
}

// Every row of the imported tables, in a stable order: equal dumps mean an unchanged archive.
inline QStringList dump(const store::Database &db)
{
    QStringList out;
    const char *const queries[] = {
        "SELECT id, source, name, date, date_inferred, user_name, user_date, article_count FROM issue ORDER BY id",
        "SELECT id, issue_id, ordinal, file, sha256 FROM page ORDER BY id",
        "SELECT id, key, issue_id, page_id, ordinal, title, display_title, kicker, subtitle, dateline, reporters, "
        "correspondents, interns, photographers, source, body, captions FROM article ORDER BY id",
        "SELECT id, article_key, kind, note FROM note ORDER BY id",
    };
    for (const char *sql : queries) {
        QSqlQuery q(db.connection());
        q.exec(QString::fromLatin1(sql));
        while (q.next()) {
            QStringList row;
            for (int i = 0; i < q.record().count(); ++i)
                row << (q.value(i).isNull() ? QStringLiteral("<null>") : q.value(i).toString());
            out << row.join(QLatin1Char('|'));
        }
    }
    return out;
}

inline int scalar(const store::Database &db, const QString &sql)
{
    QSqlQuery q(db.connection());
    if (!q.exec(sql) || !q.next())
        return -1;
    return q.value(0).toInt();
}

inline QStringList keys(const store::Database &db)
{
    QStringList out;
    QSqlQuery q(db.connection());
    q.exec(QStringLiteral("SELECT key FROM article ORDER BY issue_id, ordinal"));
    while (q.next())
        out << q.value(0).toString();
    return out;
}

inline bool addNote(const store::Database &db, const QString &key, const QString &text)
{
    QSqlQuery q(db.connection());
    q.prepare(QStringLiteral("INSERT INTO note (article_key, kind, note, created, modified) "
                             "VALUES (:key, 'article-note', :note, datetime('now'), datetime('now'))"));
    q.bindValue(QStringLiteral(":key"), key);
    q.bindValue(QStringLiteral(":note"), text);
    return q.exec();
}

} // namespace baokan::test
