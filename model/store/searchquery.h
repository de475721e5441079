// SPDX-License-Identifier: MIT
#pragma once

#include <QList>
#include <QString>
#include <QStringList>

#include <functional>

namespace baokan::store {

// A span of text in Unicode code points, end exclusive.
struct TextRange
{
    int start = 0;
    int end = 0;
    bool operator==(const TextRange &other) const { return start == other.start && end == other.end; }
};

// The user's query language, parsed: space-separated terms must all appear, "…" (or “…”) is a
// phrase, -term excludes, OR between terms offers alternatives, and everything else is literal
// text. Turns a query into FTS5 MATCH strings built only from quoted tokens of SearchTokenizer,
// so no input can produce an FTS5 or SQL syntax error. Latin letters may be pinyin: with a
// lookup into the archive's vocabulary ("baotou" → 包头), the words found are searched as
// Chinese too. A term with punctuation inside ("2024，年度", "3.5") finds only text with that
// punctuation there, whitespace aside: the index has no punctuation, so such a term is searched
// as its parts in a row and the hits are checked against the text (Plan::verify). A plain value;
// use from any thread.
class SearchQuery
{
public:
    // Which FTS5 table a MATCH string is for: `article_fts` (pairs of characters, words, pinyin)
    // or `article_uni` (single characters, no positions), which answers one-character queries.
    enum class Table { None, Main, Unigram };

    struct Condition
    {
        Table table = Table::None;
        QString match;
        bool exclude = false;
    };

    // How to run the query: MATCH `match` on `driver`, then keep the rows that satisfy every
    // condition (rowid IN / NOT IN the other table's matches) and whose text contains every
    // verify string (SearchTokenizer::squeeze form; see baokan_contains). driver None: nothing
    // can match.
    struct Plan
    {
        Table driver = Table::None;
        QString match;
        QList<Condition> conditions;
        QList<QByteArray> verify;
    };

    // The Chinese words whose pinyin is key (PinyinVocabulary::keyOf form).
    using PinyinLookup = std::function<QStringList(const QString &key)>;

    // Without a lookup, Latin letters are searched as themselves only, and matchRanges() marks
    // the characters that read as they do; with one, it marks the words found.
    static SearchQuery parse(const QString &text, const PinyinLookup &lookup = {});

    bool isEmpty() const { return m_required.isEmpty(); }
    Plan plan() const;

    // Where the query's terms occur in text (any field of an article), merged and sorted; a term
    // typed in pinyin marks the characters that read that way.
    QList<TextRange> matchRanges(const QString &text) const;

    // The one escaping helper for FTS5: a token as an FTS5 string literal.
    static QString quote(const QByteArray &token);

private:
    struct QueryToken
    {
        QByteArray text;
        bool prefix = false;
        bool cjk = false;
    };
    struct Unit
    {
        QList<QueryToken> tokens;
        QByteArray verify; // squeezed text the match must be, for a term with punctuation inside
        bool isSingleCharacter() const { return tokens.size() == 1 && tokens.first().prefix; }
    };
    struct Alternative
    {
        QList<Unit> all; // every unit must match
        QString pinyin;  // or, for matchRanges without a lookup: characters that read this key
    };
    struct Clause
    {
        QList<Alternative> any;
        bool isUnigram() const;
    };

    static Unit unitFor(const QString &text);
    static void addPinyin(Clause &clause, const QString &key, const PinyinLookup &lookup);
    static QString mainExpression(const Unit &unit);
    static QString mainExpression(const Clause &clause);
    static QString unigramExpression(const Clause &clause);

    QList<Clause> m_required;
    QList<Unit> m_excluded;
};

} // namespace baokan::store
