// SPDX-License-Identifier: MIT
#include "store/importjob.h"

#include "store/database.h"

namespace baokan::store {

ImportJob::ImportJob(const Params &params, QObject *parent)
    : BackgroundJob(params.database, QStringLiteral("baokan-import"), QStringLiteral("no archive to import into"),
                    parent)
    , m_params(params)
{
    qRegisterMetaType<baokan::store::ImportSummary>();
}

ImportJob::~ImportJob()
{
    stopWorker();
}

void ImportJob::run(const Database &db)
{
    Importer importer(&db);
    Importer::Options options;
    options.reparseUnchanged = m_params.reparseUnchanged;
    importer.setOptions(options);
    importer.setCancelFlag(&m_cancel);
    importer.setProgress([this](int done, int total, const ImportSummary &) { Q_EMIT progressChanged(done, total); });
    m_summary = importer.importPaths(m_params.paths);
}

void ImportJob::report()
{
    if (!m_summary.error.isEmpty())
        Q_EMIT failed(m_summary.error + QStringLiteral(" (") + m_summary.text() + QLatin1Char(')'));
    else
        Q_EMIT finished(m_summary);
}

} // namespace baokan::store
