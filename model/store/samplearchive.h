// SPDX-License-Identifier: MIT
#pragma once

#include <QString>

namespace baokan::store {

class Database;

// The archive a new user starts with: the default archive's location, and the bundled sample
// pages (:/sample/*.txt, each file one issue) put into it on first start. Any thread that owns a
// connection of the Database.
class SampleArchive
{
public:
    // AppDataLocation/baokan.sqlite. The application and organization names must be set first
    // (both "baokan"), as the window and the verbs do, so they find the same file.
    static QString defaultPath();

    // Imports the sample pages when the archive holds no issue; does nothing otherwise, so the
    // user's own archive is never touched. Returns false and sets *error when the import failed.
    static bool fillIfEmpty(const Database *db, QString *error = nullptr);

    // Opens (creating when missing) the archive at path; a new default archive gets the samples.
    // For the window and the verbs, so both start the same way.
    static bool prepare(Database *db, QString *error = nullptr);
};

} // namespace baokan::store
