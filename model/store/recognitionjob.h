// SPDX-License-Identifier: MIT
#pragma once

#include "store/backgroundjob.h"
#include "store/entitystore.h"

#include <QMetaType>

#include <optional>

namespace baokan::store {

class Database;

// Recognizes the entities of the whole archive again off the GUI thread, after the recognizer or
// the user lexicon changed: create it on the GUI thread, connect, start(). The worker opens its
// own connection and writes one transaction per batch, so a cancelled run leaves every article
// consistent (as before, or recognized again). Exactly one of finished() (also after cancel())
// and failed() ends a run; cancel() ends it after the current batch.
class RecognitionJob final : public BackgroundJob
{
    Q_OBJECT

public:
    struct Params
    {
        const Database *database = nullptr; // must outlive the job
        int batchSize = 200;                // articles per transaction
        bool onlyStale = false;             // only articles an older recognizer wrote
    };

    explicit RecognitionJob(const Params &params, QObject *parent = nullptr);
    // Cancels a running job and waits for its batch to end.
    ~RecognitionJob() override;

Q_SIGNALS:
    void finished(const baokan::store::RecognitionSummary &summary);

private:
    void run(const Database &db) override;
    void report() override;

    Params m_params;
    // Written and read by the worker only.
    std::optional<RecognitionSummary> m_summary;
    QString m_error;
};

} // namespace baokan::store

Q_DECLARE_METATYPE(baokan::store::RecognitionSummary)
