// SPDX-License-Identifier: MIT
#include "store/pinyinvocabulary.h"

#include "entities/lexicon.h"
#include "store/database.h"
#include "store/searchtokenizer.h"

#include <QSqlError>
#include <QSqlQuery>
#include <QVariant>

#include <sqlite3.h>

namespace baokan::store {

namespace {

// Longer lexicon words are phrases nobody types as pinyin.
constexpr int MaxLexiconWord = 8;
// A name longer than this is recognition gone wrong, not something typed in pinyin.
constexpr int MaxNameLength = 16;

bool isHan(QChar c)
{
    return c.script() == QChar::Script_Han;
}

// Every lexicon word of MinWordLength or more characters inside the Han runs of text.
void lexiconWords(const QString &text, QSet<QString> &out)
{
    const entities::Lexicon &lexicon = entities::Lexicon::instance();
    if (lexicon.isEmpty())
        return;
    const auto *units = reinterpret_cast<const char16_t *>(text.utf16());
    const int n = int(text.size());
    for (int start = 0; start < n; ++start) {
        if (!isHan(text[start]))
            continue;
        quint32 hash = entities::Lexicon::hashSeed();
        for (int end = start; end < n && end - start < MaxLexiconWord && isHan(text[end]); ++end) {
            hash = entities::Lexicon::hashStep(hash, units[end]);
            const entities::Lexicon::Entry *entry = lexicon.find(units + start, end - start + 1, hash);
            if (!entry)
                break; // not even the prefix of a word
            if (entry->freq > 0 && end - start + 1 >= PinyinVocabulary::MinWordLength)
                out.insert(text.mid(start, end - start + 1));
        }
    }
}

} // namespace

QList<PinyinVocabulary::Entry> PinyinVocabulary::entriesFor(const QString &title, const QStringList &names)
{
    QSet<QString> words;
    for (const QString &name : names) {
        const QString folded = SearchTokenizer::fold(name);
        if (folded.size() >= MinWordLength && folded.size() <= MaxNameLength)
            words.insert(folded);
        lexiconWords(folded, words);
    }
    lexiconWords(SearchTokenizer::fold(title), words);
    QList<Entry> out;
    out.reserve(words.size());
    for (const QString &w : std::as_const(words)) {
        QStringList keys = SearchTokenizer::pinyinKeys(w, MaxKeys);
        if (!keys.isEmpty())
            out << Entry{w, keys};
    }
    return out;
}

QString PinyinVocabulary::keyOf(const QString &typed)
{
    QString key;
    key.reserve(typed.size());
    for (const QChar c : typed) {
        if (c == QLatin1Char('\'') || c == QChar(0x2019) || c.isSpace())
            continue; // xi'an, bao tou: syllable boundaries the key does without
        if (c.unicode() > 0x7f || !c.isLetter())
            return {};
        // ü is typed v; the table writes it u, as Latin-ASCII does.
        key += c == QLatin1Char('v') || c == QLatin1Char('V') ? QLatin1Char('u') : c.toLower();
    }
    return key;
}

std::optional<QStringList> PinyinVocabulary::wordsFor(const QSqlDatabase &db, const QString &key, int limit,
                                                      QString *error)
{
    QSqlQuery q(db);
    q.setForwardOnly(true);
    if (!q.prepare(QStringLiteral("SELECT word FROM pinyin_word WHERE pinyin = :key ORDER BY word LIMIT :limit"))) {
        if (error)
            *error = QStringLiteral("cannot read the pinyin vocabulary: %1").arg(q.lastError().text());
        return std::nullopt;
    }
    q.bindValue(QStringLiteral(":key"), key);
    q.bindValue(QStringLiteral(":limit"), limit);
    if (!q.exec()) {
        if (error)
            *error = QStringLiteral("cannot read the pinyin vocabulary: %1").arg(q.lastError().text());
        return std::nullopt;
    }
    QStringList words;
    while (q.next())
        words << q.value(0).toString();
    return words;
}

PinyinVocabulary::PinyinVocabulary(const QSqlDatabase &db)
    : m_db(db)
    , m_handle(Database::handle(db))
{}

PinyinVocabulary::~PinyinVocabulary()
{
    sqlite3_finalize(m_insert);
}

bool PinyinVocabulary::add(const QList<Entry> &entries, QString *error)
{
    if (!m_insert) {
        if (!m_handle || sqlite3_prepare_v3(m_handle, "INSERT OR IGNORE INTO pinyin_word (pinyin, word) VALUES (?, ?)",
                                            -1, SQLITE_PREPARE_PERSISTENT, &m_insert, nullptr) != SQLITE_OK) {
            if (error)
                *error =
                    QStringLiteral("cannot prepare the pinyin vocabulary: %1")
                        .arg(m_handle ? QString::fromUtf8(sqlite3_errmsg(m_handle)) : QStringLiteral("no connection"));
            return false;
        }
    }
    for (const Entry &e : entries) {
        if (m_added.contains(e.word))
            continue;
        const QByteArray word = e.word.toUtf8();
        for (const QString &key : e.keys) {
            const QByteArray k = key.toLatin1();
            sqlite3_bind_text(m_insert, 1, k.constData(), int(k.size()), SQLITE_STATIC);
            sqlite3_bind_text(m_insert, 2, word.constData(), int(word.size()), SQLITE_STATIC);
            const int rc = sqlite3_step(m_insert);
            sqlite3_reset(m_insert);
            if (rc != SQLITE_DONE) {
                if (error)
                    *error = QStringLiteral("cannot add to the pinyin vocabulary: %1")
                                 .arg(QString::fromUtf8(sqlite3_errmsg(m_handle)));
                return false;
            }
        }
        m_added.insert(e.word);
    }
    return true;
}

bool PinyinVocabulary::addNames(const QStringList &names, QString *error)
{
    QStringList fresh;
    for (const QString &name : names) {
        if (!m_added.contains(SearchTokenizer::fold(name)))
            fresh << name;
    }
    return fresh.isEmpty() || add(entriesFor({}, fresh), error);
}

} // namespace baokan::store
