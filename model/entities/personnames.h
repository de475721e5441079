// SPDX-License-Identifier: MIT
#pragma once

#include "entities/lexicon.h"
#include "entities/recognizerrules.h"
#include "entities/recognizertuning.h"
#include "entities/token.h"

#include <vector>

namespace baokan::entities {

class Sentence;

// Whether a stretch of text reads as a person's name: surname and given-name statistics from
// the lexicon, the words around it that call for a name (posts before it, verbs of speech after
// it), and the compounds the lexicon wrongly files as names. Asked by the segmenter while it
// scores candidates and by the token classifier; works on one Sentence.
class PersonNames
{
public:
    PersonNames(const Sentence &text, const Lexicon &lexicon, const RecognizerRules &rules);

    // How strongly the words around [start, end) call for a name (0: not at all, 3: a post).
    double nameContext(int start, int end) const;
    bool isWordAt(int i, int length) const;
    // Whether the longest word at i is a verb or a common adverb.
    bool startsVerb(int i) const;
    // Inline: asked at every position of the segmenter.
    bool isSurname(char16_t c) const
    {
        return m_lex.inTable(Lexicon::CharTable::Surname, c) && !m_rules.notSurnames.contains(QChar(c));
    }
    double singleCharLogP(char16_t c) const;
    // Whether position i starts a new word: after punctuation or a function word (他, 的, 和).
    bool isBoundaryWord(int i) const;
    // Whether a dictionary word tagged as a person looks like a Chinese name: the tag alone is
    // noisy in jieba's lexicon (文明, 权威 carry it too).
    bool isChineseName(const Token &t, const Lexicon::Entry *e) const;
    bool looksCompound(int start, int end) const;
    // Whether [start, end) reads as a phrase rather than a name: its last character repeats its
    // first (越飞越), or its first ends a common word begun before it (吸纳百川).
    bool joinsWordBefore(int start, int end) const;
    bool isCommonWord(int start, int end, quint32 minFreq = kCommonWordFreq) const;
    bool isForeignName(const Token &t) const;
    // In a list of people (甲、乙和丙) an item next to a name that reads as a Chinese name is one,
    // though alone it would be too weak.
    void addListedNames(std::vector<Span> &spans) const;

private:
    const Sentence &m_text;
    const Lexicon &m_lex;
    const RecognizerRules &m_rules;
};

} // namespace baokan::entities
