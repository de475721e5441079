// SPDX-License-Identifier: MIT
#include "store/searchtokenizer.h"

#include <QFile>

#include "store/fts5api.h"

#include <sqlite3.h>
#include <unicode/normalizer2.h>
#include <unicode/translit.h>
#include <unicode/uchar.h>
#include <unicode/uscript.h>

#include <algorithm>
#include <cstring>
#include <string>
#include <vector>

namespace baokan::store {

namespace {

enum CharClass : quint8 { Other, Space, Word, Cjk };

struct CharInfo
{
    char32_t folded;
    CharClass cls;
};

// Words longer than this are cut at index and query time alike; nothing real is that long, and
// a hostile 10,000-letter "word" must not become a 10 kB term.
constexpr size_t MaxWordBytes = 128;

CharClass classify(char32_t c)
{
    const UChar32 u = UChar32(c);
    if (u_hasBinaryProperty(u, UCHAR_IDEOGRAPHIC))
        return Cjk;
    UErrorCode status = U_ZERO_ERROR;
    const UScriptCode script = uscript_getScript(u, &status);
    if (script == USCRIPT_HIRAGANA || script == USCRIPT_KATAKANA || script == USCRIPT_HANGUL)
        return Cjk;
    if (u_isUWhiteSpace(u))
        return Space;
    const int8_t type = u_charType(u);
    if (u_isalnum(u) || type == U_NON_SPACING_MARK || type == U_COMBINING_SPACING_MARK)
        return Word;
    return Other;
}

// Transliterates newline-separated items a few hundred at a time: ICU edits the string in place,
// so one call over tens of thousands of items spends its time moving the rest of the buffer.
void transliterateLines(icu::Transliterator &transliterator, icu::UnicodeString &text)
{
    constexpr int LinesPerChunk = 256;
    icu::UnicodeString out;
    int start = 0;
    while (start < text.length()) {
        int end = start;
        for (int lines = 0; lines < LinesPerChunk && end < text.length(); ++lines) {
            const int nl = text.indexOf(u'\n', end);
            end = nl < 0 ? text.length() : nl + 1;
        }
        icu::UnicodeString chunk(text, start, end - start);
        transliterator.transliterate(chunk);
        out.append(chunk);
        start = end;
    }
    text = out;
}

// Per-character folding for the whole BMP, computed once: ICU's normalizer is thread-safe but
// its transliterators are neither fast nor thread-safe, so Hant-Hans runs once over all
// ideographs here and the tokenizer only looks results up.
class FoldTable
{
public:
    static const FoldTable &instance()
    {
        static const FoldTable table;
        return table;
    }

    CharInfo info(char32_t c) const
    {
        if (c < m_bmp.size())
            return m_bmp[c];
        return {c, classify(c)};
    }

private:
    FoldTable()
    {
        m_bmp.resize(0x10000);
        UErrorCode status = U_ZERO_ERROR;
        const icu::Normalizer2 *nfkc = icu::Normalizer2::getNFKCCasefoldInstance(status);
        for (char32_t c = 0; c < 0x10000; ++c) {
            char32_t folded = c;
            if (U_SUCCESS(status) && (c < 0xD800 || c > 0xDFFF)) {
                UErrorCode s = U_ZERO_ERROR;
                const icu::UnicodeString out = nfkc->normalize(icu::UnicodeString(UChar32(c)), s);
                // Expansions (㈠ → (一)) would change text length; such characters stay as they are.
                if (U_SUCCESS(s) && out.countChar32() == 1)
                    folded = char32_t(out.char32At(0));
            }
            m_bmp[c] = {folded, classify(folded)};
        }
        foldTraditional();
    }

    void foldTraditional()
    {
        UErrorCode status = U_ZERO_ERROR;
        std::unique_ptr<icu::Transliterator> hantHans(
            icu::Transliterator::createInstance(u"Hant-Hans", UTRANS_FORWARD, status));
        if (U_FAILURE(status) || !hantHans)
            return;
        std::vector<char32_t> chars;
        icu::UnicodeString all;
        for (char32_t c = 0; c < 0x10000; ++c) {
            if (m_bmp[c].cls == Cjk && u_hasBinaryProperty(UChar32(m_bmp[c].folded), UCHAR_IDEOGRAPHIC)) {
                chars.push_back(c);
                all.append(UChar32(m_bmp[c].folded)).append(u'\n');
            }
        }
        transliterateLines(*hantHans, all);
        std::vector<char32_t> results;
        results.reserve(chars.size());
        int start = 0;
        while (start < all.length()) {
            const int nl = all.indexOf(u'\n', start);
            if (nl < 0)
                break;
            const icu::UnicodeString piece = all.tempSubStringBetween(start, nl);
            results.push_back(piece.countChar32() == 1 ? char32_t(piece.char32At(0)) : 0);
            start = nl + 1;
        }
        if (results.size() != chars.size())
            return; // a rule joined pieces: keep the unfolded table rather than a misaligned one
        for (size_t i = 0; i < chars.size(); ++i) {
            if (results[i] && classify(results[i]) == Cjk)
                m_bmp[chars[i]].folded = results[i];
        }
    }

