// SPDX-License-Identifier: MIT
#pragma once

#include <QObject>

#include <optional>

class QTimer;

namespace baokan::store {

class Database;

// Tells when another connection (another window, another process, one of our own background
// jobs) has committed to the archive, by polling SQLite's PRAGMA data_version on the calling
// thread's connection: cheap (no file read), and blind to that connection's own writes, which
// the window already shows. Lives on, and polls from, the GUI thread.
class ArchiveWatcher final : public QObject
{
    Q_OBJECT

public:
    static constexpr int DefaultIntervalMs = 1000;

    explicit ArchiveWatcher(QObject *parent = nullptr);

    // The archive to watch (nullptr: none); what it holds now counts as seen. Starts polling.
    void setDatabase(const Database *db);
    void setInterval(int ms);

    // Polls now (e.g. when the window is activated); emits changedElsewhere() and returns true
    // when another connection committed since the last poll.
    bool check();
    // Takes what the archive holds now as seen, e.g. after the window reloaded everything itself.
    void resync();

Q_SIGNALS:
    void changedElsewhere();

private:
    std::optional<qint64> dataVersion() const;

    const Database *m_db = nullptr;
    std::optional<qint64> m_seen;
    QTimer *m_timer;
};

} // namespace baokan::store
