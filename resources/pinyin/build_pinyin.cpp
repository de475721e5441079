// SPDX-License-Identifier: MIT
// Build-time tool: writes the toneless pinyin of every ideograph U+3400..U+9FFF, one line per
// code point (empty when ICU cannot read it), for SearchTokenizer. Compiling ICU's Han-Latin
// rules takes most of a second, which every search process would otherwise pay.
//
//   build_pinyin OUTPUT

#include <unicode/translit.h>
#include <unicode/unistr.h>

#include <algorithm>
#include <cstdio>
#include <memory>
#include <string>

int main(int argc, char **argv)
{
    if (argc != 2) {
        std::fprintf(stderr, "usage: build_pinyin OUTPUT\n");
        return 2;
    }
    constexpr UChar32 First = 0x3400;
    constexpr UChar32 Last = 0x9FFF;
    UErrorCode status = U_ZERO_ERROR;
    std::unique_ptr<icu::Transliterator> toLatin(
        icu::Transliterator::createInstance(u"Han-Latin/Names; Latin-ASCII", UTRANS_FORWARD, status));
    if (U_FAILURE(status) || !toLatin) {
        std::fprintf(stderr, "build_pinyin: ICU has no Han-Latin transliterator: %s\n", u_errorName(status));
        return 1;
    }
    std::FILE *out = std::fopen(argv[1], "wb");
    if (!out) {
        std::perror(argv[1]);
        return 1;
    }
    // A few hundred characters per call: ICU edits the string in place, so one huge call spends
    // its time moving the rest of the buffer.
    constexpr UChar32 Chunk = 256;
    for (UChar32 start = First; start <= Last; start += Chunk) {
        icu::UnicodeString text;
        const UChar32 end = std::min(Last + 1, start + Chunk);
        for (UChar32 c = start; c < end; ++c)
            text.append(c).append(u'\n');
        toLatin->transliterate(text);
        std::string utf8;
        text.toUTF8String(utf8);
        int lines = 0;
        std::string syllable;
        for (const char ch : utf8) {
            if (ch == '\n') {
                // Characters ICU cannot read come back unchanged, so they have no letters left.
                std::fprintf(out, "%s\n", syllable.size() <= 6 ? syllable.c_str() : "");
                syllable.clear();
                ++lines;
                continue;
            }
            if (ch >= 'A' && ch <= 'Z')
                syllable += char(ch - 'A' + 'a');
            else if (ch >= 'a' && ch <= 'z')
                syllable += ch;
        }
        if (lines != end - start) {
            std::fprintf(stderr, "build_pinyin: a rule joined lines near U+%04X\n", unsigned(start));
            std::fclose(out);
            return 1;
        }
    }
    return std::fclose(out) == 0 ? 0 : 1;
}