    std::vector<CharInfo> m_bmp;
};

// Toneless pinyin readings per ideograph (CJK Ext A and the Unified block), most common first,
// computed once.
class PinyinTable
{
public:
    static constexpr char32_t First = 0x3400;
    static constexpr char32_t Last = 0x9FFF;

    static const PinyinTable &instance()
    {
        static const PinyinTable table;
        return table;
    }

    const QStringList &readings(char32_t c) const
    {
        static const QStringList none;
        return c >= First && c <= Last ? m_readings[c - First] : none;
    }

private:
    // The table is computed with ICU and Unihan at build time: compiling the Han-Latin rules here
    // would cost every process that searches in pinyin most of a second.
    PinyinTable()
    {
        m_readings.resize(int(Last - First + 1));
        QFile file(QStringLiteral(":/pinyin/pinyin.txt"));
        if (!file.open(QIODevice::ReadOnly)) {
            qWarning("baokan: the pinyin table is missing; pinyin search finds nothing");
            return;
        }
        const QList<QByteArray> lines = file.readAll().split('\n');
        for (int i = 0; i < m_readings.size() && i < lines.size(); ++i) {
            if (lines[i].isEmpty())
                continue;
            for (const QByteArray &r : lines[i].split(' '))
                m_readings[i] << QString::fromLatin1(r);
        }
    }

