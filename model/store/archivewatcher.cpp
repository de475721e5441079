// SPDX-License-Identifier: MIT
#include "store/archivewatcher.h"

#include "store/database.h"

#include <QSqlQuery>
#include <QTimer>
#include <QVariant>

namespace baokan::store {

ArchiveWatcher::ArchiveWatcher(QObject *parent)
    : QObject(parent)
    , m_timer(new QTimer(this))
{
    m_timer->setInterval(DefaultIntervalMs);
    connect(m_timer, &QTimer::timeout, this, &ArchiveWatcher::check);
}

void ArchiveWatcher::setDatabase(const Database *db)
{
    m_db = db;
    m_seen.reset();
    resync();
    if (m_db)
        m_timer->start();
    else
        m_timer->stop();
}

void ArchiveWatcher::setInterval(int ms)
{
    m_timer->setInterval(ms);
}

std::optional<qint64> ArchiveWatcher::dataVersion() const
{
    if (!m_db)
        return std::nullopt;
    const QSqlDatabase db = m_db->connection();
    if (!db.isOpen())
        return std::nullopt;
    QSqlQuery q(db);
    if (!q.exec(QStringLiteral("PRAGMA data_version")) || !q.next())
        return std::nullopt; // locked or gone: ask again at the next tick
    return q.value(0).toLongLong();
}

void ArchiveWatcher::resync()
{
    if (const std::optional<qint64> version = dataVersion())
        m_seen = version;
}

bool ArchiveWatcher::check()
{
    const std::optional<qint64> version = dataVersion();
    if (!version)
        return false;
    // The first version read is the baseline; later ones differ only after another
    // connection's commit.
    const bool changed = m_seen && *m_seen != *version;
    m_seen = version;
    if (changed)
        Q_EMIT changedElsewhere();
    return changed;
}

} // namespace baokan::store
