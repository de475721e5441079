// SPDX-License-Identifier: MIT
#pragma once

#include <QString>

namespace baokan::store {

// Turns what SQLite and Qt Sql say when reading or writing an archive fails into what a user can
// act on: a full disk, a read-only archive, another program holding the archive. Pure; any thread.
class StorageFailure
{
public:
    // The message without Qt's driver noise ("Unable to fetch row"), followed by advice when it
    // names a condition the user can fix; otherwise the message as it is.
    static QString explain(const QString &message);
};

} // namespace baokan::store
