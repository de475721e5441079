// SPDX-License-Identifier: MIT
#include "store/searchquery.h"

#include "store/pinyinvocabulary.h"
#include "store/searchtokenizer.h"

#include <algorithm>
#include <string>
#include <vector>

namespace baokan::store {

namespace {

struct Item
{
    QString text;
    bool phrase = false;
    bool negated = false;
    bool isOr = false;
};

QChar closingQuote(QChar open)
{
    if (open == QLatin1Char('"'))
        return QLatin1Char('"');
    if (open == QChar(0x201C)) // “ … ”
        return QChar(0x201D);
    return {};
}

QList<Item> lex(const QString &s)
{
    QList<Item> items;
    const int n = int(s.size());
    int i = 0;
    while (i < n) {
        if (s[i].isSpace()) {
            ++i;
            continue;
        }
        Item item;
        if (s[i] == QLatin1Char('-') && i + 1 < n && !s[i + 1].isSpace()) {
            item.negated = true;
            ++i;
        }
        const QChar close = closingQuote(s[i]);
        if (!close.isNull()) {
            const int end = int(s.indexOf(close, i + 1));
            if (end >= 0) {
                item.text = s.mid(i + 1, end - i - 1);
                item.phrase = true;
                i = end + 1;
                items << item;
                continue;
            }
            ++i; // an unbalanced quote is just a character, and punctuation at that
        }
        const int start = i;
        while (i < n && !s[i].isSpace())
            ++i;
        item.text = s.mid(start, i - start);
        item.isOr = !item.negated && item.text == QLatin1String("OR");
        items << item;
    }
    return items;
}

// A key longer than this is no word of the vocabulary (names have at most 16 characters).
constexpr int MaxPinyinKey = 100;
// A pinyin query searches at most this many of the words that read that way.
constexpr int MaxPinyinWords = 64;

// The vocabulary key of a bare term typed in Latin letters ("baotou", "xi'an"), or empty.
QString pinyinKey(const QString &text)
{
    const QString key = PinyinVocabulary::keyOf(text);
    return key.size() >= PinyinVocabulary::MinWordLength && key.size() <= MaxPinyinKey ? key : QString();
}

// Whether a code point separates words the way punctuation does (not a letter, digit, mark or
// whitespace): a term with one inside wants that punctuation in the text.
bool isPunctuation(char32_t c)
{
    return !QChar::isLetterOrNumber(c) && !QChar::isMark(c) && !QChar::isSpace(c);
}

// The squeezed form of a term with punctuation between its words, or empty: punctuation at
// either end of a term means nothing more than a space there.
QByteArray verifyText(const QString &text)
{
    QList<uint> chars = text.toUcs4();
    while (!chars.isEmpty() && (isPunctuation(chars.first()) || QChar::isSpace(chars.first())))
        chars.removeFirst();
    while (!chars.isEmpty() && (isPunctuation(chars.last()) || QChar::isSpace(chars.last())))
        chars.removeLast();
    if (std::none_of(chars.cbegin(), chars.cend(), [](uint c) { return isPunctuation(c); }))
        return {};
    const QByteArray utf8 =
        QString::fromUcs4(reinterpret_cast<const char32_t *>(chars.constData()), chars.size()).toUtf8();
    const std::string squeezed = SearchTokenizer::squeeze(std::string_view(utf8.constData(), size_t(utf8.size())));
    return QByteArray(squeezed.data(), qsizetype(squeezed.size()));
}

struct PlainToken
{
    std::string text;
    int start;
    int end;
    int firstEnd;
    int byteStart;
    int byteEnd;
    bool cjk;
};

} // namespace

QString SearchQuery::quote(const QByteArray &token)
{
    QString text = QString::fromUtf8(token);
    text.replace(QLatin1Char('"'), QLatin1String("\"\""));
    return QLatin1Char('"') + text + QLatin1Char('"');
}

SearchQuery::Unit SearchQuery::unitFor(const QString &text)
{
    Unit unit;
    const QByteArray utf8 = text.toUtf8();
    SearchTokenizer::tokenize(std::string_view(utf8.constData(), size_t(utf8.size())), SearchTokenizer::Mode::Bigram,
                              [&](const SearchTokenizer::Token &t) {
                                  const QByteArray bytes(t.text.data(), qsizetype(t.text.size()));
                                  if (t.tail && t.atEnd) {
                                      // The pair before it already covers the run's last character;
                                      // a one-character run must match whatever follows it.
                                      if (t.runLength == 1)
                                          unit.tokens << QueryToken{bytes, true, true};
                                      return;
                                  }
                                  unit.tokens << QueryToken{bytes, false, t.cjk};
                              });
    // One token has nothing between parts to check ("包头。" or "，包头").
    if (unit.tokens.size() > 1)
        unit.verify = verifyText(text);
    return unit;
}

bool SearchQuery::Clause::isUnigram() const
{
    return std::all_of(any.cbegin(), any.cend(), [](const Alternative &a) {
        return a.all.isEmpty() || (a.all.size() == 1 && a.all.first().isSingleCharacter());
    });
}

SearchQuery SearchQuery::parse(const QString &text, const PinyinLookup &lookup)
{
    SearchQuery query;
    QList<Item> items = lex(text);

    // OR joins two terms; anywhere else it is the word "or".
    for (int i = 0; i < items.size(); ++i) {
        if (!items[i].isOr)
            continue;
        const bool valid = i > 0 && i + 1 < items.size() && !items[i - 1].isOr && !items[i - 1].negated &&
                           !items[i + 1].isOr && !items[i + 1].negated;
        if (!valid)
            items[i].isOr = false;
    }

    struct Member
    {
        Unit unit;
        Item item;
    };
    QList<QList<Member>> groups;
    bool joinNext = false;
    for (const Item &item : items) {
        if (item.isOr) {
            joinNext = true;
            continue;
        }
        Unit unit = unitFor(item.text);
        if (unit.tokens.isEmpty()) {
            joinNext = false;
            continue; // only punctuation: nothing to look for
        }
        if (item.negated) {
            query.m_excluded << unit;
            continue;
        }
        if (joinNext && !groups.isEmpty())
            groups.last() << Member{unit, item};
        else
            groups << QList<Member>{Member{unit, item}};
        joinNext = false;
    }

    // Consecutive bare Latin terms may be pinyin ("bao tou", "nei menggu"), and one word then.
    const auto bare = [&](int i) {
        return groups[i].size() == 1 && !groups[i].first().item.phrase &&
               !pinyinKey(groups[i].first().item.text).isEmpty();
    };
    for (int i = 0; i < groups.size();) {
        if (bare(i)) {
            int j = i;
            QString key;
            Alternative literal;
            while (j < groups.size() && bare(j)) {
                key += pinyinKey(groups[j].first().item.text);
                literal.all << groups[j].first().unit;
                ++j;
            }
            Clause clause;
            clause.any << literal;
            const QStringList words = lookup && j - i > 1 && key.size() <= MaxPinyinKey ? lookup(key) : QStringList();
            if (lookup && j - i > 1 && words.isEmpty()) {
                // Not one word: each term on its own ("baotou zizhiqu").
                for (int k = i; k < j; ++k) {
                    Clause own;
                    own.any << Alternative{{groups[k].first().unit}, {}};
                    addPinyin(own, pinyinKey(groups[k].first().item.text), lookup);
                    query.m_required << own;
                }
            } else {
                addPinyin(clause, key.size() <= MaxPinyinKey ? key : QString(), lookup);
                query.m_required << clause;
            }
            i = j;
            continue;
        }
        Clause clause;
        for (const Member &m : groups[i]) {
            clause.any << Alternative{{m.unit}, {}};
            if (!m.item.phrase)
                addPinyin(clause, pinyinKey(m.item.text), lookup);
        }
        query.m_required << clause;
        ++i;
    }
    return query;
}

void SearchQuery::addPinyin(Clause &clause, const QString &key, const PinyinLookup &lookup)
{
    if (key.isEmpty())
        return;
    if (!lookup) {
        // No vocabulary (the reader marking a body): the characters that read as typed.
        clause.any << Alternative{{}, key};
        return;
    }
    // With one, the words searched are what the snippets mark; reading every hit's body for
    // other characters that read the same would double the cost of a page.
    const QStringList words = lookup(key);
    for (qsizetype i = 0; i < words.size() && i < MaxPinyinWords; ++i) {
        Unit unit = unitFor(words[i]);
        if (!unit.tokens.isEmpty())
            clause.any << Alternative{{unit}, {}};
    }
}

QString SearchQuery::mainExpression(const Unit &unit)
{
    QStringList parts;
    for (const QueryToken &t : unit.tokens)
        parts << quote(t.text);
    QString out = parts.join(QLatin1String(" + "));
    if (!unit.tokens.isEmpty() && unit.tokens.last().prefix)
        out += QLatin1String(" *");
    return out;
}

QString SearchQuery::mainExpression(const Clause &clause)
{
    QStringList alternatives;
    for (const Alternative &a : clause.any) {
        if (a.all.isEmpty())
            continue; // a pinyin key: its words are alternatives of their own
        QStringList units;
        for (const Unit &u : a.all)
            units << QLatin1Char('(') + mainExpression(u) + QLatin1Char(')');
        alternatives << QLatin1Char('(') + units.join(QLatin1String(" AND ")) + QLatin1Char(')');
    }
    return QLatin1Char('(') + alternatives.join(QLatin1String(" OR ")) + QLatin1Char(')');
}

QString SearchQuery::unigramExpression(const Clause &clause)
{
    QStringList alternatives;
    for (const Alternative &a : clause.any) {
        if (!a.all.isEmpty())
            alternatives << quote(a.all.first().tokens.first().text);
    }
    return QLatin1Char('(') + alternatives.join(QLatin1String(" OR ")) + QLatin1Char(')');
}

SearchQuery::Plan SearchQuery::plan() const
{
    QStringList main, unigram, mainExcluded, unigramExcluded;
    QList<QByteArray> verify;
    for (const Clause &c : m_required) {
        if (c.isUnigram())
            unigram << unigramExpression(c);
        else
            main << mainExpression(c);
        // Only a term every hit must have can be checked on every hit; in an OR it only widens.
        const auto real =
            std::count_if(c.any.cbegin(), c.any.cend(), [](const Alternative &a) { return !a.all.isEmpty(); });
        if (real == 1) {
            for (const Alternative &a : c.any) {
                for (const Unit &u : a.all) {
                    if (!u.verify.isEmpty())
                        verify << u.verify;
                }
            }
        }
    }
    for (const Unit &u : m_excluded) {
        if (u.isSingleCharacter())
            unigramExcluded << quote(u.tokens.first().text);
        else
            mainExcluded << QLatin1Char('(') + mainExpression(u) + QLatin1Char(')');
    }
    const QString And = QStringLiteral(" AND ");
    const QString Or = QStringLiteral(" OR ");
    auto without = [](const QString &match, const QStringList &excluded) -> QString {
        if (excluded.isEmpty())
            return match;
        return QLatin1Char('(') + match + QLatin1String(") NOT (") + excluded.join(QLatin1String(" OR ")) +
               QLatin1Char(')');
    };
    Plan plan;
    plan.verify = verify;
    if (!main.isEmpty()) {
        plan.driver = Table::Main;
        plan.match = without(main.join(And), mainExcluded);
        if (!unigram.isEmpty())
            plan.conditions << Condition{Table::Unigram, unigram.join(And), false};
        if (!unigramExcluded.isEmpty())
            plan.conditions << Condition{Table::Unigram, unigramExcluded.join(Or), true};
    } else if (!unigram.isEmpty()) {
        plan.driver = Table::Unigram;
        plan.match = without(unigram.join(And), unigramExcluded);
        if (!mainExcluded.isEmpty())
            plan.conditions << Condition{Table::Main, mainExcluded.join(Or), true};
    }
    return plan;
}

QList<TextRange> SearchQuery::matchRanges(const QString &text) const
{
    std::vector<PlainToken> tokens;
    const QByteArray utf8 = text.toUtf8();
    SearchTokenizer::tokenize(
        std::string_view(utf8.constData(), size_t(utf8.size())), SearchTokenizer::Mode::Bigram,
        [&](const SearchTokenizer::Token &t) {
            tokens.push_back({std::string(t.text), t.start, t.end, t.firstEnd, t.byteStart, t.byteEnd, t.cjk});
        });
    QList<TextRange> ranges;
    auto find = [&](const Unit &unit) {
        const size_t k = size_t(unit.tokens.size());
        for (size_t p = 0; p + k <= tokens.size(); ++p) {
            bool ok = true;
            for (size_t j = 0; j < k && ok; ++j) {
                const QueryToken &q = unit.tokens[qsizetype(j)];
                const std::string &t = tokens[p + j].text;
                const std::string_view want(q.text.constData(), size_t(q.text.size()));
                ok = q.prefix ? tokens[p + j].cjk && std::string_view(t).substr(0, want.size()) == want : t == want;
            }
            if (ok && !unit.verify.isEmpty()) {
                // The punctuation typed inside the term must be there, not just the parts.
                const std::string squeezed = SearchTokenizer::squeeze(std::string_view(
                    utf8.constData() + tokens[p].byteStart, size_t(tokens[p + k - 1].byteEnd - tokens[p].byteStart)));
                ok = std::string_view(squeezed).substr(0, size_t(unit.verify.size())) ==
                     std::string_view(unit.verify.constData(), size_t(unit.verify.size()));
            }
            if (ok) {
                const PlainToken &lastToken = tokens[p + k - 1];
                ranges << TextRange{tokens[p].start, unit.tokens.last().prefix ? lastToken.firstEnd : lastToken.end};
            }
        }
    };
    // Pinyin keys mark the characters of two or more that read that way in a row, any of
    // their readings ("baotou" marks 包头, "changchun" 长春). One pointer per character into the
    // pinyin table: snippets of a page of hits look at tens of thousands of characters, so no
    // string is built per character.
    std::vector<const QStringList *> readings;
    auto findPinyin = [&](const QString &key) {
        if (readings.empty()) {
            const QList<uint> chars = text.toUcs4();
            readings.reserve(size_t(chars.size()));
            for (const uint c : chars)
                readings.push_back(&SearchTokenizer::readings(char32_t(c)));
        }
        const int n = int(readings.size());
        // The longest end of a reading of [start, p) that spells key from offset on, or -1.
        auto spell = [&](auto &self, int p, int offset) -> int {
            if (offset == key.size())
                return p;
            if (p >= n)
                return -1;
            int best = -1;
            for (const QString &r : *readings[size_t(p)]) {
                if (QStringView(key).mid(offset, r.size()) == r)
                    best = std::max(best, self(self, p + 1, offset + int(r.size())));
            }
            return best;
        };
        for (int p = 0; p < n; ++p) {
            if (readings[size_t(p)]->isEmpty())
                continue;
            const int end = spell(spell, p, 0);
            if (end - p >= PinyinVocabulary::MinWordLength)
                ranges << TextRange{p, end};
        }
    };
    for (const Clause &c : m_required) {
        for (const Alternative &a : c.any) {
            for (const Unit &u : a.all)
                find(u);
            if (!a.pinyin.isEmpty())
                findPinyin(a.pinyin);
        }
    }
    std::sort(ranges.begin(), ranges.end(), [](const TextRange &a, const TextRange &b) {
        return a.start < b.start || (a.start == b.start && a.end > b.end);
    });
    QList<TextRange> merged;
    for (const TextRange &r : ranges) {
        if (!merged.isEmpty() && r.start <= merged.last().end)
            merged.last().end = std::max(merged.last().end, r.end);
        else
            merged << r;
    }
    return merged;
}

} // namespace baokan::store
