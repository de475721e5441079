// SPDX-License-Identifier: MIT
#pragma once

#include "store/annotation.h"

#include <QDialog>

class QComboBox;
class QLabel;
class QLineEdit;
class QPushButton;
class QTreeWidget;

namespace baokan::store {
class Database;
}

namespace baokan::ui {

class CorrectionMenu;

// The user lexicon: words the recognizer must always take as one type ("always a Person") or
// never take as an entity, listed with a filter as you type, added, edited and removed. Every
// change is an undoable correction pushed through CorrectionMenu, so the reader and the Entities
// panel follow it. GUI thread only.
class EntityLexiconDialog final : public QDialog
{
    Q_OBJECT

public:
    EntityLexiconDialog(store::Database *db, CorrectionMenu *corrections, QWidget *parent = nullptr);

    // What the Save and Remove buttons do. type null: "never an entity". A non-empty `replacing`
    // is the entry being edited, removed in the same undo step when the text changes.
    bool saveEntry(const QString &text, const QString &type, const QString &replacing = {});
    bool removeEntry(const QString &text);

    QList<store::LexiconEntry> entries() const { return m_entries; }
    void reload();

    // "Always a Person", "Never an Entity".
    static QString ruleText(const QString &type);

private:
    void applyFilter();
    void entryChosen();
    void startNewEntry();
    void saveForm();
    void updateButtons();

    store::Database *m_db;
    CorrectionMenu *m_corrections;
    QList<store::LexiconEntry> m_entries;
    QString m_editing; // the text of the entry in the form; empty for a new one
    QLineEdit *m_filter;
    QTreeWidget *m_list;
    QLabel *m_count;
    QLineEdit *m_text;
    QComboBox *m_rule;
    QPushButton *m_save;
    QPushButton *m_new;
    QPushButton *m_remove;
    QLabel *m_error;
};

} // namespace baokan::ui
