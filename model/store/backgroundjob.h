// SPDX-License-Identifier: MIT
#pragma once

#include <QObject>
#include <QString>

#include <atomic>

class QThread;

namespace baokan::store {

class Database;

// The worker-thread lifecycle shared by the archive's long jobs (import, re-recognition, …):
// create the job on the GUI thread, connect, start(); the worker opens its own connection to the
// archive, runs, closes the connection and only then reports, so a receiver may drop the archive
// as soon as it hears finished() or failed(). Signals arrive queued on the thread the job lives on.
class BackgroundJob : public QObject
{
    Q_OBJECT

public:
    ~BackgroundJob() override;

    void start();
    // Asks the worker to stop at its next check; safe from any thread.
    void cancel() { m_cancel = true; }
    bool isRunning() const;

Q_SIGNALS:
    void progressChanged(int done, int total);
    void failed(const QString &message);

protected:
    // noArchiveMessage is the failure reported when database is null.
    BackgroundJob(const Database *database, const QString &threadName, const QString &noArchiveMessage,
                  QObject *parent);

    // Cancels a running worker and waits for it. Each subclass calls it first in its destructor:
    // the worker calls run() and report(), which must not outlive the subclass.
    void stopWorker();

    // On the worker, with its own connection to db open.
    virtual void run(const Database &db) = 0;
    // On the worker after its connection closed: emit the subclass's finished() or failed().
    virtual void report() = 0;

    // For the worker to poll (or hand to the model code it runs).
    std::atomic_bool m_cancel{false};

private:
    const Database *m_database;
    QString m_threadName;
    QString m_noArchiveMessage;
    QThread *m_thread = nullptr;
};

} // namespace baokan::store
