// SPDX-License-Identifier: MIT
#pragma once

#include <QList>
#include <QString>
#include <QStringView>

namespace baokan::entities {

// Converts between QString's UTF-16 positions and the Unicode code points the archive stores.
// Build one per text and convert many positions; any thread, no shared state.
class CodePoints
{
public:
    explicit CodePoints(QStringView text);

    // UTF-16 position → code point position (a position inside a surrogate pair counts as its start).
    int fromUtf16(int utf16) const;
    // code point position → UTF-16 position; clamps to the text.
    int toUtf16(int codePoint) const;
    int length() const { return m_length; }

    static int count(QStringView text);
    // The part of text from code point start to code point end (end exclusive).
    static QString mid(const QString &text, int start, int end);

private:
    QList<int> m_surrogateStarts; // UTF-16 positions of high surrogates, ascending
    int m_utf16Length = 0;
    int m_length = 0;
};

} // namespace baokan::entities
