// SPDX-License-Identifier: MIT
#pragma once

#include "store/annotation.h"
#include "store/edit.h"

#include <QDockWidget>
#include <QHash>

#include <functional>

class QComboBox;
class QCompleter;
class QHBoxLayout;
class QLineEdit;
class QListWidget;
class QPlainTextEdit;
class QPushButton;
class QStringListModel;
class QTimer;
class QUndoStack;

namespace baokan::store {
class Database;
}

namespace baokan::ui {

class ReaderView;

// The annotations of the article in the reader: its note (saved by itself a moment after typing
// pauses, and at once when the article changes or the window goes), its tags as chips with an
// editor, its highlights (drawn in the reader's passages layer) and the archive's highlights
// needing review. Every change goes through the undo stack as an EditCommand. GUI thread only.
class NotesPanel final : public QDockWidget
{
    Q_OBJECT

public:
    static constexpr int AutosaveDelayMs = 700;

    NotesPanel(ReaderView *reader, QUndoStack *undoStack, QWidget *parent = nullptr);

    // The archive the panel edits; nullptr when none is open. Saves a pending note first.
    void setDatabase(store::Database *db);
    // The article in the reader (empty: none). Saves the previous article's pending note first.
    void setArticle(const QString &articleKey);
    QString articleKey() const { return m_articleKey; }
    // Which articles tags go on and come off: the articles selected in the list. Defaults to the
    // current article.
    void setSelectedKeysProvider(std::function<QStringList()> provider) { m_selectedKeys = std::move(provider); }

    // Writes a note still waiting for its autosave. Called before the article, the archive or
    // the window goes, and before undo/redo. False when a note could not be written (full disk,
    // archive locked): the user is told, and its text is kept (in the editor, or shown again when
    // its article comes back) and written again at the next flush.
    bool flush();
    // A note the archive refused is still only in the panel.
    bool hasUnsavedNotes() const { return m_noteDirty || !m_unsaved.isEmpty(); }
    // Highlights the reader's selection in the chosen colour; false (with a status message)
    // when nothing highlightable (title, kicker, subtitle, body, captions) is selected.
    bool highlightSelection();
    // Puts the keyboard focus in the tag editor.
    void focusTagEditor();
    // Re-reads everything shown from the archive (after undo, redo, another window's change).
    void reload();

    static QStringList highlightColors();

Q_SIGNALS:
    // A short message for the status bar (a refused edit, nothing selected).
    void message(const QString &text);

private:
    bool push(store::Edit edit);
    void noteTextChanged();
    void addTagFromEditor();
    void removeTag(qint64 tagId);
    void reloadTags();
    void reloadHighlights();
    void reloadReview();
    void highlightChosen();
    void commentEdited();
    void deleteChosenHighlight();
    void reattachChosenReview();
    void deleteChosenReview();
    QStringList targetKeys() const;

    ReaderView *m_reader;
    QUndoStack *m_undoStack;
    store::Database *m_db = nullptr;
    QString m_articleKey;
    std::function<QStringList()> m_selectedKeys;
    QList<store::Note> m_highlights;
    QList<store::Note> m_review;
    bool m_loading = false;
    bool m_noteDirty = false; // typed since the last save
    // Notes of other articles whose save failed, by article key: never dropped, retried by flush.
    QHash<QString, QString> m_unsaved;

    QPlainTextEdit *m_note;
    QTimer *m_autosave;
    QLineEdit *m_tagEditor;
    QStringListModel *m_tagNames;
    QCompleter *m_completer;
    QWidget *m_chips;
    QHBoxLayout *m_chipLayout;
    QComboBox *m_color;
    QListWidget *m_highlightList;
    QLineEdit *m_comment;
    QPushButton *m_deleteHighlight;
    QListWidget *m_reviewList;
    QPushButton *m_reattach;
    QPushButton *m_deleteReview;
};

} // namespace baokan::ui
