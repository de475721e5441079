// SPDX-License-Identifier: MIT
#pragma once

#include <QList>
#include <QString>
#include <QStringList>

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
// so no input can produce an FTS5 or SQL syntax error. A plain value; use from any thread.
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
    // condition (rowid IN / NOT IN the other table's matches). driver None: nothing can match.
    struct Plan
    {
        Table driver = Table::None;
        QString match;
        QList<Condition> conditions;
    };

    static SearchQuery parse(const QString &text);

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
        bool isSingleCharacter() const { return tokens.size() == 1 && tokens.first().prefix; }
    };
    struct Alternative
    {
        QList<Unit> all;    // every unit must match
        QStringList pinyin; // or: these syllables in a row in the pinyin column
    };
    struct Clause
    {
        QList<Alternative> any;
        bool isUnigram() const;
    };

    static Unit unitFor(const QString &text);
    static QString mainExpression(const Unit &unit);
    static QString mainExpression(const Clause &clause);
    static QString unigramExpression(const Clause &clause);

    QList<Clause> m_required;
    QList<Unit> m_excluded;
};

} // namespace baokan::store
