// SPDX-License-Identifier: MIT
#pragma once

#include "store/importer.h"

#include <QObject>
#include <QStringList>

#include <atomic>

class QThread;

namespace baokan::store {

class Database;

// Runs an import off the GUI thread: create it on the GUI thread, connect, start(). The worker
// opens its own connection to the archive and closes it when done. Signals arrive queued on the
// thread the job lives on. Exactly one of finished() (also after cancel()) and failed() ends a run.
class ImportJob final : public QObject
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

    void start();
    // Rolls back the issue being written and ends the run; safe from any thread.
    void cancel() { m_cancel = true; }
    bool isRunning() const;

Q_SIGNALS:
    void progressChanged(int done, int total);
    void finished(const baokan::store::ImportSummary &summary);
    // The archive could not be written (full disk, not an archive); summary says what went in.
    void failed(const QString &message);

private:
    Params m_params;
    std::atomic_bool m_cancel{false};
    QThread *m_thread = nullptr;
};

} // namespace baokan::store
