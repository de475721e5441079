// SPDX-License-Identifier: MIT
#pragma once

#include <QString>

struct sqlite3;

namespace baokan::store {

// The FTS5 ranking function `baokan_rank(table, weight...)`: BM25's term-frequency part, with
// column weights and length normalisation, but without the inverse document frequency. bm25()
// learns that by reading each phrase's whole posting list once per query, which for a word in
// half of a million articles costs more than scoring the few thousand rows relevance sort looks
// at. Lower is better, as for bm25(). Register on every connection; stateless and thread-safe.
class SearchRank
{
public:
    static bool registerWith(sqlite3 *db, QString *error);
};

} // namespace baokan::store
