// SPDX-License-Identifier: MIT
#pragma once

#include <sqlite3.h>

namespace baokan::store {

// The FTS5 extension API of a connection, through which our tokenizer and ranking function are
// registered (SQLite's documented way: `SELECT fts5(?1)` with a bound pointer); null without FTS5.
inline fts5_api *fts5Api(sqlite3 *db)
{
    fts5_api *api = nullptr;
    sqlite3_stmt *stmt = nullptr;
    if (sqlite3_prepare_v2(db, "SELECT fts5(?1)", -1, &stmt, nullptr) != SQLITE_OK)
        return nullptr;
    sqlite3_bind_pointer(stmt, 1, &api, "fts5_api_ptr", nullptr);
    sqlite3_step(stmt);
    sqlite3_finalize(stmt);
    return api;
}

} // namespace baokan::store
