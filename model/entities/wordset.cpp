// SPDX-License-Identifier: MIT
#include "entities/wordset.h"

#include <algorithm>

namespace baokan::entities {

void WordSet::insert(QStringView word)
{
    if (word.isEmpty() || contains(word))
        return;
    m_words.push_back(word.toString());
    m_maxLength = std::max(m_maxLength, int(word.size()));
    m_first.set(word.front().unicode());
    m_last.set(word.back().unicode());
    if (m_words.size() * 2 > m_slots.size()) {
        m_slots.assign(std::max<size_t>(16, m_slots.size() * 2), -1);
        for (size_t i = 0; i < m_words.size(); ++i)
            place(int(i));
    } else {
        place(int(m_words.size() - 1));
    }
}

void WordSet::unite(const WordSet &other)
{
    for (const QString &w : other.m_words)
        insert(w);
}

void WordSet::place(int index)
{
    const size_t mask = m_slots.size() - 1;
    size_t h = qHash(QStringView(m_words[size_t(index)])) & mask;
    while (m_slots[h] >= 0)
        h = (h + 1) & mask;
    m_slots[h] = index;
}

} // namespace baokan::entities
