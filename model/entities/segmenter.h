// SPDX-License-Identifier: MIT
#pragma once

#include "entities/lexicon.h"
#include "entities/token.h"

#include <vector>

namespace baokan::entities {

class PersonNames;
class Sentence;
struct RecognizerRules;

// Splits a Sentence into words, jieba-style: the most probable route through the lexicon's
// words, where person names the lexicon cannot list (a surname and one or two given-name
// characters, transliterations) compete as candidates scored by the name tables and the
// context. The recognizer's hot loop; one instance per Sentence.
class Segmenter
{
public:
    Segmenter(const Sentence &text, const Lexicon &lexicon, const RecognizerRules &rules, const PersonNames &names);
    std::vector<Token> segment();

private:
    struct Step
    {
        double score;
        int end;
        Lexicon::Tag tag;
        TokenKind kind;
    };

    void segmentBlock(int start, int end);
    void considerNames(int i, int end, Step &best) const;
    // Keeps the route through [i, to) in best when it scores higher.
    void consider(Step &best, int to, double logP, Lexicon::Tag tag, TokenKind kind) const
    {
        const double score = logP + m_route[size_t(to - m_blockStart)].score;
        if (score > best.score)
            best = Step{score, to, tag, kind};
    }

    const Sentence &m_text;
    const Lexicon &m_lex;
    const RecognizerRules &m_rules;
    const PersonNames &m_names;
    std::vector<Token> m_tokens;
    std::vector<Step> m_route;
    std::vector<int> m_translitEnd; // how far a run of name characters reaches from each position
    int m_blockStart = 0;
};

} // namespace baokan::entities
