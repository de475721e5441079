// SPDX-License-Identifier: MIT
#include "entities/personnames.h"

#include "entities/hanchars.h"
#include "entities/sentence.h"

#include <algorithm>

namespace baokan::entities {

using Tag = Lexicon::Tag;
using CharTable = Lexicon::CharTable;

PersonNames::PersonNames(const Sentence &text, const Lexicon &lexicon, const RecognizerRules &rules)
    : m_text(text)
    , m_lex(lexicon)
    , m_rules(rules)
{}

double PersonNames::nameContext(int start, int end) const
{
    double bonus = 0;
    if (m_text.endsWith(m_rules.nameBefore, start) > 0)
        bonus += 3.0;
    // A title after the name is as telling as one before it: 李鹏委员长, 桥本首相.
    if (m_text.startsWith(m_rules.posts, end) > 0)
        bonus += 3.0;
    else if (m_text.startsWith(m_rules.nameAfter, end) > 0)
        bonus += 1.5;
    // A particle, or an adverb that follows a subject (曾, 又, 则), after it: weak evidence.
    else if (QStringView(u"的在和与等曾又则却便").contains(QChar(m_text.at(end))))
        bonus += 0.5;
    const char16_t before = m_text.at(start - 1);
    const char16_t after = m_text.at(end);
    if ((before == u'（' || before == u'(') && (after == u'）' || after == u')'))
        bonus += 2.0;
    // The subject of a clause: at its start, with a verb or an adverb right after
    // (张某某重视…, 张某某又安排…). News names people there more than anywhere.
    else if (!isHan(before) && before != u'《' && before != u'“' && startsVerb(end))
        bonus += 1.0;
    return bonus;
}

bool PersonNames::startsVerb(int i) const
{
    for (int length = 3; length >= 1; --length) {
        if (i + length > m_text.size() || !isHan(m_text.at(i + length - 1)))
            continue;
        const Lexicon::Entry *e = m_lex.find(m_text.data() + i, length);
        if (e && e->freq > 0)
            return e->tag == Tag::Verb || (e->tag == Tag::Function && length <= 3 && e->freq >= kCommonWordFreq);
    }
    return false;
}

bool PersonNames::joinsWordBefore(int start, int end) const
{
    // 越飞越, 农迁农: a name seldom ends in its own surname; the pattern is a phrase.
    if (end - start == 3 && m_text.at(end - 1) == m_text.at(start))
        return true;
    // 吸纳百川, 上山入林: the "surname" ends a common word begun just before it.
    if (!isHan(m_text.at(start - 1)) || nameContext(start, end) >= 1.5)
        return false;
    const Lexicon::Entry *left = m_lex.find(m_text.data() + start - 1, 2);
    return left && left->freq >= kCommonWordFreq && left->tag != Tag::Person;
}

bool PersonNames::isWordAt(int i, int length) const
{
    if (i + length > m_text.size())
        return false;
    const Lexicon::Entry *e = m_lex.find(m_text.data() + i, length);
    return e && e->freq > 0;
}

double PersonNames::singleCharLogP(char16_t c) const
{
    const Lexicon::Entry *e = m_lex.find(&c, 1);
    return e && e->freq > 0 ? double(e->logP) : -30.0;
}

bool PersonNames::isBoundaryWord(int i) const
{
    const char16_t before = m_text.at(i - 1);
    if (!isHan(before))
        return true;
    const Lexicon::Entry *e = m_lex.find(&before, 1);
    return e && e->freq > 0 && e->tag == Tag::Function;
}

bool PersonNames::isChineseName(const Token &t, const Lexicon::Entry *e) const
{
    const int len = t.length();
    int surnameLength = 0;
    if (len >= 3 && m_rules.compoundSurnames.contains(m_text.view(t.start, t.start + 2)))
        surnameLength = 2;
    else if (isSurname(m_text.at(t.start)))
        surnameLength = 1;
    const int given = len - surnameLength;
    if (surnameLength == 0 || given < 1 || given > 2)
        return false;
    for (int k = t.start + surnameLength; k < t.end; ++k) {
        if (!m_lex.inTable(CharTable::Given, m_text.at(k)))
            return false;
    }
    // Two characters: the lexicon tags as many common words so (白痴, 特邀) as names; only
    // the context tells them apart.
    if (given == 1) {
        if (surnameLength == 2)
            return true;
        if (m_lex.charLogP(CharTable::Surname, m_text.at(t.start)) <= kCommonSurname || !e)
            return false;
        // A verb of speech or a form of address after it vouches for a more frequent listed
        // name (陈毅同志); a plain particle only for a rare one.
        const double context = nameContext(t.start, t.end);
        return (e->freq <= kMaxShortNameFreq && context >= 0.5) || (e->freq <= kMaxAddressedNameFreq && context >= 1.5);
    }
    // Three characters: 青少年, 红树林, 安全性 carry the tag too. The rarer a listed word, the
    // likelier the tag is right; the more frequent, the more it must look like a name: not
    // starting with a common word, its given name made of characters names use. The given
    // name may be a common word itself (建国, 国庆): parents choose words.
    if (surnameLength == 1 && (looksCompound(t.start, t.end) || joinsWordBefore(t.start, t.end)))
        return false;
    // 迎新春: a rare surname before a word is a phrase unless something around calls for a name.
    if (surnameLength == 1 && m_lex.charLogP(CharTable::Surname, m_text.at(t.start)) < kCommonSurname &&
        isWordAt(t.start + 1, 2) && nameContext(t.start, t.end) < 1.0)
        return false;
    if (e && e->freq < kSureNameFreq)
        return true;
    if (e && e->freq <= kRareNameFreq)
        return surnameLength == 2 || !isCommonWord(t.start, t.start + 2); // 纪念章, 博士后
    if (surnameLength == 1 && isCommonWord(t.start, t.start + 2))
        return false;
    // 暴风雨, 红卫兵: a common noun after the first character makes a compound.
    const Lexicon::Entry *givenWord = m_lex.find(m_text.data() + t.start + 1, t.length() - 1);
    if (surnameLength == 1 && givenWord && givenWord->freq >= kCommonWordFreq && givenWord->tag == Tag::Noun)
        return false;
    return m_lex.charLogP(CharTable::Given3a, m_text.at(t.end - 2)) +
               m_lex.charLogP(CharTable::Given3b, m_text.at(t.end - 1)) >=
           kMinGivenLogP;
}

// 高水平, 亚健康 (a very common word after the surname) and 承诺书, 施工图 (a common word and a
// character that seldom ends a name): compounds the lexicon files as names.
bool PersonNames::looksCompound(int start, int end) const
{
    if (end - start != 3)
        return false;
    if (isCommonWord(start + 1, end, kVeryCommonWordFreq))
        return true;
    const Lexicon::Entry *prefix = m_lex.find(m_text.data() + start, 2);
    if (prefix && prefix->tag == Tag::Verb && prefix->freq >= kCommonWordFreq)
        return true; // 承诺书, 观摩会: no name starts with a verb
    return isCommonWord(start, start + 2, kCompoundPrefixFreq) &&
           m_lex.charLogP(CharTable::Given3b, m_text.at(end - 1)) < kRareNameEndLogP;
}

bool PersonNames::isCommonWord(int start, int end, quint32 minFreq) const
{
    const Lexicon::Entry *e = m_lex.find(m_text.data() + start, end - start);
    return e && e->freq >= minFreq && e->tag != Tag::Person;
}

bool PersonNames::isForeignName(const Token &t) const
{
    // Two characters only when neither could start a Chinese name (琼斯, 穆勒 but not 高峰).
    if (t.length() < 2 || (t.length() == 2 && isSurname(m_text.at(t.start))))
        return false;
    // A listed name of four letters or more may have one atypical letter (the strong table
    // misses many); its ends must be typical.
    const bool listed = t.kind == TokenKind::Word && (t.tag == Tag::Person || t.tag == Tag::ForeignPerson);
    int atypical = 0;
    for (int k = t.start; k < t.end; ++k) {
        if (!isNameDot(m_text.at(k)) && !m_lex.inTable(CharTable::Translit, m_text.at(k)))
            ++atypical;
    }
    if (atypical == 0)
        return true;
    return listed && atypical == 1 && t.length() >= 4 && m_lex.inTable(CharTable::Translit, m_text.at(t.start)) &&
           m_lex.inTable(CharTable::Translit, m_text.at(t.end - 1));
}

void PersonNames::addListedNames(std::vector<Span> &spans) const
{
    auto taken = [&spans](int start, int end) {
        return std::any_of(spans.begin(), spans.end(), [&](const Span &s) { return s.start < end && start < s.end; });
    };
    auto isSeparator = [](char16_t c) { return c == u'、'; };
    auto isItemEnd = [this](int k) {
        return k >= m_text.size() || !isHan(m_text.at(k)) || m_text.at(k) == u'和' || m_text.at(k) == u'等';
    };
    auto nameLike = [this](int start, int end) {
        if (end - start < 2 || end - start > 3 || !isSurname(m_text.at(start)))
            return false;
        for (int k = start; k < end; ++k) {
            if (!isHan(m_text.at(k)) || (k > start && !m_lex.inTable(CharTable::Given, m_text.at(k))))
                return false;
        }
        const Lexicon::Entry *e = m_lex.find(m_text.data() + start, end - start);
        return !(e && e->freq >= kCommonWordFreq);
    };
    for (size_t n = 0; n < spans.size(); ++n) {
        if (spans[n].type != EntityType::Person)
            continue;
        // Rightwards: 甲、乙.
        const int end = spans[n].end;
        if (isSeparator(m_text.at(end))) {
            int k = end + 1;
            while (k - end - 1 < 4 && !isItemEnd(k) && !isSeparator(m_text.at(k)))
                ++k;
            if ((isItemEnd(k) || isSeparator(m_text.at(k))) && nameLike(end + 1, k) && !taken(end + 1, k))
                spans.push_back(Span{end + 1, k, EntityType::Person});
        }
        // Leftwards: 乙、甲.
        const int start = spans[n].start;
        if (isSeparator(m_text.at(start - 1))) {
            int k = start - 1;
            while (start - 1 - k < 4 && k > 0 && isHan(m_text.at(k - 1)) && !isSeparator(m_text.at(k - 1)))
                --k;
            const bool opened = k == 0 || !isHan(m_text.at(k - 1)) || isSeparator(m_text.at(k - 1));
            if (opened && nameLike(k, start - 1) && !taken(k, start - 1))
                spans.push_back(Span{k, start - 1, EntityType::Person});
        }
    }
}

} // namespace baokan::entities
