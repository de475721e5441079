// SPDX-License-Identifier: MIT
#pragma once

#include <QString>
#include <QStringView>

#include <array>
#include <memory>
#include <vector>

namespace baokan::entities {

// The word list with frequencies and parts of speech, and the character tables derived from it,
// read once from the compiled-in resource built from jieba's dictionary. Read-only after loading,
// so one instance is shared by all threads.
class Lexicon
{
public:
    // The coarse word classes the recognizer distinguishes; everything else is Other.
    enum class Tag : quint8 {
        Other,
        Person,        // nr, nrfg
        ForeignPerson, // nrt
        Place,         // ns
        WeakPlace,     // ns the lexicon does not confirm (治安, 福利 are tagged ns too)
        Organization,  // nt
        ProperNoun,    // nz
        Noun,          // n, ng, vn, an
        Verb,          // v, vd, vi, vg
        Numeral,       // m, mq, q
        Time,          // t, tg
        Abbreviation,  // j
        Attribute,     // b
        Adjective,     // a, ad, ag
        Locality,      // f, s
        Function,      // p, c, u, d, r, y, e, o
    };
    enum class CharTable : quint8 { Surname, Given2, Given3a, Given3b, Given, Translit, TranslitWeak, NameEnd, Count };

    struct Entry
    {
        quint32 freq = 0; // 0: only the prefix of a longer word
        float logP = 0;   // log(freq / total), precomputed for the segmenter
        Tag tag = Tag::Other;
    };

    // Loads on first use; returns the shared instance (empty when the resource is missing).
    static const Lexicon &instance();

    bool isEmpty() const { return m_entries.empty(); }
    // The entry for the exact word, or nullptr when it is neither a word nor a word's prefix.
    const Entry *find(const char16_t *word, int length) const;
    // The same for callers that extend a word one unit at a time: seed with hashSeed(), feed
    // each unit to hashStep(), look up with the running value.
    static quint32 hashSeed() { return 2166136261u; }
    static quint32 hashStep(quint32 h, char16_t c) { return (h ^ c) * 16777619u; }
    const Entry *find(const char16_t *word, int length, quint32 runningHash) const;
    // log P(c) in the given character table; unseen characters get the table's floor.
    float charLogP(CharTable table, char16_t c) const { return m_tables[size_t(table)][c]; }
    bool inTable(CharTable table, char16_t c) const { return m_tables[size_t(table)][c] > m_floor[size_t(table)]; }

    double logTotal() const { return m_logTotal; }
    double logPersonMass() const { return m_logPersonMass; }
    double logForeignMass() const { return m_logForeignMass; }
    double logNameLength(int givenChars) const { return givenChars == 1 ? m_logLen2 : m_logLen3; }
    double logForeignLength(int length) const;
    qint64 loadMilliseconds() const { return m_loadMs; }
    int wordCount() const { return m_wordCount; }

private:
    Lexicon();
    bool load(const QByteArray &data);

    struct Stored
    {
        quint32 offset;
        quint8 length;
        Entry entry;
    };
    std::vector<char16_t> m_pool;
    std::vector<Stored> m_entries;
    struct Slot
    {
        qint32 index = -1; // into m_entries; -1: empty
        quint32 hash = 0;  // compared first, so a probe rarely touches the entry itself
    };
    std::vector<Slot> m_slots;           // open addressing
    std::vector<const Entry *> m_single; // one-character words and prefixes, by code unit
    quint32 m_mask = 0;
    std::array<std::unique_ptr<float[]>, size_t(CharTable::Count)> m_tables;
    std::array<float, size_t(CharTable::Count)> m_floor{};
    double m_logTotal = 0;
    double m_logPersonMass = 0;
    double m_logForeignMass = 0;
    double m_logLen2 = 0;
    double m_logLen3 = 0;
    std::array<double, 8> m_logForeignLen{};
    qint64 m_loadMs = 0;
    int m_wordCount = 0;
};

} // namespace baokan::entities
