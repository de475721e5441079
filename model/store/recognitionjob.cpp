// SPDX-License-Identifier: MIT
#include "store/recognitionjob.h"

#include "store/database.h"

namespace baokan::store {

RecognitionJob::RecognitionJob(const Params &params, QObject *parent)
    : BackgroundJob(params.database, QStringLiteral("baokan-recognize"), QStringLiteral("no archive to recognize"),
                    parent)
    , m_params(params)
{
    qRegisterMetaType<baokan::store::RecognitionSummary>();
}

RecognitionJob::~RecognitionJob()
{
    stopWorker();
}

void RecognitionJob::run(const Database &db)
{
    m_error.clear();
    const auto progress = [this](qint64 done, qint64 total) { Q_EMIT progressChanged(int(done), int(total)); };
    m_summary = m_params.onlyStale
                    ? EntityStore::recognizeStale(db.connection(), m_params.batchSize, progress, &m_cancel, &m_error)
                    : EntityStore::recognizeAll(db.connection(), m_params.batchSize, progress, &m_cancel, &m_error);
}

void RecognitionJob::report()
{
    if (!m_summary)
        Q_EMIT failed(m_error);
    else
        Q_EMIT finished(*m_summary);
}

} // namespace baokan::store
