// SPDX-License-Identifier: MIT
#pragma once

#include <QString>
#include <QStringList>

#include <functional>
#include <string_view>

struct sqlite3;

namespace baokan::store {

// The FTS5 tokenizer `baokan` and the same tokenization for C++ callers (query building, match
// ranges), so index and query fold and split text identically. Every character is folded
// (NFKC case fold: full-width → half-width, upper → lower; traditional → simplified); Latin,
// digits and other alphabets form words; in Bigram mode each CJK character but a run's last yields
// the pair it starts, and a run's last character yields itself (a "tail") when the run has one
// character or a word follows it; in Unigram mode each CJK character yields itself. Whitespace between
// two CJK characters is ignored, as extracted pages put spurious spaces there. All functions are
// thread-safe; the folding and pinyin tables are built once per process.
class SearchTokenizer
{
public:
    enum class Mode { Bigram, Unigram };

    struct Token
    {
        std::string_view text; // folded UTF-8, valid only during the callback
        int position;          // FTS5 token position
        int start;             // code points into the input, end exclusive
        int end;
        int firstEnd; // end of the token's first character
        int byteStart;
        int byteEnd;
        bool cjk;
        bool tail;     // a CJK run's last character alone
        bool atEnd;    // a tail with nothing but whitespace after it in the input
        int runLength; // characters in the CJK run (tails only)
    };
    using Callback = std::function<void(const Token &)>;

    // Registers `baokan` (Bigram), `baokan unigram` and baokan_contains() on one connection. In query mode the
    // tokenizer passes each quoted string through unchanged: MATCH strings are built only from
    // tokens this class produced (see SearchQuery).
    static bool registerWith(sqlite3 *db, QString *error);

    static void tokenize(std::string_view utf8, Mode mode, const Callback &emit);

    // The text folded as the index folds it, with its whitespace taken out (UTF-8): what a term
    // with punctuation inside ("2024，年度") must find in an article, see SearchQuery. The SQL
    // function baokan_contains(text, needle), registered with the tokenizer, is true when the
    // squeezed text contains needle (squeezed already).
    static std::string squeeze(std::string_view utf8);

    // Folded text, character by character (same length in code points as the input).
    static QString fold(const QString &text);

    // Toneless pinyin syllables of the CJK characters in text (each one's most common reading),
    // separated by spaces.
    static QString pinyin(const QString &text);
    // The toneless pinyin readings of one character (folded first), most common first; empty when
    // it has none. A polyphonic character has several (长: zhang, chang).
    static const QStringList &readings(char32_t c);
    // The word's pinyin as a user types it, syllables run together ("baotou"), once for each
    // combination of its characters' readings, most common first, at most maxKeys (the first,
    // every character's most common reading, always). Punctuation inside (the dot in a
    // transliterated name) is left out; empty when a letter or digit has no reading.
    static QStringList pinyinKeys(const QString &word, int maxKeys);
};

} // namespace baokan::store
