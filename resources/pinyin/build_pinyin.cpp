// SPDX-License-Identifier: MIT
// Build-time tool: writes the toneless pinyin readings of every ideograph U+3400..U+9FFF, one
// line per code point, readings separated by spaces, most common first (empty when there is
// none), for SearchTokenizer. A polyphonic character needs all its common readings (区 is qu
// and, as a surname, ou; 长 is chang and zhang): they come from Unihan's modern dictionaries
// (readings.txt, made by make_readings.py), then ICU's Han-Latin and Han-Latin/Names for the
// characters those do not list. Compiling ICU's Han-Latin rules takes most of a second, which
// every search process would otherwise pay.
//
//   build_pinyin READINGS OUTPUT

#include <unicode/translit.h>
#include <unicode/unistr.h>

#include <algorithm>
#include <cstdio>
#include <fstream>
#include <map>
#include <memory>
#include <sstream>
#include <string>
#include <vector>

namespace {

constexpr size_t MaxReadings = 4;

// Toneless ASCII syllables of each character of [first, last], by one transliterator.
bool transliterate(icu::Transliterator &t, UChar32 first, UChar32 last, std::vector<std::string> &out)
{
    // A few hundred characters per call: ICU edits the string in place, so one huge call spends
    // its time moving the rest of the buffer.
    constexpr UChar32 Chunk = 256;
    for (UChar32 start = first; start <= last; start += Chunk) {
        icu::UnicodeString text;
        const UChar32 end = std::min(last + 1, start + Chunk);
        for (UChar32 c = start; c < end; ++c)
            text.append(c).append(u'\n');
        t.transliterate(text);
        std::string utf8;
        text.toUTF8String(utf8);
        int lines = 0;
        std::string syllable;
        for (const char ch : utf8) {
            if (ch == '\n') {
                // Characters ICU cannot read come back unchanged, so they have no letters left.
                out.push_back(syllable.size() <= 6 ? syllable : std::string());
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
            return false;
        }
    }
    return true;
}

} // namespace

int main(int argc, char **argv)
{
    if (argc != 3) {
        std::fprintf(stderr, "usage: build_pinyin READINGS OUTPUT\n");
        return 2;
    }
    constexpr UChar32 First = 0x3400;
    constexpr UChar32 Last = 0x9FFF;
    std::map<UChar32, std::vector<std::string>> unihan;
    {
        std::ifstream in(argv[1]);
        if (!in) {
            std::perror(argv[1]);
            return 1;
        }
        std::string line;
        while (std::getline(in, line)) {
            std::istringstream fields(line);
            std::string code, reading;
            if (!(fields >> code))
                continue;
            auto &readings = unihan[UChar32(std::stoul(code, nullptr, 16))];
            while (fields >> reading)
                readings.push_back(reading);
        }
    }
    std::vector<std::string> plain, names;
    for (const auto &[id, out] :
         {std::pair{u"Han-Latin; Latin-ASCII", &plain}, std::pair{u"Han-Latin/Names; Latin-ASCII", &names}}) {
        UErrorCode status = U_ZERO_ERROR;
        std::unique_ptr<icu::Transliterator> toLatin(icu::Transliterator::createInstance(id, UTRANS_FORWARD, status));
        if (U_FAILURE(status) || !toLatin) {
            std::fprintf(stderr, "build_pinyin: ICU has no Han-Latin transliterator: %s\n", u_errorName(status));
            return 1;
        }
        if (!transliterate(*toLatin, First, Last, *out))
            return 1;
    }
    std::FILE *out = std::fopen(argv[2], "wb");
    if (!out) {
        std::perror(argv[2]);
        return 1;
    }
    for (UChar32 c = First; c <= Last; ++c) {
        std::vector<std::string> readings;
        if (const auto found = unihan.find(c); found != unihan.end())
            readings = found->second;
        for (const std::string &r : {plain[size_t(c - First)], names[size_t(c - First)]}) {
            if (!r.empty() && std::find(readings.begin(), readings.end(), r) == readings.end())
                readings.push_back(r);
        }
        if (readings.size() > MaxReadings)
            readings.resize(MaxReadings);
        std::string line;
        for (const std::string &r : readings)
            line += (line.empty() ? "" : " ") + r;
        std::fprintf(out, "%s\n", line.c_str());
    }
    return std::fclose(out) == 0 ? 0 : 1;
}
