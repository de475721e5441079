// SPDX-License-Identifier: MIT
#include "store/entityindexjob.h"

#include "store/database.h"

namespace baokan::store {

EntityIndexJob::EntityIndexJob(const Params &params, QObject *parent)
    : BackgroundJob(params.database, QStringLiteral("baokan-entity-index"), QStringLiteral("no archive to read"),
                    parent)
    , m_params(params)
{
    qRegisterMetaType<baokan::store::EntityIndexPage>();
}

EntityIndexJob::~EntityIndexJob()
{
    stopWorker();
}

void EntityIndexJob::run(const Database &db)
{
    m_page.reset();
    m_error.clear();
    const QSqlDatabase connection = db.connection();
    const auto entries = EntityStore::index(connection, m_params.filter, m_params.type, m_params.limit, 0);
    if (!entries) {
        m_error = QStringLiteral("the archive's entities could not be read");
        return;
    }
    EntityIndexPage page;
    page.entries = *entries;
    page.total = EntityStore::indexSize(connection, m_params.filter, m_params.type).value_or(int(entries->size()));
    m_page = page;
}

void EntityIndexJob::report()
{
    if (!m_page)
        Q_EMIT failed(m_error);
    else
        Q_EMIT finished(*m_page);
}

} // namespace baokan::store
