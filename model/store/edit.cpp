// SPDX-License-Identifier: MIT
#include "store/edit.h"

#include "store/correctionstore.h"
#include "store/entitystore.h"
#include "store/notestore.h"
#include "store/tagstore.h"
#include "store/writescope.h"

#include <QSet>
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

// The primary key of a row, as text, so one set of templates serves every table.
QString rowKey(const Tag &t)
{
    return QString::number(t.id);
}
QString rowKey(const ArticleTag &a)
{
    return a.articleKey + QChar(0x1f) + QString::number(a.tagId);
}
QString rowKey(const Note &n)
{
    return QString::number(n.id);
}
QString rowKey(const Correction &c)
{
    return QString::number(c.id);
}
QString rowKey(const LexiconEntry &e)
{
    return e.text;
}

template<typename T>
std::optional<T> findRow(const QList<T> &rows, const T &like)
{
    const QString key = rowKey(like);
    for (const T &row : rows)
        if (rowKey(row) == key)
            return row;
    return std::nullopt;
}

// Appends the rows of `rows` that neither `a` nor `b` mentions.
template<typename T>
void addUnmentioned(QList<T> &into, const QList<T> &rows, const QList<T> &a, const QList<T> &b)
{
    for (const T &row : rows)
        if (!findRow(a, row) && !findRow(b, row))
            into << row;
}

template<typename T, typename Delete>
bool deleteGone(const QList<T> &from, const QList<T> &to, Delete remove)
{
    for (const T &row : from)
        if (!findRow(to, row) && !remove(row))
            return false;
    return true;
}