    QList<QStringList> m_readings;
};

char32_t decodeUtf8(std::string_view in, size_t &i)
{
    const auto b0 = quint8(in[i]);
    auto cont = [&](size_t k) { return i + k < in.size() && (quint8(in[i + k]) & 0xC0) == 0x80; };
    if (b0 < 0x80) {
        i += 1;
        return b0;
    }
    if ((b0 & 0xE0) == 0xC0 && cont(1)) {
        const char32_t c = ((b0 & 0x1F) << 6) | (quint8(in[i + 1]) & 0x3F);
        i += 2;
        return c >= 0x80 ? c : 0xFFFD;
    }
    if ((b0 & 0xF0) == 0xE0 && cont(1) && cont(2)) {
        const char32_t c = ((b0 & 0x0F) << 12) | ((quint8(in[i + 1]) & 0x3F) << 6) | (quint8(in[i + 2]) & 0x3F);
        i += 3;
        return c >= 0x800 ? c : 0xFFFD;
    }
    if ((b0 & 0xF8) == 0xF0 && cont(1) && cont(2) && cont(3)) {
        const char32_t c = ((b0 & 0x07) << 18) | ((quint8(in[i + 1]) & 0x3F) << 12) |
                           ((quint8(in[i + 2]) & 0x3F) << 6) | (quint8(in[i + 3]) & 0x3F);
        i += 4;
        return c >= 0x10000 && c <= 0x10FFFF ? c : 0xFFFD;
    }
    i += 1;
    return 0xFFFD;
}

void appendUtf8(std::string &out, char32_t c)
{
    if (c < 0x80) {
        out += char(c);
    } else if (c < 0x800) {
        out += char(0xC0 | (c >> 6));
        out += char(0x80 | (c & 0x3F));
    } else if (c < 0x10000) {
        out += char(0xE0 | (c >> 12));
        out += char(0x80 | ((c >> 6) & 0x3F));
        out += char(0x80 | (c & 0x3F));
    } else {
        out += char(0xF0 | (c >> 18));
        out += char(0x80 | ((c >> 12) & 0x3F));
        out += char(0x80 | ((c >> 6) & 0x3F));
        out += char(0x80 | (c & 0x3F));
    }
}

using Token = SearchTokenizer::Token;
using Mode = SearchTokenizer::Mode;

// The one tokenization, shared by the FTS5 callback and C++ callers.
template<typename Emit>
void scan(std::string_view in, Mode mode, Emit &&emit)
{
    const FoldTable &table = FoldTable::instance();
    int position = 0;
    std::string buffer;

    std::string word;
    bool inWord = false;
    int wordStart = 0, wordEnd = 0, wordByteStart = 0, wordByteEnd = 0;

    struct Char
    {
        char32_t folded;
        int start, end, byteStart, byteEnd;
    };
    bool pending = false;
    Char last{};
    int runLength = 0;

    auto emitToken = [&](std::string_view text, int start, int end, int firstEnd, int byteStart, int byteEnd, bool cjk,
                         bool tail, bool atEnd) {
        emit(Token{text, position++, start, end, firstEnd, byteStart, byteEnd, cjk, tail, atEnd, runLength});
    };
    auto flushWord = [&] {
        if (!inWord)
            return;
        emitToken(word, wordStart, wordEnd, wordEnd, wordByteStart, wordByteEnd, false, false, false);
        word.clear();
        inWord = false;
    };
    // A run's last character is in the pair before it. It needs a token of its own only when a
    // query can start or end with it alone next to a word: in a run of one character ("2024年。"
    // for the query 2024年) or right before a word ("今年3月" for 年3月). Tails of runs ended by
    // punctuation were a tenth of the index and answered no query.
    auto flushTail = [&](bool atEnd, bool beforeWord) {
        if (!pending)
            return;
        if (runLength == 1 || beforeWord) {
            buffer.clear();
            appendUtf8(buffer, last.folded);
            emitToken(buffer, last.start, last.end, last.end, last.byteStart, last.byteEnd, true, true, atEnd);
        }
        pending = false;
        runLength = 0;
    };

    size_t i = 0;
    int cp = 0;
    while (i < in.size()) {
        const int byteStart = int(i);
        const CharInfo ci = table.info(decodeUtf8(in, i));
        const Char ch{ci.folded, cp, cp + 1, byteStart, int(i)};
        ++cp;
        switch (ci.cls) {
        case Word:
            if (mode == Mode::Unigram)
                break;
            flushTail(false, true);
            if (!inWord) {
                inWord = true;
                wordStart = ch.start;
                wordByteStart = ch.byteStart;
            }
            wordEnd = ch.end;
            wordByteEnd = ch.byteEnd;
            if (word.size() < MaxWordBytes)
                appendUtf8(word, ch.folded);
            break;
        case Cjk:
            flushWord();
            if (mode == Mode::Unigram) {
                buffer.clear();
                appendUtf8(buffer, ch.folded);
                emitToken(buffer, ch.start, ch.end, ch.end, ch.byteStart, ch.byteEnd, true, false, false);
                break;
            }
            if (pending) {
                buffer.clear();
                appendUtf8(buffer, last.folded);
                appendUtf8(buffer, ch.folded);
                emitToken(buffer, last.start, ch.end, last.end, last.byteStart, ch.byteEnd, true, false, false);
            }
            pending = true;
            last = ch;
            ++runLength;
            break;
        case Space:
            // Ends a word but not a CJK run: "昆都 仑区" is one run.
            flushWord();
            break;
        case Other:
            flushWord();
            flushTail(false, false);
            break;
        }
    }
    flushWord();
    flushTail(true, false);
}

struct TokenizerInstance
{
    Mode mode;
};

int createTokenizer(void *, const char **args, int argCount, Fts5Tokenizer **out)
{
    Mode mode = Mode::Bigram;
    for (int i = 0; i < argCount; ++i) {
        if (std::strcmp(args[i], "unigram") == 0)
            mode = Mode::Unigram;
        else
            return SQLITE_ERROR;
    }
    *out = reinterpret_cast<Fts5Tokenizer *>(new TokenizerInstance{mode});
    return SQLITE_OK;
}

void deleteTokenizer(Fts5Tokenizer *tokenizer)
{
    delete reinterpret_cast<TokenizerInstance *>(tokenizer);
}

int tokenizeForFts(Fts5Tokenizer *tokenizer, void *context, int flags, const char *text, int length,
                   int (*xToken)(void *, int, const char *, int, int, int))
{
    if (flags & FTS5_TOKENIZE_QUERY) {
        // MATCH strings hold only quoted tokens SearchQuery made with this very tokenizer.
        return length > 0 ? xToken(context, 0, text, length, 0, length) : SQLITE_OK;
    }
    const Mode mode = reinterpret_cast<TokenizerInstance *>(tokenizer)->mode;
    int rc = SQLITE_OK;
    scan(std::string_view(text, size_t(std::max(length, 0))), mode, [&](const Token &t) {
        if (rc == SQLITE_OK)
            rc = xToken(context, 0, t.text.data(), int(t.text.size()), t.byteStart, t.byteEnd);
    });
    return rc;
}

std::string squeezeText(std::string_view in)
{
    const FoldTable &table = FoldTable::instance();
    std::string out;
    out.reserve(in.size());
    size_t i = 0;
    while (i < in.size()) {
        const CharInfo ci = table.info(decodeUtf8(in, i));
        if (ci.cls != Space)
            appendUtf8(out, ci.folded);
    }
    return out;
}

void containsFunction(sqlite3_context *context, int, sqlite3_value **values)
{
    const auto *text = reinterpret_cast<const char *>(sqlite3_value_text(values[0]));
    const auto *needle = reinterpret_cast<const char *>(sqlite3_value_text(values[1]));
    if (!text || !needle) {
        sqlite3_result_int(context, 0);
        return;
    }
    const std::string squeezed = squeezeText(std::string_view(text, size_t(sqlite3_value_bytes(values[0]))));
    const std::string_view want(needle, size_t(sqlite3_value_bytes(values[1])));
    sqlite3_result_int(context, squeezed.find(want) != std::string::npos ? 1 : 0);
}

} // namespace

bool SearchTokenizer::registerWith(sqlite3 *db, QString *error)
{
    fts5_api *api = fts5Api(db);
    if (!api || api->iVersion < 2) {
        if (error)
            *error = QStringLiteral("this SQLite has no FTS5");
        return false;
    }
    static fts5_tokenizer tokenizer{createTokenizer, deleteTokenizer, tokenizeForFts};
    if (api->xCreateTokenizer(api, "baokan", nullptr, &tokenizer, nullptr) != SQLITE_OK) {
        if (error)
            *error =
                QStringLiteral("cannot register the search tokenizer: %1").arg(QString::fromUtf8(sqlite3_errmsg(db)));
        return false;
    }
    if (sqlite3_create_function_v2(db, "baokan_contains", 2, SQLITE_UTF8 | SQLITE_DETERMINISTIC, nullptr,
                                   containsFunction, nullptr, nullptr, nullptr) != SQLITE_OK) {
        if (error)
            *error = QStringLiteral("cannot register baokan_contains: %1").arg(QString::fromUtf8(sqlite3_errmsg(db)));
        return false;
    }
    return true;
}

std::string SearchTokenizer::squeeze(std::string_view utf8)
{
    return squeezeText(utf8);
}

void SearchTokenizer::tokenize(std::string_view utf8, Mode mode, const Callback &emit)
{
    scan(utf8, mode, emit);
}

QString SearchTokenizer::fold(const QString &text)
{
    const FoldTable &table = FoldTable::instance();
    QString out;
    out.reserve(text.size());
    for (const char32_t c : text.toUcs4()) {
        const char32_t f = table.info(c).folded;
        if (f < 0x10000) {
            out.append(QChar(char16_t(f)));
        } else {
            const char32_t both[] = {f};
            out.append(QString::fromUcs4(both, 1));
        }
    }
    return out;
}

QString SearchTokenizer::pinyin(const QString &text)
{
    const FoldTable &folds = FoldTable::instance();
    const PinyinTable &table = PinyinTable::instance();
    QString out;
    for (const char32_t c : text.toUcs4()) {
        const QStringList &r = table.readings(folds.info(c).folded);
        if (r.isEmpty())
            continue;
        if (!out.isEmpty())
            out.append(QLatin1Char(' '));
        out.append(r.first());
    }
    return out;
}

const QStringList &SearchTokenizer::readings(char32_t c)
{
    return PinyinTable::instance().readings(FoldTable::instance().info(c).folded);
}

QStringList SearchTokenizer::pinyinKeys(const QString &word, int maxKeys)
{
    const FoldTable &folds = FoldTable::instance();
    const PinyinTable &table = PinyinTable::instance();
    QStringList keys{QString()};
    for (const char32_t c : word.toUcs4()) {
        const QStringList &r = table.readings(folds.info(c).folded);
        if (r.isEmpty()) {
            // The dot in 阿卜杜·热合曼 is not typed; a letter or digit would be, as itself.
            if (QChar::isLetterOrNumber(c))
                return {};
            continue;
        }
        QStringList next;
        // The most common readings first, so the bound drops only the rarest combinations.
        // keys never outnumber maxKeys, so every key gets the most common reading.
        for (int i = 0; i < r.size(); ++i) {
            for (const QString &k : std::as_const(keys)) {
                if (next.size() >= std::max(1, maxKeys))
                    break;
                next << k + r[i];
            }
        }
        keys = next;
    }
    return keys.first().isEmpty() ? QStringList() : keys;
}

} // namespace baokan::store
