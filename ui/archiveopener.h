// SPDX-License-Identifier: MIT
#pragma once

#include <QCoreApplication>
#include <QString>

class QWidget;

namespace baokan::store {
class Database;
}

namespace baokan::ui {

// Opens an archive for the window. An archive made by an older baokan is brought up to date
// first (seconds on a large one), on a worker thread behind a busy dialog that says what is
// happening, instead of a window that stops answering with no word. GUI thread.
class ArchiveOpener
{
    Q_DECLARE_TR_FUNCTIONS(ArchiveOpener)

public:
    // Database::open(), with the migrations (if any) run off the GUI thread. While they run a
    // modal dialog shows and events are processed (a local event loop: nothing may read the
    // archive before its schema is current, and the dialog blocks the user meanwhile).
    static bool open(store::Database *db, QWidget *parent, QString *error);
};

} // namespace baokan::ui
