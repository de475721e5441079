// SPDX-License-Identifier: MIT
#pragma once

#include "entities/token.h"

#include <QStringView>

namespace baokan::entities {

class Sentence;
struct RecognizerRules;

// Whether a word ends an organization's name (法院, 厅, 委员会, 足球队) or is shaped like a whole
// one: asked when the lexicon's nt tag is doubted and when names are built on a head. Works on
// one Sentence.
class OrgHeads
{
public:
    OrgHeads(const Sentence &text, const RecognizerRules &rules);
    bool isOrgShaped(QStringView w) const;
    bool isOrgHead(const Token &t) const;

private:
    const Sentence &m_text;
    const RecognizerRules &m_rules;
};

} // namespace baokan::entities
