// SPDX-License-Identifier: MIT
#pragma once

#include "entities/token.h"

#include <vector>

namespace baokan::entities {

class Sentence;
struct RecognizerRules;

// Dates by pattern: years, months and days in Arabic or Chinese numerals, ranges (11月16日至17日,
// 2023—2027年) and relative dates (今年, 上旬). Works on one Sentence; not shared between threads.
class DateScanner
{
public:
    DateScanner(const Sentence &text, const RecognizerRules &rules);
    void scan(std::vector<Span> &spans) const;

private:
    static bool isRangeMark(char16_t c);
    // A number followed by a date unit at i; returns the end or -1. unit receives the unit char.
    int dateComponent(int i, char16_t *unit) const;

    const Sentence &m_text;
    const RecognizerRules &m_rules;
};

} // namespace baokan::entities
