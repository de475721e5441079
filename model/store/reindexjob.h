// SPDX-License-Identifier: MIT
#pragma once

#include <QObject>

#include <atomic>

class QThread;

namespace baokan::store {

class Database;

// Brings the search index up to the archive off the GUI thread: indexes every article that is
// not in it, as after migration 0005 emptied the index or a re-index was cancelled. Create it on
// the GUI thread, connect, start(); the worker opens its own connection and commits a batch at a
// time, so search works meanwhile on the part already done. Exactly one of finished() (also
// after cancel(), with the number indexed so far unknown: -1) and failed() ends a run.
class ReindexJob final : public QObject
{
    Q_OBJECT

public:
    explicit ReindexJob(const Database *database, QObject *parent = nullptr);
    // Cancels a running job and waits for its batch to end.
    ~ReindexJob() override;

    void start();
    // Ends the run after the current batch; safe from any thread.
    void cancel() { m_cancel = true; }
    bool isRunning() const;

Q_SIGNALS:
    void progressChanged(qint64 done, qint64 total);
    void finished(qint64 indexed);
    void failed(const QString &message);

private:
    const Database *m_database;
    std::atomic_bool m_cancel{false};
    QThread *m_thread = nullptr;
};

} // namespace baokan::store
