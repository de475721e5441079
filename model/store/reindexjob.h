// SPDX-License-Identifier: MIT
#pragma once

#include "store/backgroundjob.h"

#include <optional>

namespace baokan::store {

// Brings the search index up to the archive off the GUI thread: indexes every article that is
// not in it, as after migration 0005 emptied the index or a re-index was cancelled. Create it on
// the GUI thread, connect, start(); the worker opens its own connection and commits a batch at a
// time, so search works meanwhile on the part already done. Exactly one of finished() (also
// after cancel(), with the number indexed so far unknown: -1) and failed() ends a run.
class ReindexJob final : public BackgroundJob
{
    Q_OBJECT

public:
    explicit ReindexJob(const Database *database, QObject *parent = nullptr);
    // Cancels a running job and waits for its batch to end.
    ~ReindexJob() override;

Q_SIGNALS:
    void finished(qint64 indexed);

private:
    void run(const Database &db) override;
    void report() override;

    // Written and read by the worker only.
    std::optional<qint64> m_indexed;
    QString m_error;
};

} // namespace baokan::store
