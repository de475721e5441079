// SPDX-License-Identifier: MIT
#pragma once

#include "entities/token.h"

#include <vector>

namespace baokan::entities {

class Sentence;
struct RecognizerRules;

// Posts and offices (厅长, 党委书记, 二级巡视员) from the title table, longest first, starting and
// ending where the segmenter put a word boundary so 书记员 is not read as 书记. Works on one
// Sentence.
class PostScanner
{
public:
    PostScanner(const Sentence &text, const RecognizerRules &rules, const std::vector<Token> &tokens);
    void scan(std::vector<Span> &spans) const;

private:
    const Sentence &m_text;
    const RecognizerRules &m_rules;
    const std::vector<Token> &m_tokens;
};

} // namespace baokan::entities
