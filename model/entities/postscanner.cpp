// SPDX-License-Identifier: MIT
#include "entities/postscanner.h"

#include "entities/recognizerrules.h"
#include "entities/sentence.h"

#include <algorithm>

namespace baokan::entities {

PostScanner::PostScanner(const Sentence &text, const RecognizerRules &rules, const std::vector<Token> &tokens)
    : m_text(text)
    , m_rules(rules)
    , m_tokens(tokens)
{}

void PostScanner::scan(std::vector<Span> &spans) const
{
    // Posts start at a token boundary and end at one, longest first.
    std::vector<bool> boundary(size_t(m_text.size()) + 1, false);
    for (const Token &t : m_tokens) {
        boundary[size_t(t.start)] = true;
        boundary[size_t(t.end)] = true;
    }
    for (size_t k = 0; k < m_tokens.size(); ++k) {
        const int start = m_tokens[k].start;
        for (int len = std::min(m_rules.posts.maxLength(), m_text.size() - start); len >= 2; --len) {
            if (!boundary[size_t(start + len)])
                continue;
            if (m_text.hasAt(m_rules.posts, start, len)) {
                spans.push_back(Span{start, start + len, EntityType::Post});
                while (k + 1 < m_tokens.size() && m_tokens[k + 1].start < start + len)
                    ++k;
                break;
            }
        }
    }
}

} // namespace baokan::entities
