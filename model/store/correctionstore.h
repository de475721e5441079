// SPDX-License-Identifier: MIT
#pragma once

#include "store/annotation.h"

#include <QList>
#include <QPair>
#include <QSqlDatabase>
#include <QString>

#include <optional>

class QSqlQuery;

namespace baokan::store {

// Reads the user's corrections of the recognizer and the user lexicon; CorrectionEdits write
// them. Import never touches these rows. Static functions on the connection passed in (the
// calling thread's).
class CorrectionStore
{
public:
    // The 'mention' and 'article' corrections of one article, oldest first.
    static std::optional<QList<Correction>> corrections(const QSqlDatabase &db, const QString &articleKey);
    // The 'archive' corrections, oldest first.
    static std::optional<QList<Correction>> archiveCorrections(const QSqlDatabase &db);
    static std::optional<Correction> correction(const QSqlDatabase &db, qint64 id);
    static std::optional<QList<LexiconEntry>> lexicon(const QSqlDatabase &db);
    static std::optional<LexiconEntry> lexiconEntry(const QSqlDatabase &db, const QString &text);
    static std::optional<qint64> nextCorrectionId(const QSqlDatabase &db);
    // For a caller that prepares its own query of the correction table (once for many articles):
    // the columns to select, and the Correction in the current row of such a query.
    static QString columns();
    // Writes a correction's row: inserted, or replacing the row of its id. Inside the caller's
    // transaction, if any.
    static bool write(const QSqlDatabase &db, const Correction &correction, QString *error);
    static Correction fromRow(const QSqlQuery &q);

    // Where a 'mention' correction applies in its field's text now: its exact quote, the context
    // deciding among occurrences and the old offset breaking ties; nothing when the quote is gone.
    static std::optional<QPair<qint64, qint64>> place(const Correction &correction, const QString &fieldText);
    // The article's 'mention' corrections that no longer find their place (kept, not applied),
    // for the reader to offer for review or deletion.
    static std::optional<QList<Correction>> unplaced(const QSqlDatabase &db, const QString &articleKey);
};

} // namespace baokan::store
