// SPDX-License-Identifier: MIT
#pragma once

#include "store/pinyinvocabulary.h"

#include <QByteArray>
#include <QHash>
#include <QSqlDatabase>
#include <QString>
#include <QStringList>

#include <optional>
#include <vector>

struct sqlite3;
struct sqlite3_stmt;

namespace baokan::store {

// Writes articles into the full-text index (the tables of migrations 0002 and 0007) with statements
// prepared once and reused, for imports and rebuilds that index many articles in a row. The text
// can be given as the caller already has it, made by textOf() on any thread, so the writer
// neither reads the article back nor converts it again. Use it on the thread owning the
// connection, inside the caller's transaction; call begin() at the start of each transaction.
class SearchIndexWriter
{
public:
    // The text of each FTS column in UTF-8, exactly as the view article_search_text makes it.
    struct Text
    {
        QByteArray title;
        QByteArray byline;
        QByteArray body;
        QByteArray captions;
        QByteArray everything;
        // The words the title and the entity names bring to the pinyin vocabulary.
        QList<PinyinVocabulary::Entry> words;
    };

    // The stored values of the columns kicker, display_title, subtitle, dateline, reporters,
    // correspondents, interns, photographers, source, body and captions (null strings where the
    // column is NULL), and the article's PER, LOC and ORG names for the pinyin vocabulary. Pure;
    // any thread.
    static Text textOf(const QStringList &columns, const QStringList &names = {});

    explicit SearchIndexWriter(const QSqlDatabase &db);
    ~SearchIndexWriter();
    SearchIndexWriter(const SearchIndexWriter &) = delete;
    SearchIndexWriter &operator=(const SearchIndexWriter &) = delete;

    bool prepare(QString *error);
    // Forgets what it learned about the index in the last transaction (the next free sort key
    // of each date, the vocabulary words it added), which another connection may have changed
    // since or a rollback taken back.
    void begin();
    // Buffered, the full-text rows wait for flush(), which writes them in rowid order: FTS5
    // writes what it holds in memory as a new segment whenever a lower rowid than the last comes,
    // and the rowid is the date's sort key, so an import of issues out of date order made a
    // segment per issue, which merges then rewrote. Flush before committing; discard() after a
    // rollback. Removing an article flushes first (its rows must be in the index to come out).
    void setBuffered(bool buffered) { m_buffered = buffered; }
    bool flush(QString *error);
    void discard()
    {
        m_pending.clear();
        m_vocabulary.forget();
    }
    // Indexes (or re-indexes) an article, reading its text, date and entity names from the archive.
    bool index(qint64 id, QString *error);
    // Indexes an article with its text given; names are its distinct PER, LOC and ORG texts, of
    // which those that text.words lacks (names a user's rule made) are added to the vocabulary.
    bool index(qint64 id, const Text &text, const QString &isoDate, const QStringList &names, QString *error);
    // Takes an article out of the index; nothing happens when it is not in it.
    bool remove(qint64 id, QString *error);

private:
    bool write(qint64 id, std::optional<qint64> previous, const Text &text, const QString &isoDate,
               const QStringList &names, QString *error);
    bool previousKey(qint64 id, std::optional<qint64> *previous, QString *error);
    bool fail(const QString &what, QString *error) const;
    bool insertFts(qint64 id, qint64 key, const Text &text, QString *error);

    struct Pending
    {
        qint64 id;
        qint64 key;
        Text text;
    };

    QSqlDatabase m_db;
    sqlite3 *m_handle = nullptr;
    sqlite3_stmt *m_text = nullptr;
    sqlite3_stmt *m_entities = nullptr;
    sqlite3_stmt *m_insertRow = nullptr;
    sqlite3_stmt *m_insertFts = nullptr;
    sqlite3_stmt *m_insertUni = nullptr;
    sqlite3_stmt *m_oldKey = nullptr;
    sqlite3_stmt *m_lastKey = nullptr;
    sqlite3_stmt *m_removeFts = nullptr;
    sqlite3_stmt *m_removeUni = nullptr;
    sqlite3_stmt *m_removeRow = nullptr;
    // The next free key of each day met in this transaction, to ask the index once per day.
    QHash<qint64, qint64> m_nextKey;
    PinyinVocabulary m_vocabulary;
    bool m_buffered = false;
    std::vector<Pending> m_pending;
};

} // namespace baokan::store
