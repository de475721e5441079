// SPDX-License-Identifier: MIT
#pragma once

#include "store/backgroundjob.h"
#include "store/importer.h"

#include <QStringList>

namespace baokan::store {

class Database;

// Runs an import off the GUI thread: create it on the GUI thread, connect, start(). The worker
// opens its own connection to the archive and closes it when done. Signals arrive queued on the
// thread the job lives on. Exactly one of finished() (also after cancel()) and failed() ends a run;
// cancel() rolls back the issue being written.
class ImportJob final : public BackgroundJob
{
    Q_OBJECT

public:
    struct Params
    {
        const Database *database = nullptr; // must outlive the job
        QStringList paths;                  // files and folders
        bool reparseUnchanged = false;
    };

    explicit ImportJob(const Params &params, QObject *parent = nullptr);
    // Cancels a running import and waits for it to roll back.
    ~ImportJob() override;

Q_SIGNALS:
    void finished(const baokan::store::ImportSummary &summary);
    // failed(message) from BackgroundJob: the archive could not be written (full disk, not an
    // archive); the message says what went in.

private:
    void run(const Database &db) override;
    void report() override;

    Params m_params;
    ImportSummary m_summary; // written by the worker, read by it in report()
};

} // namespace baokan::store
