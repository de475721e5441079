// SPDX-License-Identifier: MIT
#pragma once

#include "entities/wordset.h"

#include <QString>
#include <QStringView>

#include <vector>

namespace baokan::entities {

// The text one recognition works on: spaces between Chinese characters dropped (extraction
// noise), with the way back to the caller's offsets, and the look-ups every rule needs
// (a word of a set starting or ending at a position). One per recognize() call.
class Sentence
{
public:
    explicit Sentence(QStringView text);

    int size() const { return int(m_s.size()); }
    // 0 outside the text, so rules may look one character beyond either end.
    char16_t at(int i) const { return i >= 0 && i < size() ? m_s[size_t(i)] : 0; }
    const char16_t *data() const { return m_s.data(); }
    QStringView view(int start, int end) const
    {
        return QStringView(reinterpret_cast<const QChar *>(m_s.data() + start), qsizetype(end - start));
    }
    QString text(int start, int end) const { return view(start, end).toString(); }
    // The caller's UTF-16 offset of position i (i == size() gives the caller's length).
    int origin(int i) const { return m_origin[size_t(i)]; }

    bool hasAt(const WordSet &set, int start, int length) const
    {
        if (start < 0 || start + length > size())
            return false;
        return set.contains(view(start, start + length));
    }
    // The length of the longest word of set starting at start (ending at end), or 0.
    int startsWith(const WordSet &set, int start) const;
    int endsWith(const WordSet &set, int end) const;

private:
    std::vector<char16_t> m_s;
    std::vector<int> m_origin;
};

} // namespace baokan::entities
