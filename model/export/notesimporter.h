// SPDX-License-Identifier: MIT
#pragma once

#include <QByteArray>
#include <QSqlDatabase>
#include <QString>

namespace baokan::store {
class Database;
}

namespace baokan::exporting {

struct NotesImportResult
{
    int tagsAdded = 0;
    int articleTagsAdded = 0;
    int notesAdded = 0;
    int notesMerged = 0;  // article notes appended to the note the article already had
    int notesSkipped = 0; // already in the archive
    int inReview = 0;     // highlights that could not be placed, and notes for articles not here
    int correctionsAdded = 0;
    int lexiconAdded = 0;
};

// Restores a JSON notes export (NotesExporter) into an archive, matching articles by key, in
// one transaction: all of it or nothing. Nothing is dropped: notes for articles this archive
// does not have are kept and listed in Needs review, and come back when the article is imported.
// Importing the same file twice adds nothing the second time. Used on the connection's thread.
class NotesImporter
{
public:
    explicit NotesImporter(QSqlDatabase db);
    // The calling thread's connection of the archive.
    explicit NotesImporter(const store::Database *db);

    bool importJson(const QByteArray &json, NotesImportResult *result, QString *error);
    bool importFile(const QString &path, NotesImportResult *result, QString *error);

private:
    QSqlDatabase m_db;
};

} // namespace baokan::exporting
