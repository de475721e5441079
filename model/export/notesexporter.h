// SPDX-License-Identifier: MIT
#pragma once

#include "export/csvwriter.h"

#include <QSet>
#include <QSqlDatabase>
#include <QStringList>

#include <functional>
#include <optional>

class QIODevice;

namespace baokan::store {
class Database;
}

namespace baokan::exporting {

struct NotesExportOptions
{
    enum class Format { Csv, Json };
    Format format = Format::Csv;
    CsvWriter::Encoding encoding = CsvWriter::Encoding::Utf8;
    bool byteOrderMark = true;
    QStringList tags;                       // articles carrying any of these tags; empty: no tag filter
    QString issue;                          // issue name or ISO date; empty: every issue
    std::optional<QStringList> articleKeys; // the selection or current filter of the window
};

// Takes the user's notes and highlights out of the archive: CSV for a spreadsheet (one row per
// note or highlight, with the article's issue, title, tags and the entities inside the quote),
// or JSON carrying all user data (tags with colours, notes, highlights with their anchors,
// corrections, user lexicon) for NotesImporter. Run it on the thread that owns the connection
// (a worker with its own connection for long exports).
class NotesExporter
{
public:
    // Called after each row; return false to cancel the export.
    using Progress = std::function<bool(qint64 done, qint64 total)>;

    explicit NotesExporter(QSqlDatabase db);
    // The calling thread's connection of the archive.
    explicit NotesExporter(const store::Database *db);

    void setProgress(Progress progress) { m_progress = std::move(progress); }

    // Writes to an open device (stdout, a buffer). *rows receives the notes written.
    bool write(QIODevice *device, const NotesExportOptions &options, QString *error, int *rows = nullptr);
    // Writes a file through a temporary file renamed at the end, so a failure (full disk,
    // cancel) never leaves a half-written file behind nor damages an existing one.
    bool writeFile(const QString &path, const NotesExportOptions &options, QString *error, int *rows = nullptr);

    static QStringList csvColumns();

private:
    bool writeCsv(QIODevice *device, const NotesExportOptions &options, QString *error, int *rows);
    bool writeJson(QIODevice *device, const NotesExportOptions &options, QString *error, int *rows);
    // The article keys the filters allow; nothing when there is no filter.
    std::optional<QSet<QString>> selectedKeys(const NotesExportOptions &options, QString *error, bool *ok) const;

    QSqlDatabase m_db;
    Progress m_progress;
};

} // namespace baokan::exporting
