// SPDX-License-Identifier: MIT
#include "entities/segmenter.h"

#include "entities/hanchars.h"
#include "entities/personnames.h"
#include "entities/recognizerrules.h"
#include "entities/recognizertuning.h"
#include "entities/sentence.h"

#include <QLoggingCategory>

#include <algorithm>

namespace baokan::entities {

Q_DECLARE_LOGGING_CATEGORY(lcRecognizer)

using Tag = Lexicon::Tag;
using CharTable = Lexicon::CharTable;

Segmenter::Segmenter(const Sentence &text, const Lexicon &lexicon, const RecognizerRules &rules,
                     const PersonNames &names)
    : m_text(text)
    , m_lex(lexicon)
    , m_rules(rules)
    , m_names(names)
{}

std::vector<Token> Segmenter::segment()
{
    const int n = m_text.size();
    int i = 0;
    while (i < n) {
        if (!isHan(m_text.at(i)) && !isNameDot(m_text.at(i))) {
            int j = i + 1;
            if (isDigit(m_text.at(i))) {
                while (j < n && isDigit(m_text.at(j)))
                    ++j;
            }
            m_tokens.push_back(Token{i, j, Tag::Other, TokenKind::Unknown});
            i = j;
            continue;
        }
        int j = i;
        while (j < n && (isHan(m_text.at(j)) || isNameDot(m_text.at(j))))
            ++j;
        segmentBlock(i, j);
        i = j;
    }
    return std::move(m_tokens);
}

void Segmenter::segmentBlock(int start, int end)
{
    const int n = end - start;
    m_blockStart = start;
    m_route.assign(size_t(n) + 1, Step{0, end, Tag::Other, TokenKind::Word});
    // How far a run of transliteration characters reaches from each position.
    m_translitEnd.assign(size_t(n) + 1, 0);
    m_translitEnd[size_t(n)] = end;
    for (int i = end - 1; i >= start; --i) {
        const char16_t c = m_text.at(i);
        const bool t = isNameDot(c) || isHan(c);
        m_translitEnd[size_t(i - start)] = t ? m_translitEnd[size_t(i - start + 1)] : i;
    }
    const double unknownLogP = -m_lex.logTotal();
    for (int i = end - 1; i >= start; --i) {
        Step best{kNegInf, i + 1, Tag::Other, TokenKind::Unknown};
        bool single = false;
        if (!isNameDot(m_text.at(i))) {
            quint32 hash = Lexicon::hashSeed();
            for (int len = 1; len <= kMaxWordLength && i + len <= end; ++len) {
                hash = Lexicon::hashStep(hash, m_text.at(i + len - 1));
                const Lexicon::Entry *e = m_lex.find(m_text.data() + i, len, hash);
                if (!e)
                    break;
                if (e->freq > 0 && e->tag == Tag::Person && len >= 2 && m_names.isSurname(m_text.at(i)) &&
                    m_rules.honorifics.contains(m_text.view(i + 1, i + len)))
                    continue;
                if (e->freq > 0) {
                    consider(best, i + len, e->logP, e->tag, TokenKind::Word);
                    single = single || len == 1;
                }
            }
            if (!single)
                consider(best, i + 1, unknownLogP, Tag::Other, TokenKind::Unknown);
            considerNames(i, end, best);
        } else {
            consider(best, i + 1, unknownLogP - 5, Tag::Other, TokenKind::Unknown);
        }
        m_route[size_t(i - start)] = best;
    }
    for (int i = start; i < end;) {
        const Step &s = m_route[size_t(i - start)];
        m_tokens.push_back(Token{i, s.end, s.tag, s.kind});
        if (lcRecognizer().isDebugEnabled())
            qCDebug(lcRecognizer) << m_text.text(i, s.end) << int(s.tag) << int(s.kind)
                                  << s.score - m_route[size_t(s.end - start)].score;
        i = s.end;
    }
}

void Segmenter::considerNames(int i, int end, Step &best) const
{
    // Chinese names: a surname and one or two given-name characters.
    int surnameLength = 0;
    double surname = 0;
    if (i + 2 <= end && m_rules.compoundSurnames.contains(m_text.view(i, i + 2))) {
        surnameLength = 2;
        surname = -7.0;
    } else if (m_names.isSurname(m_text.at(i))) {
        surnameLength = 1;
        surname = m_lex.charLogP(CharTable::Surname, m_text.at(i));
    }
    if (surnameLength > 0) {
        const int afterSurname = i + surnameLength;
        // A bare surname before a form of address is the name the text gives (李老师 → 李).
        const int post = m_text.startsWith(m_rules.posts, afterSurname);
        const int honorific = std::max(post, m_text.startsWith(m_rules.honorifics, afterSurname));
        const char16_t before = m_text.at(i - 1);
        // 向, 从, 任 are surnames but far more often words of their own.
        const bool familiar = before == u'老' || before == u'小';
        // 王某: the press keeps a party's name back but gives the surname.
        const bool polite = (honorific >= 2 && QStringView(u"先生 女士 小姐 老师 同志 师傅")
                                                   .contains(m_text.view(afterSurname, afterSurname + honorific))) ||
                            (honorific == 1 && m_text.at(afterSurname) == u'某' && !m_names.isWordAt(afterSurname, 2) &&
                             !isChineseNumber(m_text.at(afterSurname + 1)));
        if (honorific > 0 && surnameLength == 1 && surname > kCommonSurname &&
            (familiar || polite || m_names.singleCharLogP(m_text.at(i)) < kCommonCharLogP)) {
            // A title or a polite form of two characters is telling enough after any word
            // the surname does not join (收到陈老师, 托项市长).
            const bool wordBefore =
                isHan(before) && m_lex.find(m_text.data() + i - 1, 2) && m_lex.find(m_text.data() + i - 1, 2)->freq > 0;
            if (!isHan(before) || before == u'老' || before == u'小' || m_text.endsWith(m_rules.nameBefore, i) > 0 ||
                m_names.isBoundaryWord(i) ||
                ((honorific >= 2 || polite) && !wordBefore && !m_names.isSurname(before) &&
                 !m_lex.inTable(CharTable::TranslitWeak, before)))
                consider(best, afterSurname, m_lex.logPersonMass() + surname + 4.0, Tag::Person, TokenKind::Person);
        }
        for (int given = 1; given <= 2 && honorific == 0; ++given) {
            const int to = afterSurname + given;
            if (to > end)
                break;
            const char16_t g1 = m_text.at(afterSurname);
            if (isNameDot(g1) || (given == 2 && isNameDot(m_text.at(to - 1))))
                break;
            double logP = m_lex.logPersonMass() + surname + m_lex.logNameLength(given);
            const bool strongContext = m_text.endsWith(m_rules.nameBefore, i) > 0;
            if (given == 1) {
                // Two-character names are few in the lexicon; all given-name characters speak for them.
                if (!m_lex.inTable(CharTable::Given, g1) && !strongContext)
                    continue;
                logP += m_lex.charLogP(CharTable::Given, g1);
            } else {
                // Backed off to any given-name position: 彬 ends few listed names but starts some.
                const char16_t g2 = m_text.at(to - 1);
                // A character no listed name has may still be one where the context calls for a name.
                if ((!m_lex.inTable(CharTable::Given, g1) || !m_lex.inTable(CharTable::Given, g2)) && !strongContext)
                    continue;
                logP += std::max(double(m_lex.charLogP(CharTable::Given3a, g1)),
                                 m_lex.charLogP(CharTable::Given, g1) - kBackoff) +
                        std::max(double(m_lex.charLogP(CharTable::Given3b, g2)),
                                 m_lex.charLogP(CharTable::Given, g2) - kBackoff);
            }
            // 王磊六段: a numeral before a measure word counts, it does not name; nor does 两
            // start a given name (韩两国).
            if ((isChineseNumber(m_text.at(to - 1)) && given == 2) || m_text.at(afterSurname) == u'两')
                continue;
            // A last character that is common as a word of its own (的, 在, 说) usually is one.
            logP -= std::max(0.0, m_names.singleCharLogP(m_text.at(to - 1)) + 9.0);
            const double context = m_names.nameContext(i, to);
            // 高水平, 亚健康, 观摩会: a common word inside the candidate is that word.
            if (given == 2 && context < 3.0 && surnameLength == 1 && m_names.looksCompound(i, to))
                continue;
            // A known word of another kind is a name only where the context says so.
            const Lexicon::Entry *known = m_lex.find(m_text.data() + i, to - i);
            if (known && known->freq > 0 && known->tag != Tag::Person && context < 3.0)
                continue;
            if (given == 1 && context <= 0 && surname < kCommonSurname)
                continue;
            if (given == 2 && surnameLength == 1 && m_names.joinsWordBefore(i, to))
                continue;
            // 迎新春, 解民忧: a rare surname and a word after it make a phrase, not a name, unless
            // something around calls for a name.
            if (given == 2 && surnameLength == 1 && surname < kCommonSurname && context < 1.0 &&
                m_names.isWordAt(afterSurname, 2))
                continue;
            consider(best, to, logP + context, Tag::Person, TokenKind::Person);
        }
    }
    // Transliterated names: 克林顿, 卡洛斯·阿马特; a name dot inside makes one almost certain.
    const int runEnd = m_translitEnd[size_t(i - m_blockStart)];
    int dotAhead = i;
    while (dotAhead < runEnd && dotAhead - i < 8 && !isNameDot(m_text.at(dotAhead)))
        ++dotAhead;
    const bool dotFollows = dotAhead < runEnd && isNameDot(m_text.at(dotAhead));
    if (runEnd - i >= 2) {
        // Without a dot every character must be a typical one; with a dot the weaker table,
        // which knows the characters of all foreign names in the lexicon, decides.
        double strong = m_lex.logForeignMass();
        double weak = m_lex.logForeignMass();
        bool allStrong = true;
        int letters = 0;
        bool dot = false;
        int part = 0;       // letters since the last dot
        int shortParts = 0; // parts of one letter: 学·创·演 is a slogan, not a name
        int weakLetters = 0;
        bool lastStrong = false;
        for (int to = i + 1; to <= runEnd && to - i <= 14; ++to) {
            const char16_t c = m_text.at(to - 1);
            if (isNameDot(c)) {
                if (to - 1 == i || isNameDot(m_text.at(to - 2)))
                    break;
                shortParts += part == 1 ? 1 : 0;
                part = 0;
                dot = true;
                continue;
            }
            ++part;
            // One letter of the wider table may sit inside a long run (基里延科, 尤尔科夫): the
            // strong table misses many letters that do occur in names.
            const bool isStrong = m_lex.inTable(CharTable::Translit, c);
            if (!isStrong && m_lex.inTable(CharTable::TranslitWeak, c) && !dot) {
                ++weakLetters;
                strong += m_lex.charLogP(CharTable::TranslitWeak, c) - kWeakLetterCost;
            } else {
                allStrong = allStrong && isStrong;
                strong += m_lex.charLogP(CharTable::Translit, c);
            }
            lastStrong = isStrong;
            weak += m_lex.charLogP(CharTable::TranslitWeak, c);
            ++letters;
            // A dotted name does not stop before a typical letter (玛丽特·恩|斯塔德): the rest
            // would be left as a name of its own.
            const bool letterFollows = to < runEnd && m_lex.inTable(CharTable::Translit, m_text.at(to));
            if (dot && letters >= 4 && shortParts + (part == 1 ? 1 : 0) <= 1) {
                consider(best, to,
                         weak + m_lex.logForeignLength(letters) + 8.0 + m_names.nameContext(i, to) -
                             (letterFollows ? kCutNameCost : 0.0),
                         Tag::ForeignPerson, TokenKind::Foreign);
                continue;
            }
            if (dot)
                continue;
            if ((!allStrong || weakLetters > 1) && !dotFollows)
                break;
            if (!allStrong || weakLetters > 1 || letters < 3 + weakLetters || !lastStrong)
                continue;
            const Lexicon::Entry *known = m_lex.find(m_text.data() + i, to - i);
            if (known && known->freq > 0 && known->tag != Tag::ForeignPerson && known->tag != Tag::Person)
                continue;
            consider(best, to, strong + m_lex.logForeignLength(letters) + m_names.nameContext(i, to),
                     Tag::ForeignPerson, TokenKind::Foreign);
        }
    }
}

} // namespace baokan::entities
