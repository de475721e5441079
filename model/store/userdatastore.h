// SPDX-License-Identifier: MIT
#pragma once

#include "store/annotation.h"

#include <QSqlDatabase>
#include <QStringList>

#include <optional>

namespace baokan::store {

class Database;

// The user-data tables read and written wholesale, for the notes export and import that move a
// user's work between archives. Edits of single rows go through TagEdits/NoteEdits instead.
// Used on the connection's thread; writes expect the caller's transaction.
class UserDataStore
{
public:
    explicit UserDataStore(QSqlDatabase db);
    // The calling thread's connection of the archive.
    explicit UserDataStore(const store::Database *db);

    QList<Tag> tags() const;
    QList<ArticleTag> articleTags() const;
    // All notes, by article key, article notes first, then highlights in reading order.
    QList<Note> notes() const;
    QList<Correction> corrections() const;
    QList<LexiconEntry> lexicon() const;

    bool idTaken(const QString &table, qint64 id) const; // table: tag, note or correction
    // Inserts the correction unless the same one exists; keeps its id when that id is free.
    bool addCorrection(Correction correction, bool *added, QString *error);
    // Inserts the entry unless the archive already has one for its text (the archive's wins).
    bool addLexiconEntry(const LexiconEntry &entry, bool *added, QString *error);

private:
    QSqlDatabase m_db;
};

} // namespace baokan::store
