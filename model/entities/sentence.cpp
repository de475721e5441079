// SPDX-License-Identifier: MIT
#include "entities/sentence.h"

#include "entities/hanchars.h"

#include <algorithm>

namespace baokan::entities {

Sentence::Sentence(QStringView text)
{
    // Spaces between two Chinese characters are extraction noise (`海淀 区`): drop them and
    // remember where each kept character came from.
    const int n = int(text.size());
    m_s.reserve(size_t(n));
    m_origin.reserve(size_t(n) + 1);
    for (int i = 0; i < n; ++i) {
        const char16_t c = text[i].unicode();
        if (isSpace(c) && i > 0 && i + 1 < n && isHan(text[i - 1].unicode())) {
            int j = i;
            while (j < n && isSpace(text[j].unicode()))
                ++j;
            if (j < n && isHan(text[j].unicode()) && j - i <= 2) {
                i = j - 1;
                continue;
            }
        }
        m_s.push_back(c);
        m_origin.push_back(i);
    }
    m_origin.push_back(n);
}

int Sentence::startsWith(const WordSet &set, int start) const
{
    if (start < 0 || start >= size() || !set.mayStartWith(at(start)))
        return 0;
    for (int len = std::min(set.maxLength(), size() - start); len >= 1; --len) {
        if (hasAt(set, start, len))
            return len;
    }
    return 0;
}

int Sentence::endsWith(const WordSet &set, int end) const
{
    if (end <= 0 || end > size() || !set.mayEndWith(at(end - 1)))
        return 0;
    for (int len = std::min(set.maxLength(), end); len >= 1; --len) {
        if (hasAt(set, end - len, len))
            return len;
    }
    return 0;
}

} // namespace baokan::entities
