// SPDX-License-Identifier: MIT
#include "entities/documentscanner.h"

#include "entities/sentence.h"

namespace baokan::entities {

DocumentScanner::DocumentScanner(const Sentence &text)
    : m_text(text)
{}

void DocumentScanner::scan(std::vector<Span> &spans) const
{
    const int n = m_text.size();
    for (int i = 0; i < n; ++i) {
        if (m_text.at(i) != u'《')
            continue;
        int depth = 1;
        int j = i + 1;
        for (; j < n && j - i < 200; ++j) {
            const char16_t c = m_text.at(j);
            if (c == u'\n' || c == u'\r')
                break;
            if (c == u'《')
                ++depth;
            else if (c == u'》' && --depth == 0)
                break;
        }
        if (j < n && m_text.at(j) == u'》' && depth == 0 && j > i + 1) {
            spans.push_back(Span{i + 1, j, EntityType::Document});
            i = j;
        }
    }
}

// Overlaps: a date or a post wins over what the tokens said; otherwise the earlier, longer one.

} // namespace baokan::entities
