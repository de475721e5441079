// SPDX-License-Identifier: MIT
#include "store/recognitionjob.h"

#include "store/database.h"

#include <QThread>

namespace baokan::store {

RecognitionJob::RecognitionJob(const Params &params, QObject *parent)
    : QObject(parent)
    , m_params(params)
{
    qRegisterMetaType<baokan::store::RecognitionSummary>();
}

RecognitionJob::~RecognitionJob()
{
    if (m_thread) {
        m_cancel = true;
        m_thread->wait();
        delete m_thread;
    }
}

bool RecognitionJob::isRunning() const
{
    return m_thread && m_thread->isRunning();
}

void RecognitionJob::start()
{
    if (isRunning())
        return;
    delete m_thread;
    m_cancel = false;
    m_thread = QThread::create([this] {
        const Database *db = m_params.database;
        if (!db) {
            Q_EMIT failed(QStringLiteral("no archive to recognize"));
            return;
        }
        if (!db->connection().isOpen()) {
            db->closeThreadConnection();
            Q_EMIT failed(QStringLiteral("cannot open the archive %1").arg(db->path()));
            return;
        }
        QString error;
        const auto progress = [this](qint64 done, qint64 total) { Q_EMIT progressChanged(int(done), int(total)); };
        const auto summary =
            m_params.onlyStale
                ? EntityStore::recognizeStale(db->connection(), m_params.batchSize, progress, &m_cancel, &error)
                : EntityStore::recognizeAll(db->connection(), m_params.batchSize, progress, &m_cancel, &error);
        db->closeThreadConnection();
        if (!summary)
            Q_EMIT failed(error);
        else
            Q_EMIT finished(*summary);
    });
    m_thread->setObjectName(QStringLiteral("baokan-recognize"));
    m_thread->start();
}

} // namespace baokan::store
