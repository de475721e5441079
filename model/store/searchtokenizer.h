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

    // Registers `baokan` (Bigram) and `baokan unigram` on one connection. In query mode the
    // tokenizer passes each quoted string through unchanged: MATCH strings are built only from
    // tokens this class produced (see SearchQuery).
    static bool registerWith(sqlite3 *db, QString *error);

    static void tokenize(std::string_view utf8, Mode mode, const Callback &emit);

    // Folded text, character by character (same length in code points as the input).
    static QString fold(const QString &text);

    // Toneless pinyin syllables of the CJK characters in text, separated by spaces.
    static QString pinyin(const QString &text);
    // The toneless pinyin of one character (folded first); empty when it has none.
    static const QString &syllable(char32_t c);

    // Splits an ASCII string into pinyin syllables ("baotou" → bao, tou); empty when it cannot.
    static QStringList splitPinyin(const QString &ascii);
};

} // namespace baokan::store
