// SPDX-License-Identifier: MIT
#pragma once

#include <QHash>
#include <QString>
#include <QStringView>

#include <bitset>
#include <vector>

namespace baokan::entities {

// A set of short words looked up by view, without building a QString per lookup: the recognizer
// asks thousands of times per sentence. Built once, then read-only and safe to share between
// threads.
class WordSet
{
public:
    void insert(QStringView word);
    void unite(const WordSet &other);
    // Inline: the segmenter calls it at every position.
    bool contains(QStringView word) const
    {
        if (word.isEmpty() || m_slots.empty() || !m_first.test(word.front().unicode()))
            return false;
        const size_t mask = m_slots.size() - 1;
        for (size_t h = qHash(word) & mask;; h = (h + 1) & mask) {
            const int index = m_slots[h];
            if (index < 0)
                return false;
            if (m_words[size_t(index)] == word)
                return true;
        }
    }
    // Cheap refusals before any hashing: whether some word starts (ends) with c.
    bool mayStartWith(char16_t c) const { return m_first.test(c); }
    bool mayEndWith(char16_t c) const { return m_last.test(c); }
    int maxLength() const { return m_maxLength; }
    const std::vector<QString> &words() const { return m_words; }

private:
    void place(int index);

    std::vector<QString> m_words;
    std::vector<int> m_slots;   // open addressing into m_words; -1: empty
    std::bitset<65536> m_first; // first characters, so most misses cost one bit test
    std::bitset<65536> m_last;  // last characters, for look-ups that end at a position
    int m_maxLength = 0;
};

} // namespace baokan::entities
