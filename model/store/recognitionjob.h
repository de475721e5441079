// SPDX-License-Identifier: MIT
#pragma once

#include "store/entitystore.h"

#include <QMetaType>
#include <QObject>

#include <atomic>

class QThread;

namespace baokan::store {

class Database;

// Recognizes the entities of the whole archive again off the GUI thread, after the recognizer or
// the user lexicon changed: create it on the GUI thread, connect, start(). The worker opens its
// own connection and writes one transaction per batch, so a cancelled run leaves every article
// consistent (as before, or recognized again). Exactly one of finished() (also after cancel())
// and failed() ends a run.
class RecognitionJob final : public QObject
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

    void start();
    // Ends the run after the current batch; safe from any thread.
    void cancel() { m_cancel = true; }
    bool isRunning() const;

Q_SIGNALS:
    void progressChanged(int done, int total);
    void finished(const baokan::store::RecognitionSummary &summary);
    void failed(const QString &message);

private:
    Params m_params;
    std::atomic_bool m_cancel{false};
    QThread *m_thread = nullptr;
};

} // namespace baokan::store

Q_DECLARE_METATYPE(baokan::store::RecognitionSummary)
