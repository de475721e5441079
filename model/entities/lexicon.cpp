// SPDX-License-Identifier: MIT
#include "entities/lexicon.h"

#include <QElapsedTimer>
#include <QFile>
#include <QHash>
#include <QLoggingCategory>

#include <cmath>
#include <cstring>

Q_LOGGING_CATEGORY(lcLexicon, "baokan.entities")

namespace baokan::entities {

namespace {

class Reader
{
public:
    explicit Reader(const QByteArray &data)
        : m_data(data.constData())
        , m_end(data.constData() + data.size())
    {}
    template<typename T>
    T read()
    {
        T value{};
        if (m_end - m_data < qsizetype(sizeof(T))) {
            m_ok = false;
            return value;
        }
        std::memcpy(&value, m_data, sizeof(T));
        m_data += sizeof(T);
        return value;
    }
    QByteArray bytes(int n)
    {
        if (m_end - m_data < n) {
            m_ok = false;
            return {};
        }
        QByteArray b(m_data, n);
        m_data += n;
        return b;
    }
    const char *take(int n)
    {
        if (m_end - m_data < n) {
            m_ok = false;
            return nullptr;
        }
        const char *p = m_data;
        m_data += n;
        return p;
    }
    bool ok() const { return m_ok; }

private:
    const char *m_data;
    const char *m_end;
    bool m_ok = true;
};

Lexicon::Tag tagFromName(const QByteArray &name)
{
    static const QHash<QByteArray, Lexicon::Tag> tags = {
        {"nr", Lexicon::Tag::Person},      {"nrfg", Lexicon::Tag::Person},   {"nrt", Lexicon::Tag::ForeignPerson},
        {"ns", Lexicon::Tag::Place},       {"nsx", Lexicon::Tag::WeakPlace}, {"nt", Lexicon::Tag::Organization},
        {"nz", Lexicon::Tag::ProperNoun},  {"n", Lexicon::Tag::Noun},        {"ng", Lexicon::Tag::Noun},
        {"vn", Lexicon::Tag::Noun},        {"an", Lexicon::Tag::Noun},       {"v", Lexicon::Tag::Verb},
        {"vd", Lexicon::Tag::Verb},        {"vi", Lexicon::Tag::Verb},       {"vg", Lexicon::Tag::Verb},
        {"vq", Lexicon::Tag::Verb},        {"m", Lexicon::Tag::Numeral},     {"mq", Lexicon::Tag::Numeral},
        {"q", Lexicon::Tag::Numeral},      {"t", Lexicon::Tag::Time},        {"tg", Lexicon::Tag::Time},
        {"j", Lexicon::Tag::Abbreviation}, {"b", Lexicon::Tag::Attribute},   {"a", Lexicon::Tag::Adjective},
        {"ad", Lexicon::Tag::Adjective},   {"ag", Lexicon::Tag::Adjective},  {"f", Lexicon::Tag::Locality},
        {"s", Lexicon::Tag::Locality},     {"p", Lexicon::Tag::Function},    {"c", Lexicon::Tag::Function},
        {"u", Lexicon::Tag::Function},     {"d", Lexicon::Tag::Function},    {"r", Lexicon::Tag::Function},
        {"y", Lexicon::Tag::Function},     {"e", Lexicon::Tag::Function},    {"o", Lexicon::Tag::Function},
    };
    return tags.value(name, Lexicon::Tag::Other);
}

quint32 finish(quint32 h)
{
    return h ^ (h >> 15);
}

quint32 hashUnits(const char16_t *s, int n)
{
    quint32 h = Lexicon::hashSeed();
    for (int i = 0; i < n; ++i)
        h = Lexicon::hashStep(h, s[i]);
    return finish(h);
}

} // namespace

const Lexicon &Lexicon::instance()
{
    // A function-local static is initialized once even when several threads ask at the same time.
    static const Lexicon lexicon;
    return lexicon;
}

Lexicon::Lexicon()
{
    QElapsedTimer timer;
    timer.start();
    QFile file(QStringLiteral(":/lexicon/jieba.bin"));
    bool ok = file.open(QIODevice::ReadOnly) && load(file.readAll());
    if (!ok) {
        qCWarning(lcLexicon) << "the compiled-in lexicon is missing or damaged; recognizing by rules only";
        m_entries.clear();
        m_slots.assign(1, Slot{});
        m_mask = 0;
        for (size_t t = 0; t < m_tables.size(); ++t) {
            m_tables[t].reset(new float[65536]);
            std::fill_n(m_tables[t].get(), 65536, -20.0f);
            m_floor[t] = -20.0f;
        }
    }
    m_loadMs = timer.elapsed();
}

bool Lexicon::load(const QByteArray &data)
{
    Reader r(data);
    if (r.bytes(4) != "BKLX" || r.read<quint32>() != 1)
        return false;
    const quint32 tagCount = r.read<quint32>();
    std::vector<Tag> tags;
    for (quint32 i = 0; i < tagCount && r.ok(); ++i)
        tags.push_back(tagFromName(r.bytes(r.read<quint8>())));

    const quint32 count = r.read<quint32>();
    if (!r.ok() || count > 10'000'000)
        return false;
    m_entries.reserve(count);
    m_pool.reserve(size_t(count) * 3);
    for (quint32 i = 0; i < count && r.ok(); ++i) {
        const quint8 length = r.read<quint8>();
        const quint8 tag = r.read<quint8>();
        const quint32 freq = r.read<quint32>();
        const char *units = r.take(2 * length);
        if (!units)
            return false;
        Stored s{quint32(m_pool.size()), length, Entry{freq, 0.0f, tag < tags.size() ? tags[tag] : Tag::Other}};
        const size_t at = m_pool.size();
        m_pool.resize(at + length);
        std::memcpy(m_pool.data() + at, units, 2 * size_t(length));
        m_entries.push_back(s);
        if (freq > 0)
            ++m_wordCount;
    }
    quint32 capacity = 1;
    while (capacity < m_entries.size() * 2)
        capacity <<= 1;
    m_mask = capacity - 1;
    m_slots.assign(capacity, Slot{});
    for (size_t i = 0; i < m_entries.size(); ++i) {
        const Stored &s = m_entries[i];
        const quint32 hash = hashUnits(m_pool.data() + s.offset, s.length);
        quint32 h = hash & m_mask;
        while (m_slots[h].index >= 0)
            h = (h + 1) & m_mask;
        m_slots[h] = Slot{qint32(i), hash};
    }

    const quint32 tableCount = r.read<quint32>();
    static const QByteArray names[] = {"surname", "given2",   "given3a",      "given3b",
                                       "given",   "translit", "translitWeak", "nameEnd"};
    for (quint32 t = 0; t < tableCount && r.ok(); ++t) {
        const QByteArray name = r.bytes(r.read<quint8>());
        const float unseen = r.read<float>();
        const quint32 rows = r.read<quint32>();
        int index = -1;
        for (int k = 0; k < int(CharTable::Count); ++k) {
            if (names[k] == name)
                index = k;
        }
        std::unique_ptr<float[]> table(new float[65536]);
        std::fill_n(table.get(), 65536, unseen);
        for (quint32 k = 0; k < rows && r.ok(); ++k) {
            const quint16 c = r.read<quint16>();
            table[c] = r.read<float>();
        }
        if (index >= 0) {
            m_tables[size_t(index)] = std::move(table);
            m_floor[size_t(index)] = unseen;
        }
    }
    for (const auto &table : m_tables) {
        if (!table)
            return false;
    }
    const quint32 constantCount = r.read<quint32>();
    for (quint32 k = 0; k < constantCount && r.ok(); ++k) {
        const QByteArray name = r.bytes(r.read<quint8>());
        const double value = r.read<double>();
        if (name == "logTotal")
            m_logTotal = value;
        else if (name == "logPersonMass")
            m_logPersonMass = value;
        else if (name == "logForeignMass")
            m_logForeignMass = value;
        else if (name == "logLen2")
            m_logLen2 = value;
        else if (name == "logLen3")
            m_logLen3 = value;
        else if (name.startsWith("logForeignLen")) {
            const int n = name.mid(13).toInt();
            if (n >= 0 && n < int(m_logForeignLen.size()))
                m_logForeignLen[size_t(n)] = value;
        }
    }
    m_single.assign(65536, nullptr);
    for (Stored &s : m_entries) {
        if (s.entry.freq > 0)
            s.entry.logP = float(std::log(double(s.entry.freq)) - m_logTotal);
        if (s.length == 1)
            m_single[m_pool[s.offset]] = &s.entry;
    }
    return r.ok();
}

const Lexicon::Entry *Lexicon::find(const char16_t *word, int length) const
{
    if (length <= 0 || length > 255)
        return nullptr;
    quint32 h = hashSeed();
    for (int i = 0; i < length; ++i)
        h = hashStep(h, word[i]);
    return find(word, length, h);
}

const Lexicon::Entry *Lexicon::find(const char16_t *word, int length, quint32 runningHash) const
{
    if (m_entries.empty() || length <= 0 || length > 255)
        return nullptr;
    // One character is asked at every position: a direct table spares the hash probe's cache miss.
    if (length == 1)
        return m_single[word[0]];
    const quint32 hash = finish(runningHash);
    for (quint32 h = hash & m_mask;; h = (h + 1) & m_mask) {
        const Slot &slot = m_slots[h];
        if (slot.index < 0)
            return nullptr;
        if (slot.hash != hash)
            continue;
        const Stored &s = m_entries[size_t(slot.index)];
        if (s.length != length)
            continue;
        const char16_t *stored = m_pool.data() + s.offset;
        int k = 0;
        while (k < length && stored[k] == word[k])
            ++k;
        if (k == length)
            return &s.entry;
    }
}

double Lexicon::logForeignLength(int length) const
{
    if (length < 2)
        return m_logForeignLen[2] - 3;
    return m_logForeignLen[size_t(std::min(length, 7))];
}

} // namespace baokan::entities
