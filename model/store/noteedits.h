// SPDX-License-Identifier: MIT
#pragma once

#include "store/edit.h"

namespace baokan::store {

// Builds the undoable edits on article notes and highlights. Nothing is read or written until
// the edit is applied; a refused edit fails in apply() with a message.
class NoteEdits
{
public:
    // Sets the article's note; empty text removes it. Edits of one article's note share a merge
    // key, so autosaves while typing can be merged into one undo step.
    static Edit setArticleNote(const QString &articleKey, const QString &text);
    // Highlights the code-point range [start, end) of one field of the article (the body unless
    // said: see ArticleLookup::highlightFields) as it is in the archive; after().notes.first() of
    // the applied edit is the new highlight.
    static Edit addHighlight(const QString &articleKey, qint64 start, qint64 end, const QString &color,
                             const QString &comment, const QString &field = QStringLiteral("body"));
    // Changes a highlight's comment and colour (an empty colour keeps the current one).
    static Edit editHighlight(qint64 id, const QString &comment, const QString &color);
    // Removes an article note or a highlight.
    static Edit deleteNote(qint64 id);
    // Gives a highlight a new place in a field (the body unless said), e.g. one waiting in Needs review.
    static Edit reattach(qint64 id, qint64 start, qint64 end, const QString &field = QStringLiteral("body"));
};

} // namespace baokan::store
