// SPDX-License-Identifier: MIT
#pragma once

#include "store/correctionedit.h"

namespace baokan::store {

// Builds the undoable corrections of the recognizer and edits of the user lexicon. Nothing is
// read or written until the edit is applied; a refused edit fails in apply() with a message.
// scope is "mention" (this place, re-anchored by quote and context after a re-import),
// "article" (this text anywhere in the article) or "archive" (this text anywhere).
class CorrectionEdits
{
public:
    // Marks the code-point range [start, end) of the article's field (as EntityStore::fields
    // gives it) as type (PER LOC ORG DATE DOC POS); also how a mention's type is changed. A
    // correction of the same place (or text, for wider scopes) is replaced.
    static CorrectionEdit mark(const QString &articleKey, const QString &field, qint64 start, qint64 end,
                               const QString &type, const QString &scope);
    // Removes the entity at [start, end): the recognizer's mention there is not shown.
    static CorrectionEdit remove(const QString &articleKey, const QString &field, qint64 start, qint64 end,
                                 const QString &scope);
    // Takes a correction back (e.g. from a list of corrections).
    static CorrectionEdit deleteCorrection(qint64 id);
    // "always type" for text everywhere; a null type: "never an entity".
    static CorrectionEdit setLexiconEntry(const QString &text, const QString &type);
    static CorrectionEdit removeLexiconEntry(const QString &text);
};

} // namespace baokan::store
