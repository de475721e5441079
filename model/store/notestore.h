// SPDX-License-Identifier: MIT
#pragma once

#include "store/annotation.h"

#include <QHash>
#include <QSqlDatabase>
#include <QStringList>

#include <optional>

class QSqlQuery;

namespace baokan::store {

class Database;

// What re-anchoring did to one article's highlights.
struct ReanchorResult
{
    int kept = 0;   // found where they were
    int moved = 0;  // found elsewhere, or with a slightly changed quote
    int review = 0; // not found: waiting in Needs review
};

// Article notes (one per article) and highlighted passages, referring to articles by key.
// Reads go straight to the archive; every user write is an undoable Edit from NoteEdits, and the
// write methods here apply one at once for callers without an undo stack. Re-anchoring after an
// import is not a user edit and is not undoable. Used on the connection's thread.
class NoteStore
{
public:
    explicit NoteStore(QSqlDatabase db);
    // The calling thread's connection of the archive.
    explicit NoteStore(const store::Database *db);

    std::optional<Note> note(qint64 id) const;
    std::optional<Note> articleNote(const QString &articleKey) const;
    // Highlights of one article in reading order.
    QList<Note> highlights(const QString &articleKey) const;
    // The article note first, then the highlights in reading order.
    QList<Note> notesFor(const QString &articleKey) const;
    // Highlights that could not be placed, and notes whose article is not (or no longer) in the
    // archive.
    QList<Note> needingReview() const;
    qint64 nextId() const;

    bool setArticleNote(const QString &articleKey, const QString &text, QString *error = nullptr);
    // Highlights the code-point range [start, end) of the article's body; returns the new id.
    std::optional<qint64> addHighlight(const QString &articleKey, qint64 start, qint64 end, const QString &color,
                                       const QString &comment, QString *error = nullptr);
    bool updateHighlight(qint64 id, const QString &comment, const QString &color, QString *error = nullptr);
    bool deleteNote(qint64 id, QString *error = nullptr);
    // Gives a highlight from Needs review a new place in its article's body.
    bool reattach(qint64 id, qint64 start, qint64 end, QString *error = nullptr);

    // Places the article's highlights again after its body changed to newBody (the importer calls
    // this after it rewrites the article; in its transaction, if it holds one). Highlights that
    // cannot be placed go to review with their old quote and offsets; none is ever moved onto text
    // that does not match. Also brings back notes that were waiting for this article.
    static bool reanchorArticle(const QSqlDatabase &db, const QString &articleKey, const QString &newBody,
                                ReanchorResult *result = nullptr, QString *error = nullptr);
    // The same for highlights on any field: fieldTexts holds the new text of each field by name
    // (ArticleLookup::highlightTexts); highlights on fields it does not hold are left alone.
    static bool reanchorArticle(const QSqlDatabase &db, const QString &articleKey,
                                const QHash<QString, QString> &fieldTexts, ReanchorResult *result = nullptr,
                                QString *error = nullptr);

    // An SQL expression of note.field sorting highlights in the order the reader shows their
    // fields (kicker, title, subtitle, body, captions), not by the fields' names.
    static QLatin1String fieldReadingOrder();
    static Note readNote(const QSqlQuery &q);
    static QString columns();

private:
    QList<Note> query(const QString &where, const QVariantMap &bindings) const;

    QSqlDatabase m_db;
};

} // namespace baokan::store
