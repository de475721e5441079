// SPDX-License-Identifier: MIT
#pragma once

#include "entities/wordset.h"

#include <QString>

namespace baokan::entities {

// Hand-written rules: the closed classes of the language that a word list does not mark
// (surnames of two characters, titles, the suffixes that build places and organizations), and
// the world's place names from ICU. Built once on first use, then read-only for all threads.
struct RecognizerRules
{
    WordSet compoundSurnames;
    WordSet posts;      // composed titles: 党委书记, 副厅长, 二级巡视员 …
    WordSet nameBefore; // words after which a name is likely: posts, 记者, 通讯员 …
    WordSet nameAfter;  // words that often follow a name: 说, 表示, 指出 …
    WordSet relativeDates;
    WordSet seasons;            // 夏季, 入秋 …: also after another date (去年夏季)
    WordSet orgHeads;           // multi-character heads of organization names
    QString orgHeadChars;       // one-character heads, taken only as a separate token
    QString placeSuffixChars;   // 省 市 县 …
    WordSet placeSuffixWords;   // 苏木, 嘎查, 自治州 …
    WordSet orgAnchors;         // generic words that start an organization name: 自治区, 全国 …
    WordSet adminOrgs;          // 市委, 省政府 …: organizations without a proper name
    WordSet worldPlaces;        // countries and cities in Chinese, from ICU's locale data
    WordSet honorifics;         // 老, 老师, 先生 …: after a bare surname (李老师 → 李)
    QString thingHeads;         // 杯 赛 性 …: end nouns of things, seldom a given name (尤伯杯, 安全性)
    QString notSurnames;        // 小, 老: prefixes of familiar address, not part of the name
    QString placeAbbreviations; // 中 美 京 藏 …: one character standing for a country or province
    QString travelVerbs;        // 访 来 抵 …: before 华 京 港, the character is the place
    WordSet genericPlaces;      // 城市, 外国 …: the lexicon tags them as places, they name none
    WordSet notOrgHeads;        // 干部, 场所 …: end like an organization, are none
    WordSet genericHeads;       // 公司, 球队 …: after a bare place they name no one organization
    WordSet facilities;         // 馆, 大厦, 火车站 …: organizations' heads that make a building a place
    WordSet placeBefore;        // 在, 抵达, 访问 …: a name after them is a place's
    WordSet notPersonAfter;     // 国家, 组织, 号 …: what they follow is a place, a body or a make

    static const RecognizerRules &get();

private:
    RecognizerRules();
    static WordSet set(const char16_t *words);
    void addWorldPlaces();
};

} // namespace baokan::entities
