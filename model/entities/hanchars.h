// SPDX-License-Identifier: MIT
#pragma once

#include <QStringView>

// Character classes the recognizer asks about at every position; inline because they sit in the
// segmenter's inner loop.
namespace baokan::entities {

inline bool isHan(char16_t c)
{
    return (c >= 0x4E00 && c <= 0x9FFF) || (c >= 0x3400 && c <= 0x4DBF) || (c >= 0xF900 && c <= 0xFAFF) || c == 0x3007;
}

// The dot between the parts of a transliterated name (卡洛斯·阿马特) comes in many code points.
inline bool isNameDot(char16_t c)
{
    return c == 0x00B7 || c == 0x2022 || c == 0x30FB || c == 0xFF65 || c == 0x2027 || c == 0x2219;
}

inline bool isSpace(char16_t c)
{
    return c == u' ' || c == 0x3000 || c == u'\t' || c == 0x00A0;
}

inline bool isDigit(char16_t c)
{
    return (c >= u'0' && c <= u'9') || (c >= 0xFF10 && c <= 0xFF19);
}

inline bool isChineseDigit(char16_t c)
{
    return QStringView(u"〇零一二三四五六七八九").contains(QChar(c));
}

inline bool isChineseNumber(char16_t c)
{
    return isChineseDigit(c) || c == u'十' || c == u'两';
}

} // namespace baokan::entities
