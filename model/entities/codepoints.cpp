// SPDX-License-Identifier: MIT
#include "entities/codepoints.h"

#include <algorithm>

namespace baokan::entities {

CodePoints::CodePoints(QStringView text)
    : m_utf16Length(int(text.size()))
{
    // Only the (rare) pairs are remembered, so Chinese text of the BMP costs one pass and no memory.
    for (int i = 0; i + 1 < text.size(); ++i) {
        if (text[i].isHighSurrogate() && text[i + 1].isLowSurrogate()) {
            m_surrogateStarts.append(i);
            ++i;
        }
    }
    m_length = m_utf16Length - int(m_surrogateStarts.size());
}

int CodePoints::fromUtf16(int utf16) const
{
    utf16 = std::clamp(utf16, 0, m_utf16Length);
    // Each pair starting before utf16 shrinks the position by one, which also maps a position
    // inside a pair to the pair's own code point.
    const auto before = std::lower_bound(m_surrogateStarts.begin(), m_surrogateStarts.end(), utf16);
    return utf16 - int(before - m_surrogateStarts.begin());
}

int CodePoints::toUtf16(int codePoint) const
{
    codePoint = std::clamp(codePoint, 0, m_length);
    int utf16 = codePoint;
    for (int start : m_surrogateStarts) {
        if (start < utf16)
            ++utf16;
        else
            break;
    }
    return std::min(utf16, m_utf16Length);
}

int CodePoints::count(QStringView text)
{
    return CodePoints(text).length();
}

QString CodePoints::mid(const QString &text, int start, int end)
{
    const CodePoints cp(text);
    const int from = cp.toUtf16(start);
    return text.mid(from, cp.toUtf16(end) - from);
}

} // namespace baokan::entities
