// SPDX-License-Identifier: MIT
#include "store/reindexjob.h"

#include "store/database.h"
#include "store/searchindex.h"

namespace baokan::store {

ReindexJob::ReindexJob(const Database *database, QObject *parent)
    : BackgroundJob(database, QStringLiteral("baokan-reindex"), QStringLiteral("no archive to index"), parent)
{}

ReindexJob::~ReindexJob()
{
    stopWorker();
}

void ReindexJob::run(const Database &db)
{
    m_error.clear();
    m_indexed = SearchIndex::indexMissing(
        db.connection(), [this](qint64 done, qint64 total) { Q_EMIT progressChanged(int(done), int(total)); },
        &m_cancel, &m_error);
}

void ReindexJob::report()
{
    if (m_indexed)
        Q_EMIT finished(*m_indexed);
    else if (m_cancel)
        Q_EMIT finished(-1);
    else
        Q_EMIT failed(m_error);
}

} // namespace baokan::store
