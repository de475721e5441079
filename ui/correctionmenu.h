// SPDX-License-Identifier: MIT
#pragma once

#include "textfieldmap.h"

#include "store/edit.h"
#include "store/entitystore.h"

#include <QObject>
#include <QPoint>

#include <functional>
#include <optional>

class QAction;
class QMenu;
class QUndoStack;
class QWidget;

namespace baokan::store {
class Database;
}

namespace baokan::ui {

class EntitiesPanel;
class ReaderView;

// Lets the reader correct the recognizer where it reads: the reader's context menu gains "Mark
// as ▸ type ▸ scope" for a selection and "Change Type" / "Not an Entity" for the entity under
// the pointer, and the markEntityAction opens the same menu at the text cursor from the keyboard.
// Every correction goes onto the window's undo stack; after it, its undo and its redo the
// Entities panel reads the article again and corrected() is emitted. GUI thread only.
class CorrectionMenu final : public QObject
{
    Q_OBJECT

public:
    // Where a correction applies: this place only, this text anywhere in the article, or this
    // text anywhere in the archive.
    enum class Scope { Mention, Article, Archive };

    CorrectionMenu(ReaderView *reader, EntitiesPanel *entities, QUndoStack *undoStack, QObject *parent = nullptr);

    void setDatabase(store::Database *db) { m_db = db; }

    // The keyboard route: opens the correction menu at the text cursor (shortcut E).
    QAction *markAction() const { return m_markAction; }

    // The reader's context menu for the character at document position `position`: the reader's
    // own entries, then the corrections that apply there. The caller owns the menu.
    QMenu *createMenu(int position, QWidget *parent);

    // Applies a correction and pushes it onto the undo stack; false, with a message emitted,
    // when the archive refused it (nothing is pushed then).
    bool mark(const FieldRange &range, const QString &type, Scope scope);
    bool remove(const FieldRange &range, Scope scope);
    // Applies any correction edit (e.g. from the lexicon dialog) the same way; `label` names it
    // in the Undo menu instead of the edit's own text.
    bool push(store::Edit edit, const QString &label = {});

    static QString scopeName(Scope scope);

Q_SIGNALS:
    // A correction was applied, undone or redone: mentions, the index and facets may differ.
    void corrected();
    void message(const QString &text);

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    void addScopeMenu(QMenu *parent, const QString &title, const QString &objectName,
                      const std::function<void(Scope)> &apply);
    void popupAt(int position, const QPoint &globalPos);
    void refresh();

    ReaderView *m_reader;
    EntitiesPanel *m_entities;
    QUndoStack *m_undoStack;
    store::Database *m_db = nullptr;
    QAction *m_markAction;
};

} // namespace baokan::ui
