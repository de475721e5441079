// SPDX-License-Identifier: MIT
#include "store/searchrank.h"

#include "store/fts5api.h"

#include <sqlite3.h>

#include <algorithm>
#include <vector>

namespace baokan::store {

namespace {

// BM25's usual constants: how fast repeats stop counting, how much length normalises.
constexpr double K1 = 1.2;
constexpr double B = 0.75;

void rank(const Fts5ExtensionApi *api, Fts5Context *fts, sqlite3_context *context, int valueCount,
          sqlite3_value **values)
{
    const int columns = api->xColumnCount(fts);
    const int phrases = api->xPhraseCount(fts);
    int instances = 0;
    int rc = api->xInstCount(fts, &instances);
    std::vector<int> frequency(size_t(columns) * size_t(phrases), 0);
    for (int i = 0; rc == SQLITE_OK && i < instances; ++i) {
        int phrase = 0, column = 0, offset = 0;
        rc = api->xInst(fts, i, &phrase, &column, &offset);
        if (rc == SQLITE_OK && phrase >= 0 && phrase < phrases && column >= 0 && column < columns)
            ++frequency[size_t(phrase) * size_t(columns) + size_t(column)];
    }
    sqlite3_int64 rows = 0;
    if (rc == SQLITE_OK)
        rc = api->xRowCount(fts, &rows);
    double score = 0;
    for (int column = 0; rc == SQLITE_OK && column < columns; ++column) {
        const double weight = column < valueCount ? sqlite3_value_double(values[column]) : 1.0;
        if (weight == 0)
            continue;
        int length = 0;
        sqlite3_int64 total = 0;
        rc = api->xColumnSize(fts, column, &length);
        if (rc == SQLITE_OK)
            rc = api->xColumnTotalSize(fts, column, &total);
        if (rc != SQLITE_OK)
            break;
        const double average = rows > 0 && total > 0 ? double(total) / double(rows) : 1.0;
        const double norm = K1 * (1 - B + B * double(std::max(length, 0)) / average);
        for (int phrase = 0; phrase < phrases; ++phrase) {
            const int f = frequency[size_t(phrase) * size_t(columns) + size_t(column)];
            if (f > 0)
                score += weight * f * (K1 + 1) / (f + norm);
        }
    }
    if (rc != SQLITE_OK)
        sqlite3_result_error_code(context, rc);
    else
        sqlite3_result_double(context, -score);
}

} // namespace

bool SearchRank::registerWith(sqlite3 *db, QString *error)
{
    fts5_api *api = fts5Api(db);
    if (!api || api->iVersion < 2 || api->xCreateFunction(api, "baokan_rank", nullptr, rank, nullptr) != SQLITE_OK) {
        if (error)
            *error =
                QStringLiteral("cannot register the search ranking: %1").arg(QString::fromUtf8(sqlite3_errmsg(db)));
        return false;
    }
    return true;
}

} // namespace baokan::store
