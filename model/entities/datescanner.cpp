// SPDX-License-Identifier: MIT
#include "entities/datescanner.h"

#include "entities/hanchars.h"
#include "entities/recognizerrules.h"
#include "entities/sentence.h"

namespace baokan::entities {

DateScanner::DateScanner(const Sentence &text, const RecognizerRules &rules)
    : m_text(text)
    , m_rules(rules)
{}

bool DateScanner::isRangeMark(char16_t c)
{
    return c == u'至' || c == u'—' || c == u'-' || c == u'–' || c == u'~' || c == u'～' || c == 0x2015 || c == 0xFF0D;
}

int DateScanner::dateComponent(int i, char16_t *unit) const
{
    int j = i;
    if (isDigit(m_text.at(j))) {
        while (isDigit(m_text.at(j)))
            ++j;
    } else if (isChineseNumber(m_text.at(j))) {
        while (isChineseNumber(m_text.at(j)))
            ++j;
    } else {
        return -1;
    }
    const int digits = j - i;
    const char16_t u = m_text.at(j);
    const bool arabic = isDigit(m_text.at(i));
    if (u == u'年') {
        if (m_text.at(j + 1) == u'代') {
            *unit = u'代';
            return j + 2;
        }
        // A year has 2–4 digits and no 十 (三十年 is a duration).
        for (int k = i; k < j; ++k) {
            if (!arabic && !isChineseDigit(m_text.at(k)))
                return -1;
        }
        if (digits < 2 || digits > 4 || m_text.at(j + 1) == u'来' || m_text.at(j + 1) == u'间' ||
            m_text.at(j + 1) == u'前')
            return -1;
        // 20年 and 三十年 are mostly durations; a year has four digits unless a month follows.
        if (digits < 4 && !(isDigit(m_text.at(j + 1)) || isChineseNumber(m_text.at(j + 1))))
            return -1;
        *unit = u;
        return j + 1;
    }
    if (u == u'世' && m_text.at(j + 1) == u'纪') {
        *unit = u'纪';
        return j + 2;
    }
    if (u == u'月' || u == u'日' || u == u'号') {
        if (digits > 3 || (arabic && digits > 2))
            return -1;
        *unit = u;
        return u == u'月' && m_text.at(j + 1) == u'份' ? j + 2 : j + 1;
    }
    return -1;
}

void DateScanner::scan(std::vector<Span> &spans) const
{
    const int n = m_text.size();
    int i = 0;
    while (i < n) {
        char16_t unit = 0;
        // Numbers inside longer numbers are not dates (1234567年 or 第3号).
        const bool boundary = !isDigit(m_text.at(i - 1)) &&
                              !(isChineseNumber(m_text.at(i)) && isChineseNumber(m_text.at(i - 1))) &&
                              m_text.at(i - 1) != u'第';
        int end = boundary ? dateComponent(i, &unit) : -1;
        int start = i;
        if (end < 0 && boundary) {
            // "2023—2027年": a bare year before a range mark.
            int j = i;
            while (isDigit(m_text.at(j)))
                ++j;
            if (j - i == 4 && isRangeMark(m_text.at(j)) && dateComponent(j + 1, &unit) > 0 && unit == u'年')
                end = dateComponent(j + 1, &unit);
        }
        int relative = 0;
        if (end < 0) {
            relative = m_text.startsWith(m_rules.relativeDates, i);
            if (relative > 0)
                end = i + relative;
        }
        if (end < 0) {
            ++i;
            continue;
        }
        // Further components and ranges: 2023年11月14日, 11月16日至17日, 11月至12月.
        for (;;) {
            char16_t next = 0;
            const int more = dateComponent(end, &next);
            if (more > 0) {
                end = more;
                continue;
            }
            if (isRangeMark(m_text.at(end))) {
                const int ranged = dateComponent(end + 1, &next);
                if (ranged > 0) {
                    end = ranged;
                    continue;
                }
            }
            const int rel = m_text.startsWith(m_rules.relativeDates, end);
            if (rel > 0 && (relative == 0 || m_text.startsWith(m_rules.seasons, end) == rel)) {
                relative = rel;
                end += rel;
                continue;
            }
            break;
        }
        spans.push_back(Span{start, end, EntityType::Date});
        i = end;
    }
}

} // namespace baokan::entities
