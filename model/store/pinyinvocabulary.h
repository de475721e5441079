// SPDX-License-Identifier: MIT
#pragma once

#include <QList>
#include <QSet>
#include <QSqlDatabase>
#include <QString>
#include <QStringList>

#include <optional>

struct sqlite3;
struct sqlite3_stmt;

namespace baokan::store {

// The archive's pinyin vocabulary (table pinyin_word of migration 0007): the distinct words of
// its titles and PER/LOC/ORG names with the pinyin a user types for them, so a pinyin query
// becomes a search for Chinese words. Which words an article brings is pure (any thread, so the
// importer's parser threads compute it); an instance adds words on the thread owning its
// connection, inside the caller's transaction, and remembers what it added so a transaction of
// many articles writes each word once (forget() when a new transaction starts).
class PinyinVocabulary
{
public:
    struct Entry
    {
        QString word;     // folded (simplified, half-width)
        QStringList keys; // its pinyin as typed, syllables run together: one per reading combination
    };

    // Words shorter than this are not looked up by pinyin: one syllable ("li") reads as too many.
    static constexpr int MinWordLength = 2;
    // A polyphonic word gets at most this many keys, the combinations of common readings first.
    static constexpr int MaxKeys = 8;

    // The words a title and some names bring: each name, and each lexicon word of two or more
    // characters inside a name or the title (包头 in 包头市中级人民法院, 自治区 in a title). Pure.
    static QList<Entry> entriesFor(const QString &title, const QStringList &names);

    // The key a user's typed pinyin looks up ("Bao tou", "xi'an", "lv" → "baotou", "xian",
    // "lu"); empty when the text is not Latin letters alone.
    static QString keyOf(const QString &typed);
    // The words whose pinyin is key, at most limit of them.
    static std::optional<QStringList> wordsFor(const QSqlDatabase &db, const QString &key, int limit, QString *error);

    explicit PinyinVocabulary(const QSqlDatabase &db);
    ~PinyinVocabulary();
    PinyinVocabulary(const PinyinVocabulary &) = delete;
    PinyinVocabulary &operator=(const PinyinVocabulary &) = delete;

    bool add(const QList<Entry> &entries, QString *error);
    // Adds names (and the lexicon words in them) not added before by this instance.
    bool addNames(const QStringList &names, QString *error);
    // Forgets which words were added: a rollback may have taken them out again.
    void forget() { m_added.clear(); }

private:
    QSqlDatabase m_db;
    sqlite3 *m_handle = nullptr;
    sqlite3_stmt *m_insert = nullptr;
    QSet<QString> m_added;
};

} // namespace baokan::store
