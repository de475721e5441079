// SPDX-License-Identifier: MIT
#pragma once

#include "store/annotation.h"
#include "store/edit.h"

#include <QDialog>

class QListWidget;
class QPushButton;
class QUndoStack;

namespace baokan::store {
class Database;
}

namespace baokan::ui {

// Every tag of the archive with the number of articles carrying it: rename, merge two into one,
// delete (after saying how many articles it touches), and list the articles carrying the chosen
// tags. Changes are undoable edits on the window's stack. GUI thread only.
class TagManagerDialog final : public QDialog
{
    Q_OBJECT

public:
    TagManagerDialog(store::Database *db, QUndoStack *undoStack, QWidget *parent = nullptr);

    // The edits behind the buttons, without the questions the buttons ask first.
    bool renameTag(qint64 tagId, const QString &newName);
    bool mergeTags(qint64 fromId, qint64 intoId);
    bool deleteTag(qint64 tagId);

    QList<store::Tag> tags() const { return m_tags; }
    void reload();

Q_SIGNALS:
    // The user asked to list the articles carrying every one of these tags: the window's tag
    // filter does it, so there is one way into and out of such a list.
    void filterByTags(const QList<qint64> &tagIds);

private:
    bool push(store::Edit edit);
    QList<qint64> chosenIds() const;
    void renameChosen();
    void mergeChosen();
    void deleteChosen();
    void showChosen();
    void updateButtons();

    store::Database *m_db;
    QUndoStack *m_undoStack;
    QList<store::Tag> m_tags;
    QListWidget *m_list;
    QPushButton *m_rename;
    QPushButton *m_merge;
    QPushButton *m_delete;
    QPushButton *m_show;
};

} // namespace baokan::ui
