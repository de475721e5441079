// SPDX-License-Identifier: MIT
#pragma once

#include "store/edit.h"

#include <QStringList>

namespace baokan::store {

// Builds the undoable edits on tags. Nothing is read or written until the edit is applied;
// a refused edit (empty name, unknown tag, name taken) fails in apply() with a message.
class TagEdits
{
public:
    // Puts the tag (created with the next palette colour if no tag has this name) on each article.
    static Edit add(const QStringList &articleKeys, const QString &name);
    static Edit remove(const QStringList &articleKeys, qint64 tagId);
    // Fails when another tag already has the new name: merge them instead.
    static Edit rename(qint64 tagId, const QString &newName);
    static Edit setColor(qint64 tagId, const QString &color);
    // Every article tagged `from` ends up tagged `into`; `from` is gone.
    static Edit merge(qint64 fromId, qint64 intoId);
    // before().articleTags of the applied edit are the attachments removed.
    static Edit deleteTag(qint64 tagId);
};

} // namespace baokan::store
