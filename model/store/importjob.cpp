// SPDX-License-Identifier: MIT
#include "store/importjob.h"

#include "store/database.h"

#include <QThread>

namespace baokan::store {

ImportJob::ImportJob(const Params &params, QObject *parent)
    : QObject(parent)
    , m_params(params)
{
    qRegisterMetaType<baokan::store::ImportSummary>();
}

ImportJob::~ImportJob()
{
    if (m_thread) {
        m_cancel = true;
        m_thread->wait();
        delete m_thread;
    }
}

bool ImportJob::isRunning() const
{
    return m_thread && m_thread->isRunning();
}

void ImportJob::start()
{
    if (isRunning())
        return;
    delete m_thread;
    m_cancel = false;
    m_thread = QThread::create([this] {
        const Database *db = m_params.database;
        if (!db) {
            Q_EMIT failed(QStringLiteral("no archive to import into"));
            return;
        }
        // The worker's own connection, closed below before the thread ends.
        if (!db->connection().isOpen()) {
            db->closeThreadConnection();
            Q_EMIT failed(QStringLiteral("cannot open the archive %1").arg(db->path()));
            return;
        }
        ImportSummary summary;
        {
            Importer importer(db);
            Importer::Options options;
            options.reparseUnchanged = m_params.reparseUnchanged;
            importer.setOptions(options);
            importer.setCancelFlag(&m_cancel);
            importer.setProgress(
                [this](int done, int total, const ImportSummary &) { Q_EMIT progressChanged(done, total); });
            summary = importer.importPaths(m_params.paths);
        }
        db->closeThreadConnection();
        if (!summary.error.isEmpty())
            Q_EMIT failed(summary.error + QStringLiteral(" (") + summary.text() + QLatin1Char(')'));
        else
            Q_EMIT finished(summary);
    });
    m_thread->setObjectName(QStringLiteral("baokan-import"));
    m_thread->start();
}

} // namespace baokan::store
