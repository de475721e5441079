// SPDX-License-Identifier: MIT
#pragma once

#include "store/backgroundjob.h"
#include "store/entitystore.h"

#include <QList>
#include <QMetaType>

#include <optional>

namespace baokan::store {

// One page of the archive's entity index and the size of the whole, as the Entities panel lists it.
struct EntityIndexPage
{
    QList<EntityCount> entries;
    int total = 0;
};

// Reads a page of the archive's entity index (EntityStore::index and indexSize) off the GUI
// thread: on a large archive the query reads every mention and takes about half a second, too
// long to hold the window at start or on every filter change. Create it on the GUI thread,
// connect, start(); exactly one of finished() and failed() ends a run.
class EntityIndexJob final : public BackgroundJob
{
    Q_OBJECT

public:
    struct Params
    {
        const Database *database = nullptr; // must outlive the job
        QString filter;                     // part of the entity's text; empty: any
        QString type;                       // PER, LOC, …; empty: any
        int limit = 300;
    };

    explicit EntityIndexJob(const Params &params, QObject *parent = nullptr);
    ~EntityIndexJob() override;

    const Params &params() const { return m_params; }

Q_SIGNALS:
    void finished(const baokan::store::EntityIndexPage &page);

private:
    void run(const Database &db) override;
    void report() override;

    Params m_params;
    // Written and read by the worker only.
    std::optional<EntityIndexPage> m_page;
    QString m_error;
};

} // namespace baokan::store

Q_DECLARE_METATYPE(baokan::store::EntityIndexPage)
