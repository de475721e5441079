// SPDX-License-Identifier: MIT
#include "store/notestore.h"

#include "annotate/highlightanchor.h"
#include "store/database.h"
#include "store/edit.h"
#include "store/noteedits.h"
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

} // namespace

NoteStore::NoteStore(QSqlDatabase db)
    : m_db(std::move(db))
{}

NoteStore::NoteStore(const store::Database *db)
    : m_db(db->connection())
{}

QString NoteStore::columns()
{
    return QStringLiteral("id, article_key, kind, field, quote, prefix, suffix, start, end, note, color, anchor, "
                          "created, modified");
}

Note NoteStore::readNote(const QSqlQuery &q)
{
    Note n;
    n.id = q.value(0).toLongLong();
    n.articleKey = q.value(1).toString();
    n.kind = noteKindFromName(q.value(2).toString()).value_or(NoteKind::ArticleNote);
    n.field = q.value(3).toString();
    n.quote = q.value(4).toString();
    n.prefix = q.value(5).toString();
    n.suffix = q.value(6).toString();
    n.start = q.value(7).isNull() ? -1 : q.value(7).toLongLong();
    n.end = q.value(8).isNull() ? -1 : q.value(8).toLongLong();
    n.note = q.value(9).toString();
    n.color = q.value(10).toString();
    n.anchor = q.value(11).toString() == QLatin1String("review") ? AnchorState::Review : AnchorState::Ok;
    n.created = q.value(12).toString();
    n.modified = q.value(13).toString();
    return n;
}

QList<Note> NoteStore::query(const QString &where, const QVariantMap &bindings) const
{
    QList<Note> out;
    QSqlQuery q(m_db);
    q.prepare(QStringLiteral("SELECT %1 FROM note WHERE %2").arg(columns(), where));
    for (auto it = bindings.begin(); it != bindings.end(); ++it)
        q.bindValue(it.key(), it.value());
    if (!q.exec())
        return out;
    while (q.next())
        out << readNote(q);
    return out;
}

std::optional<Note> NoteStore::note(qint64 id) const
{
    const QList<Note> found = query(QStringLiteral("id = :id"), {{QStringLiteral(":id"), id}});
    if (found.isEmpty())
        return std::nullopt;
    return found.first();
}

std::optional<Note> NoteStore::articleNote(const QString &articleKey) const
{
    const QList<Note> found =
        query(QStringLiteral("article_key = :key AND kind = 'article-note'"), {{QStringLiteral(":key"), articleKey}});
    if (found.isEmpty())
        return std::nullopt;
    return found.first();
}

QLatin1String NoteStore::fieldReadingOrder()
{
    return QLatin1String("CASE field WHEN 'kicker' THEN 0 WHEN 'title' THEN 1 WHEN 'subtitle' THEN 2 "
                         "WHEN 'body' THEN 3 WHEN 'caption' THEN 4 ELSE 5 END");
}

QList<Note> NoteStore::highlights(const QString &articleKey) const
{
    return query(QStringLiteral("article_key = :key AND kind = 'highlight' ORDER BY %1, start, end, id")
                     .arg(fieldReadingOrder()),
                 {{QStringLiteral(":key"), articleKey}});
}

QList<Note> NoteStore::notesFor(const QString &articleKey) const
{
    return query(
        QStringLiteral("article_key = :key ORDER BY kind = 'highlight', %1, start, end, id").arg(fieldReadingOrder()),
        {{QStringLiteral(":key"), articleKey}});
}

QList<Note> NoteStore::needingReview() const
{
    // A re-import that drops an article leaves its notes under its key (they come back with it);
    // until then they are listed here too.
    return query(QStringLiteral("anchor = 'review' OR NOT EXISTS (SELECT 1 FROM article a WHERE a.key = "
                                "note.article_key) ORDER BY article_key, start, id"),
                 {});
}

