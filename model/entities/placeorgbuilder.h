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

// Builds the entities that span several tokens: one-character country names beside another
// (中美), places from a stem and an administrative suffix (绵阳 + 市, 赛汗 + 苏木), and
// organizations from a head with the chain of places and names before it
// (包头市 + 中级人民法院, 自治区 + 司法厅). Works on one Sentence's tokens and their types.
class PlaceOrgBuilder
{
public:
    PlaceOrgBuilder(const Sentence &text, const Lexicon &lexicon, const RecognizerRules &rules,
                    const PersonNames &names, const OrgHeads &heads);
    // Emits every typed token into spans, organizations and suffixed places whole.
    void build(std::vector<Token> &tokens, std::vector<std::optional<EntityType>> &types,
               std::vector<Span> &spans) const;

private:
    void markCountryAbbreviations(const std::vector<Token> &tokens,
                                  std::vector<std::optional<EntityType>> &types) const;
    void joinPlaceSuffixes(std::vector<Token> &tokens, std::vector<std::optional<EntityType>> &types) const;
    void buildOrganizations(const std::vector<Token> &tokens, std::vector<std::optional<EntityType>> &types,
                            std::vector<Span> &spans) const;
    bool isOrgModifier(const std::vector<Token> &tokens, const std::vector<std::optional<EntityType>> &types,
                       size_t k) const;
    bool isOrgAnchor(const Token &t, const std::optional<EntityType> &type) const;

    const Sentence &m_text;
    const Lexicon &m_lex;
    const RecognizerRules &m_rules;
    const PersonNames &m_names;
    const OrgHeads &m_heads;
};

} // namespace baokan::entities
