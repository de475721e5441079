// SPDX-License-Identifier: MIT
#include "store/backgroundjob.h"

#include "store/database.h"

#include <QThread>

namespace baokan::store {

BackgroundJob::BackgroundJob(const Database *database, const QString &threadName, const QString &noArchiveMessage,
                             QObject *parent)
    : QObject(parent)
    , m_database(database)
    , m_threadName(threadName)
    , m_noArchiveMessage(noArchiveMessage)
{}

BackgroundJob::~BackgroundJob()
{
    // Only a safety net: by now the subclass has stopped the worker in its own destructor.
    stopWorker();
}

void BackgroundJob::stopWorker()
{
    if (m_thread) {
        m_cancel = true;
        m_thread->wait();
        delete m_thread;
        m_thread = nullptr;
    }
}

bool BackgroundJob::isRunning() const
{
    return m_thread && m_thread->isRunning();
}

void BackgroundJob::start()
{
    if (isRunning())
        return;
    delete m_thread;
    m_cancel = false;
    m_thread = QThread::create([this] {
        const Database *db = m_database;
        if (!db) {
            Q_EMIT failed(m_noArchiveMessage);
            return;
        }
        // The worker's own connection, closed below before the job reports.
        if (!db->connection().isOpen()) {
            db->closeThreadConnection();
            Q_EMIT failed(QStringLiteral("cannot open the archive %1").arg(db->path()));
            return;
        }
        run(*db);
        db->closeThreadConnection();
        report();
    });
    m_thread->setObjectName(m_threadName);
    m_thread->start();
}

} // namespace baokan::store
