// SPDX-License-Identifier: MIT
#include "store/searchquery.h"

#include "store/searchtokenizer.h"

#include <QRegularExpression>

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

// Pinyin syllables for a term typed in Latin letters ("baotou", "bao tou", "xi'an"), or none.
QStringList syllablesOf(const QString &text)
{
    QStringList out;
    const QStringList words = text.split(QRegularExpression(QStringLiteral("[\\s']+")), Qt::SkipEmptyParts);
    for (const QString &word : words) {
        for (const QChar c : word) {
            if (c.unicode() > 0x7f || !c.isLetter())
                return {};
        }
        const QStringList syllables = SearchTokenizer::splitPinyin(word);
        if (syllables.isEmpty())
            return {};
        out += syllables;
    }
    return out;
}

struct PlainToken
{
    std::string text;
    int start;
    int end;
    int firstEnd;
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
    return unit;
}

bool SearchQuery::Clause::isUnigram() const
{
    return std::all_of(any.cbegin(), any.cend(), [](const Alternative &a) {
        return a.pinyin.isEmpty() && a.all.size() == 1 && a.all.first().isSingleCharacter();
    });
}

SearchQuery SearchQuery::parse(const QString &text)
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

    // Consecutive bare Latin terms that read as pinyin ("bao tou") may also mean the characters.
    for (int i = 0; i < groups.size();) {
        const QList<Member> &group = groups[i];
        Clause clause;
        if (group.size() == 1 && !group.first().item.phrase && !syllablesOf(group.first().item.text).isEmpty()) {
            int j = i;
            QStringList syllables;
            Alternative literal;
            while (j < groups.size() && groups[j].size() == 1 && !groups[j].first().item.phrase) {
                const QStringList s = syllablesOf(groups[j].first().item.text);
                if (s.isEmpty())
                    break;
                syllables += s;
                literal.all << groups[j].first().unit;
                ++j;
            }
            clause.any << literal;
            if (syllables.size() >= 2)
                clause.any << Alternative{{}, syllables};
            query.m_required << clause;
            i = j;
            continue;
        }
        for (const Member &m : group) {
            clause.any << Alternative{{m.unit}, {}};
            const QStringList syllables = syllablesOf(m.item.text);
            if (syllables.size() >= 2)
                clause.any << Alternative{{}, syllables};
        }
        query.m_required << clause;
        ++i;
    }
    return query;
}

QString SearchQuery::mainExpression(const Unit &unit)
{
    QStringList parts;
    for (const QueryToken &t : unit.tokens)
        parts << quote(t.text);
    QString out = parts.join(QLatin1String(" + "));
    if (!unit.tokens.isEmpty() && unit.tokens.last().prefix)
        out += QLatin1String(" *");
    // Words must not match the pinyin column: "li" would find every title with 李, 里 or 理, and
    // "bao tou" every title reading bao … tou. Chinese pairs never occur there, so they need no
    // column filter (which costs a position-list check per row).
    const bool words =
        std::any_of(unit.tokens.cbegin(), unit.tokens.cend(), [](const QueryToken &t) { return !t.cjk; });
    if (words)
        out = QLatin1String("({body title byline captions} : (") + out + QLatin1String("))");
    return out;
}

QString SearchQuery::mainExpression(const Clause &clause)
{
    QStringList alternatives;
    for (const Alternative &a : clause.any) {
        if (!a.pinyin.isEmpty()) {
            QStringList syllables;
            for (const QString &s : a.pinyin)
                syllables << quote(s.toUtf8());
            alternatives << QLatin1String("(pinyin : ") + syllables.join(QLatin1String(" + ")) + QLatin1Char(')');
            continue;
        }
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
    for (const Alternative &a : clause.any)
        alternatives << quote(a.all.first().tokens.first().text);
    return QLatin1Char('(') + alternatives.join(QLatin1String(" OR ")) + QLatin1Char(')');
}

SearchQuery::Plan SearchQuery::plan() const
{
    QStringList main, unigram, mainExcluded, unigramExcluded;
    for (const Clause &c : m_required) {
        if (c.isUnigram())
            unigram << unigramExpression(c);
        else
            main << mainExpression(c);
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
    SearchTokenizer::tokenize(std::string_view(utf8.constData(), size_t(utf8.size())), SearchTokenizer::Mode::Bigram,
                              [&](const SearchTokenizer::Token &t) {
                                  tokens.push_back({std::string(t.text), t.start, t.end, t.firstEnd, t.cjk});
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
            if (ok) {
                const PlainToken &lastToken = tokens[p + k - 1];
                ranges << TextRange{tokens[p].start, unit.tokens.last().prefix ? lastToken.firstEnd : lastToken.end};
            }
        }
    };
    // Pinyin alternatives mark the characters that read that way ("baotou" marks 包头).
    // One pointer per character into the pinyin table: snippets of a page of hits look at
    // tens of thousands of characters, so no string is built per character.
    std::vector<const QString *> readings;
    auto findPinyin = [&](const QStringList &syllables) {
        if (readings.empty()) {
            const QList<uint> chars = text.toUcs4();
            readings.reserve(size_t(chars.size()));
            for (const uint c : chars)
                readings.push_back(&SearchTokenizer::syllable(char32_t(c)));
        }
        const int k = int(syllables.size());
        const int n = int(readings.size());
        for (int p = 0; p + k <= n; ++p) {
            bool ok = true;
            for (int j = 0; j < k && ok; ++j)
                ok = *readings[size_t(p + j)] == syllables[j];
            if (ok)
                ranges << TextRange{p, p + k};
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
