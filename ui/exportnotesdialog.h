// SPDX-License-Identifier: MIT
#pragma once

#include "export/notesexporter.h"

#include <QDialog>

class QComboBox;
class QDialogButtonBox;
class QLineEdit;

namespace baokan::ui {

// Asks where and how to export the notes: format, encoding, which articles, and the file.
// It only asks; the window runs the export. GUI thread only.
class ExportNotesDialog final : public QDialog
{
    Q_OBJECT

public:
    enum class Scope { WholeArchive, SelectedArticles, CurrentIssue };

    explicit ExportNotesDialog(QWidget *parent = nullptr);

    QString path() const;
    void setPath(const QString &path);
    Scope scope() const;
    // Format and encoding; the article filter is the caller's, from scope().
    exporting::NotesExportOptions options() const;

private:
    void browse();
    void formatChanged();
    void updateOk();

    QComboBox *m_format;
    QComboBox *m_encoding;
    QComboBox *m_scope;
    QLineEdit *m_path;
    QDialogButtonBox *m_buttons;
};

} // namespace baokan::ui