qint64 NoteStore::nextId() const
{
    QSqlQuery q(m_db);
    return q.exec(QStringLiteral("SELECT coalesce(max(id), 0) + 1 FROM note")) && q.next() ? q.value(0).toLongLong()
                                                                                           : 1;
}

bool NoteStore::setArticleNote(const QString &articleKey, const QString &text, QString *error)
{
    return NoteEdits::setArticleNote(articleKey, text).apply(m_db, error);
}

std::optional<qint64> NoteStore::addHighlight(const QString &articleKey, qint64 start, qint64 end, const QString &color,
                                              const QString &comment, QString *error)
{
    Edit edit = NoteEdits::addHighlight(articleKey, start, end, color, comment);
    if (!edit.apply(m_db, error) || edit.after().notes.isEmpty())
        return std::nullopt;
    return edit.after().notes.first().id;
}

bool NoteStore::updateHighlight(qint64 id, const QString &comment, const QString &color, QString *error)
{
    return NoteEdits::editHighlight(id, comment, color).apply(m_db, error);
}

bool NoteStore::deleteNote(qint64 id, QString *error)
{
    return NoteEdits::deleteNote(id).apply(m_db, error);
}

bool NoteStore::reattach(qint64 id, qint64 start, qint64 end, QString *error)
{
    return NoteEdits::reattach(id, start, end).apply(m_db, error);
}

bool NoteStore::reanchorArticle(const QSqlDatabase &db, const QString &articleKey, const QString &newBody,
                                ReanchorResult *result, QString *error)
{
    return reanchorArticle(db, articleKey, QHash<QString, QString>{{QStringLiteral("body"), newBody}}, result, error);
}

bool NoteStore::reanchorArticle(const QSqlDatabase &db, const QString &articleKey,
                                const QHash<QString, QString> &fieldTexts, ReanchorResult *result, QString *error)
{
    const NoteStore store(db);
    RowSet before;
    RowSet after;
    ReanchorResult counts;
    for (const Note &n : store.notesFor(articleKey)) {
        if (n.kind == NoteKind::ArticleNote) {
            if (n.anchor == AnchorState::Review) {
                before.notes << n;
                Note back = n;
                back.anchor = AnchorState::Ok;
                after.notes << back;
            }
            continue;
        }
        const auto field = fieldTexts.constFind(n.field.isEmpty() ? QStringLiteral("body") : n.field);
        if (field == fieldTexts.constEnd())
            continue; // nothing is known about that field's new text
        const QString &newBody = *field;
        annotate::TextAnchor old;
        old.quote = n.quote;
        old.prefix = n.prefix;
        old.suffix = n.suffix;
        old.start = n.start;
        old.end = n.end;
        const annotate::Placement place = annotate::HighlightAnchor::locate(old, newBody);
        Note now = n;
        if (place.found) {
            const auto anchor = annotate::HighlightAnchor::fromRange(newBody, place.start, place.end);
            now.quote = anchor->quote;
            now.prefix = anchor->prefix;
            now.suffix = anchor->suffix;
            now.start = anchor->start;
            now.end = anchor->end;
            now.anchor = AnchorState::Ok;
            if (place.start == n.start && place.end == n.end && place.exact && n.anchor == AnchorState::Ok)
                ++counts.kept;
            else
                ++counts.moved;
        } else {
            // Keep the old quote and offsets: they are what the user needs to re-attach it.
            now.anchor = AnchorState::Review;
            ++counts.review;
        }
        if (now != n) {
            before.notes << n;
            after.notes << now;
        }
    }
    if (result)
        *result = counts;
    if (after.isEmpty())
        return true;
    WriteScope scope(db);
    if (!scope.isActive())
        return fail(error, QStringLiteral("cannot start a transaction: %1").arg(scope.lastError()));
    if (!Edit::writeRows(db, before, after, error))
        return false;
    return scope.commit() || fail(error, QStringLiteral("cannot commit: %1").arg(scope.lastError()));
}

} // namespace baokan::store
