// SPDX-License-Identifier: MIT
#pragma once

#include <QByteArray>
#include <QList>
#include <QMetaType>
#include <QString>
#include <QStringList>

#include <atomic>
#include <functional>
#include <memory>

namespace baokan::store {

class Database;

// A file import left out, and why, in words a user can act on.
struct SkippedFile
{
    QString path;
    QString reason;
};

// What an import did. Counts are of issues and articles; an unchanged issue is not parsed again.
struct ImportSummary
{
    int issuesAdded = 0;
    int issuesUpdated = 0;
    int issuesUnchanged = 0;
    int articlesAdded = 0;
    int articlesUpdated = 0;
    int articlesUnchanged = 0;
    int articlesRemoved = 0;    // no longer found on a changed page; their user data is kept
    int highlightsMoved = 0;    // re-anchored in a changed body
    int highlightsToReview = 0; // could not be placed in a changed body: listed in Needs review
    qint64 bytesParsed = 0;     // raw bytes of the pages parsed
    QList<SkippedFile> skipped;
    bool cancelled = false;
    // Set when the archive itself could not be written (full disk, locked for too long): the
    // issue being written was rolled back and the import stopped.
    QString error;

    int issues() const { return issuesAdded + issuesUpdated + issuesUnchanged; }
    int articles() const { return articlesAdded + articlesUpdated + articlesUnchanged; }
    bool ok() const { return skipped.isEmpty() && error.isEmpty() && !cancelled; }
    QString text() const; // one line for a status bar or a terminal
};

// One page already in memory, e.g. a bundled sample.
struct PageBytes
{
    QString fileName;
    QByteArray bytes;
};

// Imports page files and folders into an archive: decodes, parses, and writes each issue
// atomically, keeping article keys (and so the user's data) across re-import. Several issues share
// a transaction (Options: a fraction of a second's worth, so another writer waits no longer than
// that), because every commit costs a flush of the search index. An issue still goes in whole or
// not at all: when one fails, the batch is rolled back and its finished issues are written again
// one transaction each; Cancel keeps the finished issues and leaves out the one being written.
// Synchronous: it writes on the calling thread with that thread's connection and calls back
// there, while the next issues are parsed on short-lived helper threads. ImportJob runs it off
// the GUI thread.
class Importer
{
public:
    struct Options
    {
        // Parse issues whose pages are unchanged too, e.g. after the parser improved.
        bool reparseUnchanged = false;
        // Issues share a transaction until it holds this many articles or has been open this
        // long. Each commit makes FTS5 write what it indexed as a new segment, which later merges
        // rewrite: a transaction per issue (~30 articles) cost a quarter of the writer's time and
        // three quarters of what it wrote. The time bounds what another writer may have to wait.
        int batchArticles = 1000;
        int batchMilliseconds = 250;
    };
    // Called after each issue, with the issues done so far and in all.
    using Progress = std::function<void(int done, int total, const ImportSummary &soFar)>;

    explicit Importer(const Database *db);
    ~Importer();
    Importer(const Importer &) = delete;
    Importer &operator=(const Importer &) = delete;

    void setOptions(const Options &options) { m_options = options; }
    void setProgress(Progress progress) { m_progress = std::move(progress); }
    // Checked between issues and while an issue is written; a set flag leaves out that issue and
    // keeps those written before it.
    void setCancelFlag(const std::atomic_bool *cancel) { m_cancel = cancel; }

    // Files are one issue each; a folder whose files are pages is one issue (pages in name
    // order), and its subfolders are searched the same way.
    ImportSummary importPaths(const QStringList &paths);
    // One issue from pages in memory; source identifies it on re-import.
    ImportSummary importPages(const QString &name, const QString &source, const QList<PageBytes> &pages);

    // Steps of one issue's import; public only so helpers in the .cpp can name them.
    struct Prepared;
    struct Parsed;

private:
    struct Unit;
    struct Statements;
    struct Batch;
    void collect(const QString &path, QList<Unit> &units, ImportSummary &summary) const;
    void run(const QList<Unit> &units, ImportSummary &summary);
    // Looks the issue and its stored pages up; false when the archive cannot be read.
    bool prepare(const Unit &unit, Prepared &prepared, ImportSummary &summary);
    // Writes one parsed issue inside the open transaction, counting it in counts; false when the
    // archive could not be written (counts.error says why) or, with cancellable, the import was
    // cancelled (counts.cancelled). The caller then rolls back.
    bool write(const Unit &unit, const Prepared &prepared, const Parsed &parsed, ImportSummary &counts,
               bool cancellable);
    // The same in a transaction of its own, never cancelled: for issues written again after
    // their batch was rolled back.
    bool writeAlone(const Unit &unit, const Prepared &prepared, const Parsed &parsed, ImportSummary &counts);
    // Commits the batch; when the commit fails, writes its issues again one transaction each.
    // False, with summary.error set, when an issue could not be written.
    bool commitBatch(Batch &batch, const QList<Unit> &units, ImportSummary &summary);
    // Rolls the batch back and writes its issues again one transaction each.
    bool replayBatch(Batch &batch, const QList<Unit> &units, ImportSummary &summary);
    void countUnchanged(qint64 issueId, ImportSummary &summary) const;
    bool cancelled() const { return m_cancel && m_cancel->load(); }

    const Database *m_db;
    Options m_options;
    Progress m_progress;
    const std::atomic_bool *m_cancel = nullptr;
    std::unique_ptr<Statements> m_statements;
};

} // namespace baokan::store

Q_DECLARE_METATYPE(baokan::store::ImportSummary)
