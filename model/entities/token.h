// SPDX-License-Identifier: MIT
#pragma once

#include "entities/lexicon.h"
#include "entities/mention.h"

namespace baokan::entities {

// How the segmenter came to a token: a lexicon word, an unknown character, or a name it
// proposed itself (Chinese or transliterated).
enum class TokenKind : quint8 { Word, Unknown, Person, Foreign };

// One piece of the segmented sentence; offsets in the Sentence's units, end exclusive.
struct Token
{
    int start;
    int end;
    Lexicon::Tag tag;
    TokenKind kind;
    int length() const { return end - start; }
};

// A candidate mention while the rules still argue over it; offsets as in Token.
struct Span
{
    int start;
    int end;
    EntityType type;
};

} // namespace baokan::entities
