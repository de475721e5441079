// SPDX-License-Identifier: MIT
#pragma once

#include <QtGlobal>

#include <limits>

// The thresholds of the recognizer's rules in one place, so a change to one is seen beside the
// others. Log probabilities are natural logs from the lexicon's tables.
namespace baokan::entities {

inline constexpr int kMaxWordLength = 16;
// Surnames at least this likely (about the 200 most common) may form two-character names freely.
inline constexpr double kCommonSurname = -6.5;
// A word this frequent is a word, not part of a name.
inline constexpr quint32 kCommonWordFreq = 100;
// The least likely pair of given-name characters a listed name may have (log probability).
inline constexpr double kMinGivenLogP = -15.0;
// A listed three-character name this rare is trusted as tagged.
inline constexpr quint32 kRareNameFreq = 100;
// The cost of knowing a given-name character only from another position in the name.
inline constexpr double kBackoff = 1.5;
// Listed two-character names more frequent than this are mostly common words (文明, 高峰).
inline constexpr quint32 kMaxShortNameFreq = 300;
// The same where a verb of speech or a form of address follows.
inline constexpr quint32 kMaxAddressedNameFreq = 1000;
// A character this frequent as a word of its own is taken as that word before a form of address.
inline constexpr double kCommonCharLogP = -8.5;
// Words before an organization's head needed when none of them is a place or a name.
inline constexpr size_t kMinPlainModifiers = 3;
// Listed names rarer than this are taken as tagged without further doubt.
inline constexpr quint32 kSureNameFreq = 20;
// A given name may be a word (宏伟) unless the word is this common (水平, 健康).
inline constexpr quint32 kVeryCommonWordFreq = 1000;
// A common word starting a three-character candidate, and a last character rarer than this in
// names, make a compound.
inline constexpr quint32 kCompoundPrefixFreq = 300;
inline constexpr double kRareNameEndLogP = -7.0;
// The cost of a letter known only from the wider transliteration table inside a long run.
inline constexpr double kWeakLetterCost = 1.0;
// Log odds of a character ending a name rather than another word below which a listed name on
// it is taken for a compound.
inline constexpr double kMinNameEndOdds = -1.0;
// The cost of ending a dotted name right before a typical letter of transliterations.
inline constexpr double kCutNameCost = 4.0;
inline constexpr double kNegInf = -std::numeric_limits<double>::infinity();

} // namespace baokan::entities