template<typename T, typename Upsert>
bool writeChanged(const QList<T> &from, const QList<T> &to, Upsert upsert)
{
    for (const T &row : to) {
        const auto old = findRow(from, row);
        if ((!old || *old != row) && !upsert(row))
            return false;
    }
    return true;
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

bool upsertLexicon(const QSqlDatabase &db, const LexiconEntry &e, QString *error)
{
    QSqlQuery q(db);
    q.prepare(QStringLiteral("INSERT INTO user_lexicon (text, type, created) VALUES (:text, :type, :created) "
                             "ON CONFLICT (text) DO UPDATE SET type = excluded.type, created = excluded.created"));
    q.bindValue(QStringLiteral(":text"), e.text);
    q.bindValue(QStringLiteral(":type"), nullable(e.type));
    q.bindValue(QStringLiteral(":created"), e.created);
    return run(q, error);
}

bool deleteLexicon(const QSqlDatabase &db, const LexiconEntry &e, QString *error)
{
    QSqlQuery q(db);
    q.prepare(QStringLiteral("DELETE FROM user_lexicon WHERE text = :text"));
    q.bindValue(QStringLiteral(":text"), e.text);
    return run(q, error);
}

// Whether the archive still holds the rows of `from` as recorded, and none of the rows `to` would
// add: otherwise someone else (another window, a re-import that re-anchored a highlight) changed
// them since, and writing our recorded state would undo their change silently.
bool isCurrent(const QSqlDatabase &db, const RowSet &from, const RowSet &to)
{
    const TagStore tags(db);
    const NoteStore notes(db);
    for (const Tag &t : from.tags)
        if (tags.tag(t.id) != std::optional<Tag>(t))
            return false;
    for (const ArticleTag &a : from.articleTags)
        if (tags.link(a.articleKey, a.tagId) != std::optional<ArticleTag>(a))
            return false;
    for (const Note &n : from.notes)
        if (notes.note(n.id) != std::optional<Note>(n))
            return false;
    for (const Correction &c : from.corrections)
        if (CorrectionStore::correction(db, c.id) != std::optional<Correction>(c))
            return false;
    for (const LexiconEntry &e : from.lexicon)
        if (CorrectionStore::lexiconEntry(db, e.text) != std::optional<LexiconEntry>(e))
            return false;
    for (const Tag &t : to.tags)
        if (!findRow(from.tags, t) && tags.tag(t.id))
            return false;
    for (const ArticleTag &a : to.articleTags)
        if (!findRow(from.articleTags, a) && tags.link(a.articleKey, a.tagId))
            return false;
    for (const Note &n : to.notes)
        if (!findRow(from.notes, n) && notes.note(n.id))
            return false;
    for (const Correction &c : to.corrections)
        if (!findRow(from.corrections, c) && CorrectionStore::correction(db, c.id))
            return false;
    for (const LexiconEntry &e : to.lexicon)
        if (!findRow(from.lexicon, e) && CorrectionStore::lexiconEntry(db, e.text))
            return false;
    return true;
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
        return fail(error, QStringLiteral("cannot start a transaction: %1").arg(scope.lastError()));
    if (!m_planned) {
        RowSet before;
        RowSet after;
        if (!m_plan(db, &before, &after, error))
            return false;
        m_before = std::move(before);
        m_after = std::move(after);
    }
    const RowSet &from = forward ? m_before : m_after;
    const RowSet &to = forward ? m_after : m_before;
    if (m_planned && !isCurrent(db, from, to))
        return fail(error,
                    QStringLiteral("“%1” cannot be %2: the notes, tags or corrections it touched have changed since "
                                   "(in another window, or by a re-import)")
                        .arg(m_text, forward ? QStringLiteral("redone") : QStringLiteral("undone")));
    const bool ok = writeRows(db, from, to, error);
    if (!ok)
        return false;
    if (!scope.commit())
        return fail(error, QStringLiteral("cannot commit: %1").arg(scope.lastError()));
    m_planned = true;
    m_applied = forward;
    return true;
}

bool Edit::mergeWith(const Edit &later)
{
    if (m_mergeKey.isEmpty() || later.m_mergeKey != m_mergeKey || !m_applied || !later.m_applied)
        return false;
    // The merged edit goes from our before-state to the later one's after-state. Rows only the
    // later edit touched keep their state from before it; rows only we touched keep ours.
    RowSet before = m_before;
    addUnmentioned(before.tags, later.m_before.tags, m_before.tags, m_after.tags);
    addUnmentioned(before.articleTags, later.m_before.articleTags, m_before.articleTags, m_after.articleTags);
    addUnmentioned(before.notes, later.m_before.notes, m_before.notes, m_after.notes);
    addUnmentioned(before.corrections, later.m_before.corrections, m_before.corrections, m_after.corrections);
    addUnmentioned(before.lexicon, later.m_before.lexicon, m_before.lexicon, m_after.lexicon);
    RowSet after = later.m_after;
    addUnmentioned(after.tags, m_after.tags, later.m_before.tags, later.m_after.tags);
    addUnmentioned(after.articleTags, m_after.articleTags, later.m_before.articleTags, later.m_after.articleTags);
    addUnmentioned(after.notes, m_after.notes, later.m_before.notes, later.m_after.notes);
    addUnmentioned(after.corrections, m_after.corrections, later.m_before.corrections, later.m_after.corrections);
    addUnmentioned(after.lexicon, m_after.lexicon, later.m_before.lexicon, later.m_after.lexicon);
    m_before = std::move(before);
    m_after = std::move(after);
    return true;
}

bool Edit::writeRows(const QSqlDatabase &db, const RowSet &from, const RowSet &to, QString *error)
{
    const QString deleteNote = QStringLiteral("DELETE FROM note WHERE id = :id");
    const QString deleteTag = QStringLiteral("DELETE FROM tag WHERE id = :id");
    const QString deleteCorrection = QStringLiteral("DELETE FROM correction WHERE id = :id");
    // What the changed corrections and lexicon entries can touch: an article, or a text anywhere.
    QSet<QString> keys;
    QSet<QString> texts;
    auto touched = [&](const Correction &c) {
        if (c.scope == QLatin1String("archive"))
            texts.insert(c.text);
        else
            keys.insert(c.articleKey);
    };
    auto writeCorrection = [&](const Correction &c) {
        touched(c);
        if (const auto old = findRow(from.corrections, c))
            touched(*old);
        return CorrectionStore::write(db, c, error);
    };
    auto writeLexicon = [&](const LexiconEntry &e) {
        texts.insert(e.text);
        return upsertLexicon(db, e, error);
    };
    // Links go before tags (a tag's deletion would cascade to them) and come back after them.
    const bool written =
        deleteGone(from.articleTags, to.articleTags, [&](const ArticleTag &a) { return deleteLink(db, a, error); }) &&
        deleteGone(from.notes, to.notes, [&](const Note &n) { return deleteById(db, deleteNote, n.id, error); }) &&
        deleteGone(from.tags, to.tags, [&](const Tag &t) { return deleteById(db, deleteTag, t.id, error); }) &&
        deleteGone(from.corrections, to.corrections,
                   [&](const Correction &c) {
                       touched(c);
                       return deleteById(db, deleteCorrection, c.id, error);
                   }) &&
        deleteGone(from.lexicon, to.lexicon,
                   [&](const LexiconEntry &e) {
                       texts.insert(e.text);
                       return deleteLexicon(db, e, error);
                   }) &&
        writeChanged(from.tags, to.tags, [&](const Tag &t) { return upsertTag(db, t, error); }) &&
        writeChanged(from.articleTags, to.articleTags, [&](const ArticleTag &a) { return upsertLink(db, a, error); }) &&
        writeChanged(from.notes, to.notes, [&](const Note &n) { return upsertNote(db, n, error); }) &&
        writeChanged(from.corrections, to.corrections, writeCorrection) &&
        writeChanged(from.lexicon, to.lexicon, writeLexicon);
    if (!written)
        return false;
    if (keys.isEmpty() && texts.isEmpty())
        return true;
    // Stored mentions derive from the recognizer and these rows: bring them in step in the same
    // transaction, so the reader never shows a correction half applied.
    return EntityStore::recognizeAffected(db, QStringList(keys.begin(), keys.end()),
                                          QStringList(texts.begin(), texts.end()), error);
}

} // namespace baokan::store
