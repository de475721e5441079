// SPDX-License-Identifier: MIT
#pragma once

#include "entities/lexicon.h"
#include "entities/token.h"

#include <optional>
#include <vector>

namespace baokan::entities {

class OrgHeads;
class PersonNames;
class Sentence;
struct RecognizerRules;

// Turns the segmenter's words into entity candidates: first reshapes them where the lexicon's
// words and the entities disagree (市委书记 → 市委 + 书记, 王 + 黎 → 王黎, 芭芭拉·弗兰克林 whole),
// then gives each token its type, doubting the lexicon's tags where they are known to be noisy.
// Works on one Sentence.
class TokenClassifier
{
public:
    TokenClassifier(const Sentence &text, const Lexicon &lexicon, const RecognizerRules &rules,
                    const PersonNames &names, const OrgHeads &heads);
    void reshape(std::vector<Token> &tokens) const;
    std::optional<EntityType> tokenType(const Token &t) const;

private:
    void joinSplitNames(std::vector<Token> &tokens) const;
    void splitTokens(std::vector<Token> &tokens) const;
    void joinDottedNames(std::vector<Token> &tokens) const;
    std::optional<EntityType> rawTokenType(const Token &t) const;
    bool beforeDateline(const Token &t) const;

    const Sentence &m_text;
    const Lexicon &m_lex;
    const RecognizerRules &m_rules;
    const PersonNames &m_names;
    const OrgHeads &m_heads;
};

} // namespace baokan::entities
