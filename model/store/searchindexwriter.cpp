// SPDX-License-Identifier: MIT
#include "store/searchindexwriter.h"

#include "store/database.h"
#include "store/searchsortkey.h"
#include "store/searchtokenizer.h"

#include <QDate>

#include <algorithm>

#include <sqlite3.h>

namespace baokan::store {

namespace {

// Removal statements, the same as the triggers' in 0007_pinyin_vocabulary.sql.
const char *const RemoveFts =
    "INSERT INTO article_fts (article_fts, rowid, body, title, byline, captions) "
    "SELECT 'delete', s.sort_key, v.body, v.title, v.byline, v.captions "
    "FROM article_search s JOIN article_search_text v ON v.id = s.article_id WHERE s.article_id = ?";
const char *const RemoveUni =
    "INSERT INTO article_uni (article_uni, rowid, text) SELECT 'delete', s.sort_key, v.everything "
    "FROM article_search s JOIN article_search_text v ON v.id = s.article_id WHERE s.article_id = ?";
const char *const RemoveRow = "DELETE FROM article_search WHERE article_id = ?";

void bindText(sqlite3_stmt *stmt, int column, const QByteArray &utf8)
{
    // Static: the bytes outlive the step that reads them.
    sqlite3_bind_text(stmt, column, utf8.constData(), int(utf8.size()), SQLITE_STATIC);
}

QByteArray columnBytes(sqlite3_stmt *stmt, int column)
{
    const auto *text = reinterpret_cast<const char *>(sqlite3_column_text(stmt, column));
    return QByteArray(text ? text : "", sqlite3_column_bytes(stmt, column));
}

// Runs a statement without result rows and makes it ready for the next use.
bool step(sqlite3_stmt *stmt)
{
    const int rc = sqlite3_step(stmt);
    sqlite3_reset(stmt);
    return rc == SQLITE_DONE || rc == SQLITE_ROW;
}

} // namespace

SearchIndexWriter::Text SearchIndexWriter::textOf(const QStringList &c, const QStringList &names)
{
    // Mirrors article_search_text: NULL columns become empty strings, lines joined by "\n",
    // byline parts by U+001F.
    static const QString nl = QStringLiteral("\n");
    static const QString us = QString(QChar(0x1F));
    const auto v = [&](int i) -> const QString & {
        static const QString none;
        return i < c.size() ? c.at(i) : none;
    };
    Text t;
    t.title = (v(0) + nl + v(1) + nl + v(2)).toUtf8();
    t.byline = (v(3) + us + v(4) + us + v(5) + us + v(6) + us + v(7) + us + v(8)).toUtf8();
    t.body = v(9).toUtf8();
    t.captions = v(10).toUtf8();
    t.everything.reserve(t.title.size() + t.byline.size() + t.body.size() + t.captions.size() + 3);
    t.everything.append(t.title).append('\n').append(t.byline).append('\n').append(t.body).append('\n').append(
        t.captions);
    t.words = PinyinVocabulary::entriesFor(v(0) + nl + v(1) + nl + v(2), names);
    return t;
}

SearchIndexWriter::SearchIndexWriter(const QSqlDatabase &db)
    : m_db(db)
    , m_handle(Database::handle(db))
    , m_vocabulary(db)
{}

SearchIndexWriter::~SearchIndexWriter()
{
    for (sqlite3_stmt *s : {m_text, m_entities, m_insertRow, m_insertFts, m_insertUni, m_oldKey, m_lastKey, m_removeFts,
                            m_removeUni, m_removeRow})
        sqlite3_finalize(s);
}

bool SearchIndexWriter::fail(const QString &what, QString *error) const
{
    if (error)
        *error = what + QLatin1String(": ") +
                 (m_handle ? QString::fromUtf8(sqlite3_errmsg(m_handle)) : QStringLiteral("no connection"));
    return false;
}

bool SearchIndexWriter::prepare(QString *error)
{
    if (!m_handle)
        return fail(QStringLiteral("cannot prepare search statements"), error);
    const std::pair<sqlite3_stmt **, const char *> statements[] = {
        {&m_text, "SELECT v.title, v.byline, v.body, v.captions, v.everything, coalesce(i.user_date, i.date) "
                  "FROM article_search_text v JOIN article a ON a.id = v.id JOIN issue i ON i.id = a.issue_id "
                  "WHERE v.id = ?"},
        {&m_entities, "SELECT DISTINCT text FROM entity_mention "
                      "WHERE article_id = ? AND type IN ('PER', 'LOC', 'ORG') ORDER BY text"},
        {&m_insertRow, "INSERT INTO article_search (article_id, sort_key) VALUES (?, ?)"},
        {&m_insertFts, "INSERT INTO article_fts (rowid, body, title, byline, captions) VALUES (?, ?, ?, ?, ?)"},
        {&m_insertUni, "INSERT INTO article_uni (rowid, text) VALUES (?, ?)"},
        {&m_oldKey, "SELECT sort_key FROM article_search WHERE article_id = ?"},
        {&m_lastKey, "SELECT max(sort_key) FROM article_search WHERE sort_key BETWEEN ? AND ?"},
        {&m_removeFts, RemoveFts},
        {&m_removeUni, RemoveUni},
        {&m_removeRow, RemoveRow},
    };
    for (const auto &[stmt, sql] : statements) {
        if (*stmt)
            continue;
        if (sqlite3_prepare_v3(m_handle, sql, -1, SQLITE_PREPARE_PERSISTENT, stmt, nullptr) != SQLITE_OK)
            return fail(QStringLiteral("cannot prepare search statement"), error);
    }
    return true;
}

void SearchIndexWriter::begin()
{
    m_nextKey.clear();
    // The last transaction may have been rolled back, its words with it.
    m_vocabulary.forget();
}

bool SearchIndexWriter::previousKey(qint64 id, std::optional<qint64> *previous, QString *error)
{
    // Keys of undated articles are negative: "not indexed" cannot be a key value.
    sqlite3_bind_int64(m_oldKey, 1, id);
    const int rc = sqlite3_step(m_oldKey);
    *previous = rc == SQLITE_ROW ? std::optional<qint64>(sqlite3_column_int64(m_oldKey, 0)) : std::nullopt;
    sqlite3_reset(m_oldKey);
    if (rc != SQLITE_ROW && rc != SQLITE_DONE)
        return fail(QStringLiteral("cannot read the search index"), error);
    return true;
}

bool SearchIndexWriter::flush(QString *error)
{
    std::sort(m_pending.begin(), m_pending.end(), [](const Pending &a, const Pending &b) { return a.key < b.key; });
    for (const Pending &p : m_pending) {
        if (!insertFts(p.id, p.key, p.text, error)) {
            m_pending.clear();
            return false;
        }
    }
    m_pending.clear();
    return true;
}

bool SearchIndexWriter::insertFts(qint64 id, qint64 key, const Text &text, QString *error)
{
    sqlite3_bind_int64(m_insertFts, 1, key);
    bindText(m_insertFts, 2, text.body);
    bindText(m_insertFts, 3, text.title);
    bindText(m_insertFts, 4, text.byline);
    bindText(m_insertFts, 5, text.captions);
    sqlite3_bind_int64(m_insertUni, 1, key);
    bindText(m_insertUni, 2, text.everything);
    for (sqlite3_stmt *s : {m_insertFts, m_insertUni}) {
        if (!step(s))
            return fail(QStringLiteral("cannot index article %1").arg(id), error);
    }
    return true;
}

bool SearchIndexWriter::remove(qint64 id, QString *error)
{
    if (!m_pending.empty() && !flush(error))
        return false;
    for (sqlite3_stmt *s : {m_removeFts, m_removeUni, m_removeRow}) {
        sqlite3_bind_int64(s, 1, id);
        if (!step(s))
            return fail(QStringLiteral("cannot remove article %1 from the search index").arg(id), error);
    }
    return true;
}

bool SearchIndexWriter::index(qint64 id, QString *error)
{
    std::optional<qint64> previous;
    if (!previousKey(id, &previous, error))
        return false;
    // An article_search row exists exactly when the article is in the index.
    if (previous && !remove(id, error))
        return false;
    sqlite3_bind_int64(m_text, 1, id);
    int rc = sqlite3_step(m_text);
    if (rc == SQLITE_DONE) {
        sqlite3_reset(m_text);
        return true; // gone meanwhile: nothing to index
    }
    if (rc != SQLITE_ROW) {
        sqlite3_reset(m_text);
        return fail(QStringLiteral("cannot read article %1 for the search index").arg(id), error);
    }
    Text text;
    text.title = columnBytes(m_text, 0);
    text.byline = columnBytes(m_text, 1);
    text.body = columnBytes(m_text, 2);
    text.captions = columnBytes(m_text, 3);
    text.everything = columnBytes(m_text, 4);
    const QString date = QString::fromUtf8(columnBytes(m_text, 5));
    sqlite3_reset(m_text);

    QStringList names;
    sqlite3_bind_int64(m_entities, 1, id);
    while ((rc = sqlite3_step(m_entities)) == SQLITE_ROW)
        names << QString::fromUtf8(columnBytes(m_entities, 0));
    sqlite3_reset(m_entities);
    if (rc != SQLITE_DONE)
        return fail(QStringLiteral("cannot read entities of article %1").arg(id), error);
    text.words = PinyinVocabulary::entriesFor(QString::fromUtf8(text.title), {});
    return write(id, previous, text, date, names, error);
}

bool SearchIndexWriter::index(qint64 id, const Text &text, const QString &isoDate, const QStringList &names,
                              QString *error)
{
    std::optional<qint64> previous;
    if (!previousKey(id, &previous, error))
        return false;
    if (previous && !remove(id, error))
        return false;
    return write(id, previous, text, isoDate, names, error);
}

bool SearchIndexWriter::write(qint64 id, std::optional<qint64> previous, const Text &text, const QString &isoDate,
                              const QStringList &names, QString *error)
{
    const qint64 day = SearchSortKey::dayOf(isoDate);
    const SearchSortKey range = SearchSortKey::rangeOf(day);
    // An article re-indexed on the same date keeps its place among that day's articles.
    qint64 key = 0;
    if (previous && range.contains(*previous)) {
        key = *previous;
    } else {
        if (const auto next = m_nextKey.constFind(day); next != m_nextKey.cend()) {
            key = *next;
        } else {
            sqlite3_bind_int64(m_lastKey, 1, range.first);
            sqlite3_bind_int64(m_lastKey, 2, range.last);
            if (sqlite3_step(m_lastKey) != SQLITE_ROW) {
                sqlite3_reset(m_lastKey);
                return fail(QStringLiteral("cannot read the search index"), error);
            }
            key =
                sqlite3_column_type(m_lastKey, 0) == SQLITE_NULL ? range.first : sqlite3_column_int64(m_lastKey, 0) + 1;
            sqlite3_reset(m_lastKey);
        }
        m_nextKey.insert(day, key + 1);
        if (!range.contains(key)) {
            if (error)
                *error =
                    QStringLiteral("more than %1 articles on one date cannot be indexed").arg(SearchSortKey::WithinDay);
            return false;
        }
    }
    // Pinyin is looked up in the vocabulary and searched as the Chinese words it finds.
    if (!m_vocabulary.add(text.words, error) || !m_vocabulary.addNames(names, error))
        return false;
    sqlite3_bind_int64(m_insertRow, 1, id);
    sqlite3_bind_int64(m_insertRow, 2, key);
    if (!step(m_insertRow))
        return fail(QStringLiteral("cannot index article %1").arg(id), error);
    if (m_buffered) {
        m_pending.push_back(Pending{id, key, text});
        return true;
    }
    return insertFts(id, key, text, error);
}

} // namespace baokan::store
