// SPDX-License-Identifier: MIT
#pragma once

// A fresh archive in a temporary folder, with helpers that insert issues and articles by plain
// SQL, for tests of code that only reads them.
#include "store/database.h"

#include <catch2/catch.hpp>

#include <QSqlError>
#include <QSqlQuery>
#include <QTemporaryDir>

#include <memory>

class TestArchive
{
public:
    explicit TestArchive(const QString &name = QStringLiteral("archive.sqlite"))
        : m_db(std::make_unique<baokan::store::Database>(m_dir.filePath(name)))
    {
        QString error;
        const bool opened = m_db->open(&error);
        INFO(error.toStdString());
        REQUIRE(opened);
    }

    QSqlDatabase db() const { return m_db->connection(); }
    baokan::store::Database &database() { return *m_db; }
    QString path() const { return m_db->path(); }
    QString dirPath(const QString &file) const { return m_dir.filePath(file); }

    qint64 addIssue(const QString &name, const QString &date)
    {
        QSqlQuery q(db());
        q.prepare(QStringLiteral("INSERT INTO issue (source, name, date, imported) VALUES (?, ?, ?, ?)"));
        q.addBindValue(QString(QStringLiteral("/archive/") + name));
        q.addBindValue(name);
        q.addBindValue(date);
        q.addBindValue(QStringLiteral("2024-01-01T00:00:00Z"));
        exec(q);
        return q.lastInsertId().toLongLong();
    }

    qint64 addArticle(qint64 issueId, const QString &key, const QString &title, const QString &body, int ordinal = 0)
    {
        QSqlQuery q(db());
        q.prepare(QStringLiteral("INSERT INTO article (key, issue_id, ordinal, title, display_title, body, char_count) "
                                 "VALUES (?, ?, ?, ?, ?, ?, ?)"));
        q.addBindValue(key);
        q.addBindValue(issueId);
        q.addBindValue(ordinal);
        q.addBindValue(title);
        q.addBindValue(title);
        q.addBindValue(body);
        q.addBindValue(body.size());
        exec(q);
        return q.lastInsertId().toLongLong();
    }

    void addMention(qint64 articleId, qint64 start, qint64 end, const QString &type, const QString &text)
    {
        QSqlQuery q(db());
        q.prepare(QStringLiteral("INSERT INTO entity_mention (article_id, field, start, end, type, text) "
                                 "VALUES (?, 'body', ?, ?, ?, ?)"));
        q.addBindValue(articleId);
        q.addBindValue(start);
        q.addBindValue(end);
        q.addBindValue(type);
        q.addBindValue(text);
        exec(q);
    }

    void setBody(const QString &key, const QString &body)
    {
        QSqlQuery q(db());
        q.prepare(QStringLiteral("UPDATE article SET body = ? WHERE key = ?"));
        q.addBindValue(body);
        q.addBindValue(key);
        exec(q);
    }

    int count(const QString &sql)
    {
        QSqlQuery q(db());
        REQUIRE(q.exec(sql));
        REQUIRE(q.next());
        return q.value(0).toInt();
    }

private:
    static void exec(QSqlQuery &q)
    {
        const bool ok = q.exec();
        INFO(q.lastError().text().toStdString());
        REQUIRE(ok);
    }

    QTemporaryDir m_dir;
    std::unique_ptr<baokan::store::Database> m_db;
};
