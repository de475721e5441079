// SPDX-License-Identifier: MIT
#include "store/userdatastore.h"

#include "store/correctionstore.h"
#include "store/database.h"
#include "store/notestore.h"

#include <QSqlError>
#include <QSqlQuery>

namespace baokan::store {

namespace {

QVariant nullable(const QString &s)
{
    return s.isNull() ? QVariant(QMetaType::fromType<QString>()) : QVariant(s);
}

QString textOrNull(const QVariant &v)
{
    return v.isNull() ? QString() : v.toString();
}

} // namespace

UserDataStore::UserDataStore(QSqlDatabase db)
    : m_db(std::move(db))
{}

UserDataStore::UserDataStore(const store::Database *db)
    : m_db(db->connection())
{}

QList<Tag> UserDataStore::tags() const
{
    QList<Tag> out;
    QSqlQuery q(m_db);
    if (!q.exec(QStringLiteral("SELECT id, name, color, created FROM tag ORDER BY id")))
        return out;
    while (q.next()) {
        Tag t;
        t.id = q.value(0).toLongLong();
        t.name = q.value(1).toString();
        t.color = q.value(2).toString();
        t.created = q.value(3).toString();
        out << t;
    }
    return out;
}

QList<ArticleTag> UserDataStore::articleTags() const
{
    QList<ArticleTag> out;
    QSqlQuery q(m_db);
    if (!q.exec(QStringLiteral("SELECT article_key, tag_id, created FROM article_tag ORDER BY article_key, tag_id")))
        return out;
    while (q.next())
        out << ArticleTag{q.value(0).toString(), q.value(1).toLongLong(), q.value(2).toString()};
    return out;
}

QList<Note> UserDataStore::notes() const
{
    QList<Note> out;
    QSqlQuery q(m_db);
    if (!q.exec(QStringLiteral("SELECT %1 FROM note ORDER BY article_key, kind = 'highlight', %2, start, end, id")
                    .arg(NoteStore::columns(), NoteStore::fieldReadingOrder())))
        return out;
    while (q.next())
        out << NoteStore::readNote(q);
    return out;
}

QList<Correction> UserDataStore::corrections() const
{
    QList<Correction> out;
    QSqlQuery q(m_db);
    if (!q.exec(QStringLiteral("SELECT id, scope, article_key, field, start, end, text, prefix, suffix, type, created "
                               "FROM correction ORDER BY id")))
        return out;
    while (q.next()) {
        Correction c;
        c.id = q.value(0).toLongLong();
        c.scope = q.value(1).toString();
        c.articleKey = textOrNull(q.value(2));
        c.field = textOrNull(q.value(3));
        c.start = q.value(4).isNull() ? -1 : q.value(4).toLongLong();
        c.end = q.value(5).isNull() ? -1 : q.value(5).toLongLong();
        c.text = q.value(6).toString();
        c.prefix = textOrNull(q.value(7));
        c.suffix = textOrNull(q.value(8));
        c.type = textOrNull(q.value(9));
        c.created = q.value(10).toString();
        out << c;
    }
    return out;
}

QList<LexiconEntry> UserDataStore::lexicon() const
{
    QList<LexiconEntry> out;
    QSqlQuery q(m_db);
    if (!q.exec(QStringLiteral("SELECT text, type, created FROM user_lexicon ORDER BY text")))
        return out;
    while (q.next())
        out << LexiconEntry{q.value(0).toString(), textOrNull(q.value(1)), q.value(2).toString()};
    return out;
}

bool UserDataStore::idTaken(const QString &table, qint64 id) const
{
    // The table name comes from our own code, never from the user.
    if (table != QLatin1String("tag") && table != QLatin1String("note") && table != QLatin1String("correction"))
        return true;
    QSqlQuery q(m_db);
    q.prepare(QStringLiteral("SELECT 1 FROM %1 WHERE id = :id").arg(table));
    q.bindValue(QStringLiteral(":id"), id);
    return !q.exec() || q.next();
}

bool UserDataStore::addCorrection(Correction correction, bool *added, QString *error)
{
    *added = false;
    for (const Correction &c : corrections())
        if (c.sameAs(correction))
            return true;
    if (correction.id <= 0 || idTaken(QStringLiteral("correction"), correction.id)) {
        QSqlQuery q(m_db);
        correction.id = q.exec(QStringLiteral("SELECT coalesce(max(id), 0) + 1 FROM correction")) && q.next()
                            ? q.value(0).toLongLong()
                            : 1;
    }
    if (!CorrectionStore::write(m_db, correction, error))
        return false;
    *added = true;
    return true;
}

bool UserDataStore::addLexiconEntry(const LexiconEntry &entry, bool *added, QString *error)
{
    QSqlQuery q(m_db);
    q.prepare(QStringLiteral("INSERT INTO user_lexicon (text, type, created) VALUES (:text, :type, :created) "
                             "ON CONFLICT (text) DO NOTHING"));
    q.bindValue(QStringLiteral(":text"), entry.text);
    q.bindValue(QStringLiteral(":type"), nullable(entry.type));
    q.bindValue(QStringLiteral(":created"), entry.created);
    if (!q.exec()) {
        if (error)
            *error = q.lastError().text();
        return false;
    }
    *added = q.numRowsAffected() > 0;
    return true;
}

} // namespace baokan::store
