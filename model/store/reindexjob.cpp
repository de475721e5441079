// SPDX-License-Identifier: MIT
#include "store/reindexjob.h"

#include "store/database.h"
#include "store/searchindex.h"

#include <QThread>

namespace baokan::store {

ReindexJob::ReindexJob(const Database *database, QObject *parent)
    : QObject(parent)
    , m_database(database)
{}

ReindexJob::~ReindexJob()
{
    if (m_thread) {
        m_cancel = true;
        m_thread->wait();
        delete m_thread;
    }
}

bool ReindexJob::isRunning() const
{
    return m_thread && m_thread->isRunning();
}

void ReindexJob::start()
{
    if (isRunning())
        return;
    delete m_thread;
    m_cancel = false;
    m_thread = QThread::create([this] {
        const Database *db = m_database;
        if (!db) {
            Q_EMIT failed(QStringLiteral("no archive to index"));
            return;
        }
        if (!db->connection().isOpen()) {
            db->closeThreadConnection();
            Q_EMIT failed(QStringLiteral("cannot open the archive %1").arg(db->path()));
            return;
        }
        QString error;
        const auto indexed = SearchIndex::indexMissing(
            db->connection(), [this](qint64 done, qint64 total) { Q_EMIT progressChanged(done, total); }, &m_cancel,
            &error);
        db->closeThreadConnection();
        if (indexed)
            Q_EMIT finished(*indexed);
        else if (m_cancel)
            Q_EMIT finished(-1);
        else
            Q_EMIT failed(error);
    });
    m_thread->setObjectName(QStringLiteral("baokan-reindex"));
    m_thread->start();
}

} // namespace baokan::store
