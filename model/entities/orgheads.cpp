// SPDX-License-Identifier: MIT
#include "entities/orgheads.h"

#include "entities/recognizerrules.h"
#include "entities/sentence.h"

namespace baokan::entities {

using Tag = Lexicon::Tag;

OrgHeads::OrgHeads(const Sentence &text, const RecognizerRules &rules)
    : m_text(text)
    , m_rules(rules)
{}

bool OrgHeads::isOrgShaped(QStringView w) const
{
    if (m_rules.adminOrgs.contains(w))
        return true;
    if (m_rules.notOrgHeads.contains(w) || (w.size() > 2 && m_rules.notOrgHeads.contains(w.right(2))))
        return false;
    for (int k = 2; k <= 4 && k < w.size(); ++k) {
        if (m_rules.orgHeads.contains(w.right(k)))
            return true;
    }
    return m_rules.orgHeadChars.contains(w.back()) || QStringView(u"会所处行台系盟军央联协际议织大").contains(w.back());
}

bool OrgHeads::isOrgHead(const Token &t) const
{
    if (t.kind != TokenKind::Word && t.kind != TokenKind::Unknown)
        return false;
    const QStringView w = m_text.view(t.start, t.end);
    if (m_rules.notOrgHeads.contains(w) || (w.size() > 2 && m_rules.notOrgHeads.contains(w.right(2))))
        return false;
    if (m_rules.orgHeads.contains(w))
        return true;
    if (t.length() == 1)
        return m_rules.orgHeadChars.contains(QChar(m_text.at(t.start)));
    // jieba tags some bodies of government as verbs or names (禁毒署, 宣传部); their last
    // character gives them away.
    if (t.length() >= 3 && (t.tag == Tag::Verb || t.tag == Tag::Person || t.tag == Tag::ProperNoun) &&
        QStringView(u"部局厅署委办").contains(w.back()))
        return true;
    if (t.tag != Tag::Noun && t.tag != Tag::Organization && t.tag != Tag::Other)
        return false;
    // Words built on a head: 足球队, 农林部, 技术监督局.
    for (int k = 2; k <= 4 && k < t.length(); ++k) {
        if (m_rules.orgHeads.contains(w.right(k)))
            return true;
    }
    return m_rules.orgHeadChars.contains(w.back()) && t.length() <= 4;
}

} // namespace baokan::entities
