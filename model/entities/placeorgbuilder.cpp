// SPDX-License-Identifier: MIT
#include "entities/placeorgbuilder.h"

#include "entities/hanchars.h"
#include "entities/orgheads.h"
#include "entities/personnames.h"
#include "entities/recognizerrules.h"
#include "entities/recognizertuning.h"
#include "entities/sentence.h"

namespace baokan::entities {

using Tag = Lexicon::Tag;

PlaceOrgBuilder::PlaceOrgBuilder(const Sentence &text, const Lexicon &lexicon, const RecognizerRules &rules,
                                 const PersonNames &names, const OrgHeads &heads)
    : m_text(text)
    , m_lex(lexicon)
    , m_rules(rules)
    , m_names(names)
    , m_heads(heads)
{}

void PlaceOrgBuilder::build(std::vector<Token> &tokens, std::vector<std::optional<EntityType>> &types,
                            std::vector<Span> &spans) const
{
    markCountryAbbreviations(tokens, types);
    joinPlaceSuffixes(tokens, types);
    buildOrganizations(tokens, types, spans);
}

void PlaceOrgBuilder::markCountryAbbreviations(const std::vector<Token> &tokens,
                                               std::vector<std::optional<EntityType>> &types) const
{
    // One character for a country: next to another (中美, 日俄, 中、阿), after 驻 or 访 (驻华),
    // and 俄, which is nothing else.
    for (int round = 0; round < 2; ++round) {
        for (size_t k = 0; k < tokens.size(); ++k) {
            const Token &t = tokens[k];
            if (types[k] || t.length() != 1 || !m_rules.placeAbbreviations.contains(QChar(m_text.at(t.start))))
                continue;
            auto singlePlace = [&](size_t j) { return types[j] == EntityType::Location && tokens[j].length() == 1; };
            bool place = m_text.at(t.start) == u'俄';
            if (k > 0 && tokens[k - 1].end == t.start && singlePlace(k - 1))
                place = true;
            if (k + 1 < tokens.size() && tokens[k + 1].start == t.end && singlePlace(k + 1))
                place = true;
            if (k > 1 && m_text.at(t.start - 1) == u'、' && singlePlace(k - 2))
                place = true;
            if (k + 2 < tokens.size() && m_text.at(t.end) == u'、' && singlePlace(k + 2))
                place = true;
            if (k > 0 && tokens[k - 1].length() == 1 && tokens[k - 1].end == t.start &&
                (m_rules.travelVerbs.contains(QChar(m_text.at(t.start - 1))) || m_text.at(t.start - 1) == u'对') &&
                QStringView(u"华京沪港澳台").contains(QChar(m_text.at(t.start))))
                place = true;
            // 中韩两国, 中日关系: two such characters before a word of the relation of states.
            if (k + 1 < tokens.size() && tokens[k + 1].length() == 1 && tokens[k + 1].start == t.end &&
                m_rules.placeAbbreviations.contains(QChar(m_text.at(t.end))) &&
                QStringView(u"两关双边友合之建交贸首").contains(QChar(m_text.at(t.end + 1)))) {
                place = true;
                types[k + 1] = EntityType::Location;
            }
            if (place)
                types[k] = EntityType::Location;
        }
    }
}

void PlaceOrgBuilder::joinPlaceSuffixes(std::vector<Token> &tokens, std::vector<std::optional<EntityType>> &types) const
{
    // Places built with a suffix: 绵阳 + 市, 塔科马 + 市, 赛汗 + 苏木.
    for (size_t k = 0; k + 1 < tokens.size(); ++k) {
        const Token &next = tokens[k + 1];
        if (next.start != tokens[k].end || types[k + 1])
            continue;
        const QStringView nextText = m_text.view(next.start, next.end);
        const bool suffix = (next.length() == 1 && m_rules.placeSuffixChars.contains(nextText)) ||
                            m_rules.placeSuffixWords.contains(nextText);
        if (!suffix)
            continue;
        // 绵阳市 + 市场 must not become 绵阳市市.
        if (m_rules.placeSuffixChars.contains(QChar(m_text.at(tokens[k].end - 1))) && next.length() == 1)
            continue;
        const bool foreign = types[k] == EntityType::Person && tokens[k].kind == TokenKind::Foreign;
        size_t from = k;
        if (types[k] != EntityType::Location && !foreign) {
            // 书房 + 村, 泥 汊 + 镇: two or three characters the lexicon does not know as
            // anything else, before an administrative suffix.
            if (next.length() != 1 || !QStringView(u"省市县区镇乡村旗屯").contains(nextText.front()))
                continue;
            int chars = 0;
            size_t j = k + 1;
            while (j > 0 && chars < 3) {
                const Token &p = tokens[j - 1];
                const bool plain = !types[j - 1] && isHan(m_text.at(p.start)) && p.end == tokens[j].start &&
                                   (p.tag == Tag::Noun || p.tag == Tag::Other || p.tag == Tag::ProperNoun ||
                                    p.tag == Tag::Adjective || p.kind == TokenKind::Unknown) &&
                                   !m_rules.genericPlaces.contains(m_text.view(p.start, p.end)) &&
                                   !m_rules.orgAnchors.contains(m_text.view(p.start, p.end));
                if (!plain || chars + p.length() > 3)
                    break;
                chars += p.length();
                --j;
            }
            if (chars < 2)
                continue;
            from = j;
        }
        tokens[from].end = next.end;
        tokens.erase(tokens.begin() + qsizetype(from + 1), tokens.begin() + qsizetype(k + 2));
        types.erase(types.begin() + qsizetype(from + 1), types.begin() + qsizetype(k + 2));
        types[from] = EntityType::Location;
        k = from;
    }
}

void PlaceOrgBuilder::buildOrganizations(const std::vector<Token> &tokens,
                                         std::vector<std::optional<EntityType>> &types, std::vector<Span> &spans) const
{
    // Organizations: a head (法院, 厅, 委员会 …) with the chain of names before it.
    const size_t n = tokens.size();
    std::vector<bool> taken(n, false);
    // From the right, so that 国务院 + 法制办公室 is taken whole before 国务院 alone.
    for (size_t k = n; k-- > 0;) {
        if (taken[k] || (!m_heads.isOrgHead(tokens[k]) && types[k] != EntityType::Organization))
            continue;
        // 中心工作, 中心任务: the centre of a task heads nothing.
        if (m_text.view(tokens[k].start, tokens[k].end) == u"中心" && k + 1 < n &&
            (m_text.view(tokens[k + 1].start, tokens[k + 1].end) == u"工作" ||
             m_text.view(tokens[k + 1].start, tokens[k + 1].end) == u"任务"))
            continue;
        size_t first = k;
        bool anchor = types[k] == EntityType::Organization || isOrgAnchor(tokens[k], types[k]);
        int chars = tokens[k].length();
        while (first > 0 && !taken[first - 1] && k - first < 5) {
            const Token &prev = tokens[first - 1];
            if (prev.end != tokens[first].start || chars + prev.length() > 20)
                break;
            if (!isOrgModifier(tokens, types, first - 1) ||
                QStringView(u"讯电报图").contains(QChar(m_text.at(prev.end - 1))) ||
                m_text.view(prev.start, prev.end) == u"代表")
                break;
            // Left of a named place or organization only more of them belong to the name:
            // 四川省 绵阳市 …, but not 代表 中国足协 or 讯 新华社.
            // An organization named by a head (日报社) still takes its modifiers (中国 检察).
            const bool named = types[first] == EntityType::Location ||
                               (types[first] == EntityType::Organization &&
                                !m_rules.orgHeads.contains(m_text.view(tokens[first].start, tokens[first].end)));
            const bool prevNamed =
                types[first - 1] == EntityType::Location || types[first - 1] == EntityType::Organization;
            const bool attribute =
                prev.tag == Tag::Attribute || prev.tag == Tag::ProperNoun || prev.tag == Tag::Abbreviation;
            if (named && !prevNamed && !attribute && !m_rules.orgAnchors.contains(m_text.view(prev.start, prev.end)))
                break;
            anchor = anchor || isOrgAnchor(prev, types[first - 1]);
            chars += prev.length();
            --first;
        }
        // Extend over further heads: 中国检察日报社 + 影视部.
        size_t last = k;
        // 致公党 + 中央: a party's or a body's central organ is part of its name.
        while (last + 1 < n && !taken[last + 1] && tokens[last + 1].start == tokens[last].end &&
               ((m_heads.isOrgHead(tokens[last + 1]) && tokens[last + 1].length() >= 2) ||
                m_text.view(tokens[last + 1].start, tokens[last + 1].end) == u"中央"))
            ++last;
        const bool single = tokens[k].length() == 1;
        // 内政部, 司法部, 市教委: a government body names itself.
        const Token &head = tokens[k];
        const bool body = head.length() >= 3 && QStringView(u"部委局厅署").contains(QChar(m_text.at(head.end - 1))) &&
                          head.kind == TokenKind::Word;
        // 智利队, 四川电视台 listed whole: a place before the head makes the word a name.
        bool placed = false;
        if (head.length() >= 3) {
            for (int cut = head.length() - 1; cut >= 2 && !placed; --cut) {
                const Lexicon::Entry *p = m_lex.find(m_text.data() + head.start, cut);
                placed = ((p && p->freq > 0 && (p->tag == Tag::Place || p->tag == Tag::WeakPlace)) ||
                          m_rules.worldPlaces.contains(m_text.view(head.start, head.start + cut))) &&
                         (m_rules.orgHeads.contains(m_text.view(head.start + cut, head.end)) ||
                          (head.end - head.start - cut == 1 &&
                           m_rules.orgHeadChars.contains(QChar(m_text.at(head.end - 1)))));
            }
            // 战胜 + 匈牙利队: plain words before a name that starts with its place are not part of it.
            if (placed && !anchor)
                first = k;
        }
        // 美国公司, 非洲球队: a place and a generic head name no organization.
        if (k - first == 1 && types[first] == EntityType::Location &&
            m_rules.genericHeads.contains(m_text.view(tokens[k].start, tokens[k].end)))
            continue;
        if (types[k] != EntityType::Organization && !(body && first == k) && !placed) {
            if (first == k)
                continue;
            if (single && !anchor)
                continue;
            // Without a place or a name in it, one generic word before the head is not enough
            // (舰艇编队, 普通家庭); two may be (残疾人工作协调委员会).
            if (!anchor && k - first < kMinPlainModifiers)
                continue;
        }
        // A verb inside the name needs a named place or organization before it (自治区 党委 依法
        // 治 区 办); otherwise the name starts after the last verb (召开 委员会 is no name).
        for (size_t j = k; j-- > first;) {
            if (tokens[j].tag == Tag::Verb && !types[j]) {
                // A one-character verb (治) may follow any named word or head; a longer one (召开)
                // only a name at the chain's start.
                bool namedStart = types[first] == EntityType::Location || types[first] == EntityType::Organization;
                for (size_t i = first; i < j && !namedStart && tokens[j].length() == 1; ++i) {
                    namedStart = types[i] == EntityType::Location || types[i] == EntityType::Organization ||
                                 (tokens[i].length() >= 2 && m_heads.isOrgHead(tokens[i]));
                }
                if (!namedStart) {
                    first = j + 1;
                    break;
                }
            }
        }
        if (first == k && types[k] != EntityType::Organization && !body && !placed)
            continue;
        // A leading generic noun is not part of the name unless an anchor follows it.
        while (first < k && !types[first] && !isOrgAnchor(tokens[first], types[first]) &&
               tokens[first].tag == Tag::Noun && tokens[first].length() >= 2 && !anchor)
            ++first;
        // A generic head alone (中心) names no organization.
        if (first == last && m_text.view(tokens[first].start, tokens[last].end) == u"中心")
            continue;
        for (size_t j = first; j <= last; ++j) {
            taken[j] = true;
            types[j] = std::nullopt;
        }
        // Buildings and sites are places: 中国美术馆, 首都体育馆, 北京火车站.
        const QStringView headWord = m_text.view(tokens[last].start, tokens[last].end);
        bool facility = false;
        for (const QString &f : m_rules.facilities.words())
            facility = facility || headWord.endsWith(f);
        spans.push_back(
            Span{tokens[first].start, tokens[last].end, facility ? EntityType::Location : EntityType::Organization});
    }
    for (size_t k = 0; k < n; ++k) {
        if (!taken[k] && types[k])
            spans.push_back(Span{tokens[k].start, tokens[k].end, *types[k]});
    }
}

bool PlaceOrgBuilder::isOrgModifier(const std::vector<Token> &tokens,
                                    const std::vector<std::optional<EntityType>> &types, size_t k) const
{
    const Token &t = tokens[k];
    if (types[k] == EntityType::Location || types[k] == EntityType::Organization)
        return true;
    // 劳拉公司, 罗威汽车公司: a name before a head is the organization's name.
    if (t.kind == TokenKind::Foreign || types[k] == EntityType::Person)
        return true;
    if (types[k].has_value())
        return false;
    if (!isHan(m_text.at(t.start)))
        return false;
    switch (t.tag) {
    case Tag::ProperNoun:
    case Tag::Abbreviation:
    case Tag::Noun:
    case Tag::Attribute:
    case Tag::Place:
    case Tag::WeakPlace:
    case Tag::Organization:
        return true;
    case Tag::Verb:
        // 协调 in 国务院残疾人工作协调委员会, 治 in 市委依法治市办: kept only when a name starts
        // the chain (below). One character only before the unit it acts on (治 + 市), else
        // it is a sentence's verb (驻, 到, 派).
        return t.length() >= 2 || (k + 1 < tokens.size() && tokens[k + 1].length() == 1 &&
                                   QStringView(u"国省市区县旗").contains(QChar(m_text.at(tokens[k + 1].start))));
    case Tag::Other:
        return t.kind == TokenKind::Unknown || m_rules.orgAnchors.contains(m_text.view(t.start, t.end));
    default:
        return m_rules.orgAnchors.contains(m_text.view(t.start, t.end));
    }
}

bool PlaceOrgBuilder::isOrgAnchor(const Token &t, const std::optional<EntityType> &type) const
{
    if (type == EntityType::Location || type == EntityType::Organization || type == EntityType::Person)
        return true;
    // A word the lexicon files as an organization or a place names the body even where its own
    // shape does not (德国联邦 + 铁路局).
    if (t.tag == Tag::ProperNoun || t.tag == Tag::Abbreviation || t.tag == Tag::WeakPlace ||
        t.tag == Tag::Organization || t.tag == Tag::Place)
        return true;
    return m_rules.orgAnchors.contains(m_text.view(t.start, t.end));
}

} // namespace baokan::entities
