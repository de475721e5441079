// SPDX-License-Identifier: MIT
#include "store/edit.h"

#include "store/tagstore.h"
#include "store/writescope.h"

#include <QSqlError>
#include <QSqlQuery>

namespace baokan::store {

namespace {

bool fail(QString *error, const QString &message)
{
    if (error)
        *error = message;
    return false;
}

bool run(QSqlQuery &q, QString *error)
{
    if (q.exec())
        return true;
    return fail(error, q.lastError().text());
}

QVariant nullable(const QString &s)
{
    return s.isNull() ? QVariant(QMetaType::fromType<QString>()) : QVariant(s);
}

QVariant nullable(qint64 offset)
{
    return offset < 0 ? QVariant(QMetaType::fromType<qint64>()) : QVariant(offset);
}

template<typename T, typename Key>
std::optional<T> findIn(const QList<T> &rows, const Key &key, Key (*keyOf)(const T &))
{
    for (const T &row : rows)
        if (keyOf(row) == key)
            return row;
    return std::nullopt;
}

qint64 tagKey(const Tag &t)
{
    return t.id;
}
qint64 noteKey(const Note &n)
{
    return n.id;
}
QString linkKey(const ArticleTag &a)
{
    return a.articleKey + QChar(0x1f) + QString::number(a.tagId);
}

bool deleteLink(const QSqlDatabase &db, const ArticleTag &a, QString *error)
{
    QSqlQuery q(db);
    q.prepare(QStringLiteral("DELETE FROM article_tag WHERE article_key = :key AND tag_id = :tag"));
    q.bindValue(QStringLiteral(":key"), a.articleKey);
    q.bindValue(QStringLiteral(":tag"), a.tagId);
    return run(q, error);
}

bool upsertLink(const QSqlDatabase &db, const ArticleTag &a, QString *error)
{
    QSqlQuery q(db);
    q.prepare(QStringLiteral("INSERT INTO article_tag (article_key, tag_id, created) VALUES (:key, :tag, :created) "
                             "ON CONFLICT (article_key, tag_id) DO UPDATE SET created = excluded.created"));
    q.bindValue(QStringLiteral(":key"), a.articleKey);
    q.bindValue(QStringLiteral(":tag"), a.tagId);
    q.bindValue(QStringLiteral(":created"), a.created);
    return run(q, error);
}

bool deleteById(const QSqlDatabase &db, const QString &sql, qint64 id, QString *error)
{
    QSqlQuery q(db);
    q.prepare(sql);
    q.bindValue(QStringLiteral(":id"), id);
    return run(q, error);
}

bool upsertTag(const QSqlDatabase &db, const Tag &t, QString *error)
{
    QSqlQuery q(db);
    q.prepare(QStringLiteral("INSERT INTO tag (id, name, folded, color, created) "
                             "VALUES (:id, :name, :folded, :color, :created) "
                             "ON CONFLICT (id) DO UPDATE SET name = excluded.name, folded = excluded.folded, "
                             "color = excluded.color, created = excluded.created"));
    q.bindValue(QStringLiteral(":id"), t.id);
    q.bindValue(QStringLiteral(":name"), t.name);
    q.bindValue(QStringLiteral(":folded"), TagStore::foldName(t.name));
    q.bindValue(QStringLiteral(":color"), t.color);
    q.bindValue(QStringLiteral(":created"), t.created);
    if (q.exec())
        return true;
    if (q.lastError().text().contains(QLatin1String("UNIQUE")))
        return fail(error, QStringLiteral("a tag named \"%1\" already exists").arg(t.name));
    return fail(error, q.lastError().text());
}

bool upsertNote(const QSqlDatabase &db, const Note &n, QString *error)
{
    QSqlQuery q(db);
    q.prepare(QStringLiteral(
        "INSERT INTO note (id, article_key, kind, field, quote, prefix, suffix, start, end, note, color, anchor, "
        "created, modified) VALUES (:id, :key, :kind, :field, :quote, :prefix, :suffix, :start, :end, :note, :color, "
        ":anchor, :created, :modified) ON CONFLICT (id) DO UPDATE SET article_key = excluded.article_key, "
        "kind = excluded.kind, field = excluded.field, quote = excluded.quote, prefix = excluded.prefix, "
        "suffix = excluded.suffix, start = excluded.start, end = excluded.end, note = excluded.note, "
        "color = excluded.color, anchor = excluded.anchor, created = excluded.created, modified = excluded.modified"));
    q.bindValue(QStringLiteral(":id"), n.id);
    q.bindValue(QStringLiteral(":key"), n.articleKey);
    q.bindValue(QStringLiteral(":kind"), noteKindName(n.kind));
    q.bindValue(QStringLiteral(":field"), n.field.isEmpty() ? QStringLiteral("body") : n.field);
    q.bindValue(QStringLiteral(":quote"), nullable(n.quote));
    q.bindValue(QStringLiteral(":prefix"), nullable(n.prefix));
    q.bindValue(QStringLiteral(":suffix"), nullable(n.suffix));
    q.bindValue(QStringLiteral(":start"), nullable(n.start));
    q.bindValue(QStringLiteral(":end"), nullable(n.end));
    q.bindValue(QStringLiteral(":note"), n.note.isNull() ? QStringLiteral("") : n.note);
    q.bindValue(QStringLiteral(":color"), nullable(n.color));
    q.bindValue(QStringLiteral(":anchor"), anchorStateName(n.anchor));
    q.bindValue(QStringLiteral(":created"), n.created);
    q.bindValue(QStringLiteral(":modified"), n.modified);
    return run(q, error);
}

} // namespace

Edit::Edit(QString text, Plan plan, QString mergeKey)
    : m_text(std::move(text))
    , m_plan(std::move(plan))
    , m_mergeKey(std::move(mergeKey))
{}

bool Edit::apply(const QSqlDatabase &db, QString *error)
{
    return transition(db, true, error);
}

bool Edit::revert(const QSqlDatabase &db, QString *error)
{
    return transition(db, false, error);
}

bool Edit::transition(const QSqlDatabase &db, bool forward, QString *error)
{
    if (forward == m_applied)
        return fail(error, forward ? QStringLiteral("the edit is already applied")
                                   : QStringLiteral("the edit is not applied"));
    WriteScope scope(db);
    if (!scope.isActive())
        return fail(error, QStringLiteral("cannot start a transaction: %1").arg(db.lastError().text()));
    if (!m_planned) {
        RowSet before;
        RowSet after;
        if (!m_plan(db, &before, &after, error))
            return false;
        m_before = std::move(before);
        m_after = std::move(after);
    }
    const bool ok = forward ? writeRows(db, m_before, m_after, error) : writeRows(db, m_after, m_before, error);
    if (!ok)
        return false;
    if (!scope.commit())
        return fail(error, QStringLiteral("cannot commit: %1").arg(db.lastError().text()));
    m_planned = true;
    m_applied = forward;
    return true;
}

bool Edit::mergeWith(const Edit &later)
{
    if (m_mergeKey.isEmpty() || later.m_mergeKey != m_mergeKey || !m_applied || !later.m_applied)
        return false;
    // The merged edit goes from our before-state to the later one's after-state. Rows the later
    // edit touched but we did not keep their state from before the later edit.
    RowSet merged = m_before;
    for (const Tag &t : later.m_before.tags)
        if (!findIn(m_before.tags, t.id, tagKey) && !findIn(m_after.tags, t.id, tagKey))
            merged.tags << t;
    for (const ArticleTag &a : later.m_before.articleTags)
        if (!findIn(m_before.articleTags, linkKey(a), linkKey) && !findIn(m_after.articleTags, linkKey(a), linkKey))
            merged.articleTags << a;
    for (const Note &n : later.m_before.notes)
        if (!findIn(m_before.notes, n.id, noteKey) && !findIn(m_after.notes, n.id, noteKey))
            merged.notes << n;
    // Rows we wrote that the later edit did not mention keep the state we gave them.
    RowSet mergedAfter = later.m_after;
    for (const Tag &t : m_after.tags)
        if (!findIn(later.m_before.tags, t.id, tagKey) && !findIn(later.m_after.tags, t.id, tagKey))
            mergedAfter.tags << t;
    for (const ArticleTag &a : m_after.articleTags)
        if (!findIn(later.m_before.articleTags, linkKey(a), linkKey) &&
            !findIn(later.m_after.articleTags, linkKey(a), linkKey))
            mergedAfter.articleTags << a;
    for (const Note &n : m_after.notes)
        if (!findIn(later.m_before.notes, n.id, noteKey) && !findIn(later.m_after.notes, n.id, noteKey))
            mergedAfter.notes << n;
    m_before = std::move(merged);
    m_after = std::move(mergedAfter);
    return true;
}

bool Edit::writeRows(const QSqlDatabase &db, const RowSet &from, const RowSet &to, QString *error)
{
    // Links go before tags (a tag's deletion would cascade to them) and come back after them.
    for (const ArticleTag &a : from.articleTags)
        if (!findIn(to.articleTags, linkKey(a), linkKey) && !deleteLink(db, a, error))
            return false;
    for (const Note &n : from.notes)
        if (!findIn(to.notes, n.id, noteKey) &&
            !deleteById(db, QStringLiteral("DELETE FROM note WHERE id = :id"), n.id, error))
            return false;
    for (const Tag &t : from.tags)
        if (!findIn(to.tags, t.id, tagKey) &&
            !deleteById(db, QStringLiteral("DELETE FROM tag WHERE id = :id"), t.id, error))
            return false;
    for (const Tag &t : to.tags) {
        const auto old = findIn(from.tags, t.id, tagKey);
        if ((!old || *old != t) && !upsertTag(db, t, error))
            return false;
    }
    for (const ArticleTag &a : to.articleTags) {
        const auto old = findIn(from.articleTags, linkKey(a), linkKey);
        if ((!old || *old != a) && !upsertLink(db, a, error))
            return false;
    }
    for (const Note &n : to.notes) {
        const auto old = findIn(from.notes, n.id, noteKey);
        if ((!old || *old != n) && !upsertNote(db, n, error))
            return false;
    }
    return true;
}

} // namespace baokan::store
