// SPDX-License-Identifier: MIT
#pragma once

#include <QString>

namespace baokan::text {

// Small pure functions that undo what PDF extraction did to a page's text. Each does one thing;
// the page parser decides in which order to apply them. Usable from any thread.
class TextCleaner
{
public:
    // "\r\n" and "\r" become "\n".
    static QString normalizeLineEnds(const QString &text);
};

} // namespace baokan::text
