// SPDX-License-Identifier: MIT
#include "entities/tokenclassifier.h"

#include "entities/hanchars.h"
#include "entities/orgheads.h"
#include "entities/personnames.h"
#include "entities/recognizerrules.h"
#include "entities/recognizertuning.h"
#include "entities/sentence.h"

namespace baokan::entities {

using Tag = Lexicon::Tag;
using CharTable = Lexicon::CharTable;

TokenClassifier::TokenClassifier(const Sentence &text, const Lexicon &lexicon, const RecognizerRules &rules,
                                 const PersonNames &names, const OrgHeads &heads)
    : m_text(text)
    , m_lex(lexicon)
    , m_rules(rules)
    , m_names(names)
    , m_heads(heads)
{}

void TokenClassifier::reshape(std::vector<Token> &tokens) const
{
    joinSplitNames(tokens);
    // Twice: 中美关系 → 中美 + 关系 → 中 + 美 + 关系.
    splitTokens(tokens);
    splitTokens(tokens);
    joinDottedNames(tokens);
}

void TokenClassifier::joinSplitNames(std::vector<Token> &tokens) const
{
    // The lexicon's habit of splitting names: 王 + 黎, both tagged as person words.
    for (size_t k = 0; k + 1 < tokens.size(); ++k) {
        Token &a = tokens[k];
        const Token &b = tokens[k + 1];
        if (a.kind == TokenKind::Word && a.tag == Tag::Person && a.length() == 1 &&
            m_names.isSurname(m_text.at(a.start)) && b.kind == TokenKind::Word && b.tag == Tag::Person &&
            b.length() <= 2 && b.start == a.end && !m_rules.honorifics.contains(m_text.view(b.start, b.end))) {
            a.end = b.end;
            a.kind = TokenKind::Person;
            tokens.erase(tokens.begin() + qsizetype(k + 1));
        }
    }
}

// Words the lexicon lists whole that the entities split: 市委书记 → 市委 + 书记, 中美 → 中 + 美,
// 访华 → 访 + 华.
void TokenClassifier::splitTokens(std::vector<Token> &tokens) const
{
    std::vector<Token> out;
    out.reserve(tokens.size() + 8);
    for (const Token &t : tokens) {
        const int len = t.length();
        if (t.kind != TokenKind::Word || len < 2 || !isHan(m_text.at(t.start))) {
            out.push_back(t);
            continue;
        }
        const Lexicon::Entry *e = m_lex.find(m_text.data() + t.start, len);
        const QStringView w = m_text.view(t.start, t.end);
        if (len == 2 && m_rules.placeAbbreviations.contains(w.front()) &&
            m_rules.placeAbbreviations.contains(w.back()) && !m_rules.worldPlaces.contains(w) && e && e->freq <= 300 &&
            (t.tag == Tag::Place || t.tag == Tag::WeakPlace || t.tag == Tag::Organization ||
             t.tag == Tag::Abbreviation || t.tag == Tag::Time)) {
            out.push_back(Token{t.start, t.start + 1, Tag::Place, TokenKind::Word});
            out.push_back(Token{t.start + 1, t.end, Tag::Place, TokenKind::Word});
            continue;
        }
        // 美方, 日军, 中方: the country by its one character.
        if (len == 2 && QStringView(u"中美日俄英法德韩朝印巴以越泰澳加意").contains(w.front()) &&
            QStringView(u"方军寇籍").contains(w.back())) {
            out.push_back(Token{t.start, t.start + 1, Tag::Place, TokenKind::Word});
            out.push_back(Token{t.start + 1, t.end, Tag::Noun, TokenKind::Word});
            continue;
        }
        if (len == 2 && m_rules.travelVerbs.contains(w.front()) && QStringView(u"华京沪港澳台").contains(w.back())) {
            out.push_back(Token{t.start, t.start + 1, Tag::Verb, TokenKind::Word});
            out.push_back(Token{t.start + 1, t.end, Tag::Place, TokenKind::Word});
            continue;
        }
        // 法国人, 葡萄牙人: a country's people name the country.
        if (len >= 3 && w.back() == u'人' && m_rules.worldPlaces.contains(w.left(len - 1))) {
            out.push_back(Token{t.start, t.end - 1, Tag::Place, TokenKind::Word});
            out.push_back(Token{t.end - 1, t.end, Tag::Noun, TokenKind::Word});
            continue;
        }
        bool split = false;
        // 中国政府, 日本首相, 中韩关系: a listed place and a common word after it.
        for (int k = len - 2; k >= 1 && len >= 3 && !split; --k) {
            const Lexicon::Entry *place = m_lex.find(m_text.data() + t.start, k);
            const Lexicon::Entry *rest = m_lex.find(m_text.data() + t.start + k, len - k);
            const bool isPlace =
                (place && place->freq > 0 && (place->tag == Tag::Place || place->tag == Tag::WeakPlace) && k >= 2) ||
                m_rules.worldPlaces.contains(w.left(k));
            // A listed organization stays whole (中国足协), unless it is a government or relation.
            if (t.tag == Tag::Organization && !w.endsWith(u"政府") && !w.endsWith(u"关系"))
                break;
            if (!isPlace || !rest || rest->freq < kCommonWordFreq)
                continue;
            const Token restToken{t.start + k, t.end, rest->tag, TokenKind::Word};
            if (m_heads.isOrgHead(restToken) || rest->tag == Tag::Place || rest->tag == Tag::Organization ||
                m_rules.placeSuffixWords.contains(w.mid(k)))
                continue;
            out.push_back(Token{t.start, t.start + k, Tag::Place, TokenKind::Word});
            out.push_back(restToken);
            split = true;
        }
        // 邓小平理论, 马克思主义: a listed name and what is named after the person.
        if (len >= 4) {
            const QStringView tail = w.right(2);
            const Lexicon::Entry *name = m_lex.find(m_text.data() + t.start, len - 2);
            if ((tail == u"主义" || tail == u"理论" || tail == u"思想") && name && name->freq > 0 &&
                (name->tag == Tag::Person || name->tag == Tag::ForeignPerson)) {
                out.push_back(Token{t.start, t.end - 2, name->tag, TokenKind::Word});
                out.push_back(Token{t.end - 2, t.end, Tag::Noun, TokenKind::Word});
                continue;
            }
        }
        // 财政部长: the newspaper reads the ministry, 财政部, and leaves the bare 长.
        if (len >= 4 && w.endsWith(u"部长")) {
            const Lexicon::Entry *ministry = m_lex.find(m_text.data() + t.start, len - 1);
            if (ministry && ministry->freq > 0) {
                out.push_back(Token{t.start, t.end - 1, Tag::Organization, TokenKind::Word});
                out.push_back(Token{t.end - 1, t.end, Tag::Noun, TokenKind::Word});
                continue;
            }
        }
        // 亚太地区, 汉水流域: the region is the place named before the generic word.
        if (len >= 4 && (w.endsWith(u"地区") || w.endsWith(u"流域") || w.endsWith(u"一带") || w.endsWith(u"沿岸"))) {
            const Lexicon::Entry *region = m_lex.find(m_text.data() + t.start, len - 2);
            if (region && region->freq > 0 &&
                (region->tag == Tag::Place || region->tag == Tag::WeakPlace || region->tag == Tag::Abbreviation ||
                 region->tag == Tag::Locality)) {
                out.push_back(Token{t.start, t.end - 2, Tag::Place, TokenKind::Word});
                out.push_back(Token{t.end - 2, t.end, Tag::Noun, TokenKind::Word});
                continue;
            }
        }
        // 局局长: the head of one organization and the post in it.
        if (len >= 3 && m_rules.orgHeadChars.contains(w.front()) && m_rules.posts.contains(w.mid(1))) {
            out.push_back(Token{t.start, t.start + 1, Tag::Noun, TokenKind::Word});
            out.push_back(Token{t.start + 1, t.end, Tag::Noun, TokenKind::Word});
            continue;
        }
        // 党委书记 and 党组书记 are posts whole, as the reader expects them.
        for (int k = 2; k <= len - 2 && !split && !m_rules.posts.contains(w); ++k) {
            if (!m_rules.posts.contains(w.mid(k)))
                continue;
            const QStringView head = w.left(k);
            const Lexicon::Entry *h = m_lex.find(m_text.data() + t.start, k);
            if (m_rules.adminOrgs.contains(head) || (h && h->freq > 0 && h->tag == Tag::Organization)) {
                out.push_back(Token{t.start, t.start + k, Tag::Organization, TokenKind::Word});
                out.push_back(Token{t.start + k, t.end, Tag::Noun, TokenKind::Word});
                split = true;
            }
        }
        if (!split)
            out.push_back(t);
    }
    tokens.swap(out);
}

// 芭芭拉·弗兰克林 may come out of the segmenter in pieces; the dot binds them into one name.
void TokenClassifier::joinDottedNames(std::vector<Token> &tokens) const
{
    auto nameLike = [this](const Token &t) {
        if (t.kind == TokenKind::Person || t.kind == TokenKind::Foreign)
            return true;
        if (t.tag == Tag::Person || t.tag == Tag::ForeignPerson)
            return true;
        for (int k = t.start; k < t.end; ++k) {
            if (!isNameDot(m_text.at(k)) && !m_lex.inTable(CharTable::TranslitWeak, m_text.at(k)))
                return false;
        }
        return isHan(m_text.at(t.start)) || isNameDot(m_text.at(t.start));
    };
    for (size_t k = 0; k < tokens.size(); ++k) {
        Token &t = tokens[k];
        bool dotted = false;
        for (int i = t.start; i < t.end && !dotted; ++i)
            dotted = isNameDot(m_text.at(i));
        if (!dotted)
            continue;
        while (
            k + 1 < tokens.size() && tokens[k + 1].start == t.end && isHan(m_text.at(tokens[k + 1].start)) &&
            (isNameDot(m_text.at(t.end - 1)) || isNameDot(m_text.at(tokens[k + 1].start)) || nameLike(tokens[k + 1])) &&
            tokens[k + 1].kind != TokenKind::Word) {
            t.end = tokens[k + 1].end;
            tokens.erase(tokens.begin() + qsizetype(k + 1));
        }
        // Leftwards over the pieces of the first name: 玛格丽 + 特·里德.
        auto leftPiece = [&](const Token &p) {
            for (int i = p.start; i < p.end; ++i) {
                if (!m_lex.inTable(CharTable::TranslitWeak, m_text.at(i)) ||
                    QStringView(u"人官长").contains(QChar(m_text.at(i))))
                    return false;
            }
            return p.kind == TokenKind::Person || p.kind == TokenKind::Foreign || p.tag == Tag::Person ||
                   p.tag == Tag::ForeignPerson ||
                   (p.length() == 1 && m_lex.inTable(CharTable::Translit, m_text.at(p.start)));
        };
        bool joined = false;
        while (k > 0 && tokens[k - 1].end == tokens[k].start &&
               (isNameDot(m_text.at(tokens[k].start)) ? nameLike(tokens[k - 1]) : leftPiece(tokens[k - 1]))) {
            tokens[k - 1].end = tokens[k].end;
            tokens.erase(tokens.begin() + qsizetype(k));
            --k;
            joined = true;
        }
        if (joined) {
            tokens[k].kind = TokenKind::Foreign;
            continue;
        }
        int han = 0;
        for (int i = t.start; i < t.end; ++i)
            han += isHan(m_text.at(i)) ? 1 : 0;
        if (han >= 2 && isHan(m_text.at(t.start)) && isHan(m_text.at(t.end - 1)))
            t.kind = TokenKind::Foreign;
    }
}

bool TokenClassifier::beforeDateline(const Token &t) const
{
    // 新德里5月28日电, 大连6月2日讯: the place a dispatch comes from, before its date.
    int i = t.end;
    const auto number = [&] {
        const int from = i;
        while (i - from < 3 && (isDigit(m_text.at(i)) || isChineseNumber(m_text.at(i))))
            ++i;
        return i > from;
    };
    if (!number() || m_text.at(i++) != u'月' || !number() || m_text.at(i++) != u'日')
        return false;
    return m_text.at(i) == u'电' || m_text.at(i) == u'讯';
}

std::optional<EntityType> TokenClassifier::tokenType(const Token &t) const
{
    std::optional<EntityType> type = rawTokenType(t);
    if (type != EntityType::Location && type != EntityType::Organization && t.length() >= 2 && t.length() <= 5 &&
        isHan(m_text.at(t.start)) && beforeDateline(t))
        return EntityType::Location;
    // 在慕尼黑, 抵达阿布贾: a foreign-sounding name after 在 or 抵达 is a place's.
    if (type == EntityType::Person && t.length() >= 2 && m_text.endsWith(m_rules.placeBefore, t.start) > 0) {
        bool foreign = true;
        for (int i = t.start; i < t.end && foreign; ++i)
            foreign = isNameDot(m_text.at(i)) || m_lex.inTable(CharTable::TranslitWeak, m_text.at(i));
        // A first character that is a surname too (伯尔尼, 阿布贾) still makes a place when every
        // character is a typical one of transliterations, which Chinese names (毛泽东) are not.
        bool typical = t.length() >= 3;
        for (int i = t.start; i < t.end && typical; ++i)
            typical = m_lex.inTable(CharTable::Translit, m_text.at(i));
        if (foreign && (!m_names.isSurname(m_text.at(t.start)) || typical))
            return EntityType::Location;
    }
    // 欧佩克组织, 卡西尼号: a transliteration before a word for a land, a body or a make is no person.
    if (type == EntityType::Person && t.length() >= 3 && m_names.isForeignName(t) &&
        m_text.startsWith(m_rules.notPersonAfter, t.end) > 0)
        return std::nullopt;
    // 公明镇, 李卜村, 大昭寺: what reads as a name but ends like a village or a site is that place.
    // After a title (区长王某岭) it is still the person.
    if (type == EntityType::Person && t.length() >= 3 &&
        QStringView(u"乡镇村屯营寨庄堡县市省寺庙宫顶岭湖洞塔阁殿亭岛").contains(QChar(m_text.at(t.end - 1))) &&
        m_text.endsWith(m_rules.posts, t.start) == 0)
        return EntityType::Location;
    return type;
}

std::optional<EntityType> TokenClassifier::rawTokenType(const Token &t) const
{
    const QStringView word = m_text.view(t.start, t.end);
    if (m_rules.worldPlaces.contains(word))
        return EntityType::Location;
    if (m_rules.genericPlaces.contains(word))
        return std::nullopt;
    // 学· in 学·创·演: a name dot joins parts of a name, it neither starts nor ends one.
    if (isNameDot(word.front().unicode()) || isNameDot(word.back().unicode()))
        return std::nullopt;
    switch (t.kind) {
    case TokenKind::Person:
    case TokenKind::Foreign:
        // 玉峰茶, 敖东队: a candidate on a head that ends far more words than names is a
        // compound, unless it stands as a clause's subject or after a title. A head of things
        // needs the title.
        if (t.length() >= 3) {
            const double context = m_names.nameContext(t.start, t.end);
            if ((m_lex.charLogP(CharTable::NameEnd, m_text.at(t.end - 1)) < kMinNameEndOdds && context < 1.0) ||
                (m_rules.thingHeads.contains(QChar(m_text.at(t.end - 1))) && context < 3.0))
                return std::nullopt;
        }
        // 公明镇, 李卜村: what reads as a name but ends like a village is the village; a
        // transliteration after 在, 到, 访问 is a place.
        if (QStringView(u"乡镇村屯营寨庄堡").contains(QChar(m_text.at(t.end - 1))) && t.length() >= 3)
            return EntityType::Location;
        if (t.kind == TokenKind::Foreign && m_text.endsWith(m_rules.placeBefore, t.start) > 0)
            return EntityType::Location;
        return EntityType::Person;
    case TokenKind::Unknown:
        return std::nullopt;
    case TokenKind::Word:
        break;
    }
    if (m_rules.adminOrgs.contains(word))
        return EntityType::Organization;
    // A government is named by its place (法国政府 → 法国), not as an organization.
    if (word.endsWith(u"政府"))
        return std::nullopt;
    const Lexicon::Entry *e = m_lex.find(m_text.data() + t.start, t.length());
    // After a title or a credit, a rare word that reads as a name is one, whatever its tag.
    // A verb of speech after a three-character proper noun or time word is as telling, however
    // frequent: jieba tags many famous names nz or t.
    if (t.length() >= 2 && t.length() <= 3 && m_names.isSurname(m_text.at(t.start)) && e &&
        ((e->freq < kCommonWordFreq && m_text.endsWith(m_rules.nameBefore, t.start) > 0) ||
         (t.length() == 3 && (t.tag == Tag::ProperNoun || t.tag == Tag::Time) &&
          !m_names.looksCompound(t.start, t.end) && m_names.nameContext(t.start, t.end) >= 1.5))) {
        bool given = true;
        for (int k = t.start + 1; k < t.end; ++k)
            given = given && m_lex.inTable(CharTable::Given, m_text.at(k));
        if (given)
            return EntityType::Person;
    }
    switch (t.tag) {
    case Tag::Person:
    case Tag::ForeignPerson:
        // 许可证, 博彩业: a listed "name" on a head that ends far more words than names is a compound.
        if (t.length() >= 3 &&
            (m_lex.charLogP(CharTable::NameEnd, m_text.at(t.end - 1)) < kMinNameEndOdds ||
             m_rules.thingHeads.contains(QChar(m_text.at(t.end - 1)))) &&
            m_names.nameContext(t.start, t.end) < 3.0)
            return std::nullopt;
        if ((t.tag == Tag::Person && m_names.isChineseName(t, e)) || m_names.isForeignName(t))
            return EntityType::Person;
        // 琼斯: two characters ending like a transliteration and starting unlike a surname; or
        // like one (里德) with a verb of speech or an address beside it.
        if (t.tag == Tag::ForeignPerson && t.length() == 2 &&
            m_lex.inTable(CharTable::Translit, m_text.at(t.end - 1)) &&
            (!m_names.isSurname(m_text.at(t.start)) || m_names.nameContext(t.start, t.end) >= 1.5))
            return EntityType::Person;
        // Where the context calls for a name, the tag is believed; for a listed name of three
        // characters (not shaped like a compound) a verb of speech or an address is enough.
        if (t.length() >= 2 && t.length() <= 3 &&
            m_names.nameContext(t.start, t.end) >= (t.length() == 3 && t.tag == Tag::Person ? 1.5 : 3.0))
            return EntityType::Person;
        return std::nullopt;
    case Tag::Place:
    case Tag::WeakPlace:
        // 依法治国, 科教兴国: a slogan of governing, raising or saving the country (or a province,
        // a city) is no place, though the lexicon files some of them so.
        if (t.length() >= 4 && QStringView(u"国省市区县旗").contains(word.back()) &&
            QStringView(u"治兴强立富救").contains(word.at(word.size() - 2)) && !word.endsWith(u"自治区"))
            return std::nullopt;
        if (t.tag == Tag::Place)
            return EntityType::Location;
        // Countries and regions end in 国, 亚, 洲, a direction or a border land; one character
        // stands for a country or a province.
        if (t.length() == 1 || QStringView(u"国亚洲欧美东西南北中疆藏蒙").contains(QChar(m_text.at(t.end - 1))))
            return EntityType::Location;
        return std::nullopt;
    case Tag::Abbreviation:
        // 北大, 足协, 妇联: two characters short for a university, an association or a
        // federation. Longer short forms are as often meetings or kinds (十五大, 中小学).
        if (t.length() == 2 && QStringView(u"大协联盟").contains(word.back()) &&
            !isChineseNumber(word.front().unicode()))
            return EntityType::Organization;
        return std::nullopt;
    case Tag::Organization:
        // jieba tags generic words nt too (党政机关, 广大观众): an organization's name ends
        // in a head.
        if (m_heads.isOrgShaped(word))
            return EntityType::Organization;
        return std::nullopt;
    default:
        return std::nullopt;
    }
}

} // namespace baokan::entities
