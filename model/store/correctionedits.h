// SPDX-License-Identifier: MIT
#pragma once

#include "store/edit.h"

namespace baokan::store {

// Builds the undoable corrections of the recognizer and edits of the user lexicon, as Edits whose
// writes also recognize the touched articles again (see Edit::writeRows), so undo and redo
// restore rows and mentions exactly. Nothing is read or written until the edit is applied; a
// refused edit fails in apply() with a message.
// scope is "mention" (this place, re-anchored by quote and context after a re-import),
// "article" (this text anywhere in the article) or "archive" (this text anywhere).
class CorrectionEdits
{
public:
    // Marks the code-point range [start, end) of the article's field (as EntityStore::fields
    // gives it) as type (PER LOC ORG DATE DOC POS); also how a mention's type is changed. A
    // correction of the same place (or text, for wider scopes) is replaced.
    static Edit mark(const QString &articleKey, const QString &field, qint64 start, qint64 end, const QString &type,
                     const QString &scope);
    // Removes the entity at [start, end): the recognizer's mention there is not shown.
    static Edit remove(const QString &articleKey, const QString &field, qint64 start, qint64 end, const QString &scope);
    // Takes a correction back (e.g. from a list of corrections).
    static Edit deleteCorrection(qint64 id);
    // "always type" for text everywhere; a null type: "never an entity". A non-empty `replacing`
    // names an entry edited into this one: it goes in the same step (a changed spelling).
    static Edit setLexiconEntry(const QString &text, const QString &type, const QString &replacing = {});
    static Edit removeLexiconEntry(const QString &text);
};

} // namespace baokan::store
