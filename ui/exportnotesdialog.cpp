// SPDX-License-Identifier: MIT
#include "exportnotesdialog.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QDir>
#include <QFileDialog>
#include <QFileInfo>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLineEdit>
#include <QPushButton>

namespace baokan::ui {

namespace {

enum EncodingChoice { Utf8Bom, Utf8, Gb18030 };

} // namespace

ExportNotesDialog::ExportNotesDialog(QWidget *parent)
    : QDialog(parent)
    , m_format(new QComboBox(this))
    , m_encoding(new QComboBox(this))
    , m_scope(new QComboBox(this))
    , m_path(new QLineEdit(this))
    , m_buttons(new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this))
{
    setObjectName(QStringLiteral("exportNotesDialog"));
    setWindowTitle(tr("Export Notes"));
    m_format->setObjectName(QStringLiteral("exportFormat"));
    m_format->addItem(tr("CSV (spreadsheet)"), int(exporting::NotesExportOptions::Format::Csv));
    m_format->addItem(tr("JSON (everything, for import into another archive)"),
                      int(exporting::NotesExportOptions::Format::Json));
    m_encoding->setObjectName(QStringLiteral("exportEncoding"));
    m_encoding->addItem(tr("UTF-8 with BOM (Excel shows Chinese)"), Utf8Bom);
    m_encoding->addItem(tr("UTF-8 without BOM"), Utf8);
    m_encoding->addItem(tr("GB18030"), Gb18030);
    m_scope->setObjectName(QStringLiteral("exportScope"));
    m_scope->addItem(tr("The whole archive"), int(Scope::WholeArchive));
    m_scope->addItem(tr("The selected articles"), int(Scope::SelectedArticles));
    m_scope->addItem(tr("The articles listed (the chosen issue, or the tag filter)"), int(Scope::CurrentIssue));
    m_path->setObjectName(QStringLiteral("exportPath"));
    m_path->setText(QDir::home().filePath(QStringLiteral("notes.csv")));
    auto *browse = new QPushButton(tr("Choose…"), this);
    connect(browse, &QPushButton::clicked, this, &ExportNotesDialog::browse);
    auto *pathRow = new QHBoxLayout;
    pathRow->addWidget(m_path, 1);
    pathRow->addWidget(browse);

    auto *form = new QFormLayout(this);
    form->addRow(tr("Format:"), m_format);
    form->addRow(tr("Encoding:"), m_encoding);
    form->addRow(tr("Notes of:"), m_scope);
    form->addRow(tr("File:"), pathRow);
    form->addRow(m_buttons);
    connect(m_buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_format, &QComboBox::currentIndexChanged, this, &ExportNotesDialog::formatChanged);
    connect(m_path, &QLineEdit::textChanged, this, &ExportNotesDialog::updateOk);
    resize(520, sizeHint().height());
}

QString ExportNotesDialog::path() const
{
    return m_path->text().trimmed();
}

void ExportNotesDialog::setPath(const QString &path)
{
    m_path->setText(path);
}

ExportNotesDialog::Scope ExportNotesDialog::scope() const
{
    return Scope(m_scope->currentData().toInt());
}

exporting::NotesExportOptions ExportNotesDialog::options() const
{
    exporting::NotesExportOptions o;
    o.format = exporting::NotesExportOptions::Format(m_format->currentData().toInt());
    const int encoding = m_encoding->currentData().toInt();
    o.encoding = encoding == Gb18030 ? exporting::CsvWriter::Encoding::Gb18030 : exporting::CsvWriter::Encoding::Utf8;
    o.byteOrderMark = encoding == Utf8Bom;
    return o;
}

void ExportNotesDialog::browse()
{
    const bool json = options().format == exporting::NotesExportOptions::Format::Json;
    const QString chosen = QFileDialog::getSaveFileName(this, tr("Export Notes To"), path(),
                                                        json ? tr("JSON files (*.json);;All files (*)")
                                                             : tr("CSV files (*.csv);;All files (*)"));
    if (!chosen.isEmpty())
        m_path->setText(chosen);
}

void ExportNotesDialog::formatChanged()
{
    const bool json = options().format == exporting::NotesExportOptions::Format::Json;
    // JSON is always UTF-8; the encoding choice is the spreadsheet's.
    m_encoding->setEnabled(!json);
    const QFileInfo info(path());
    if (!path().isEmpty())
        m_path->setText(
            info.dir().filePath(info.completeBaseName() + (json ? QStringLiteral(".json") : QStringLiteral(".csv"))));
}

void ExportNotesDialog::updateOk()
{
    m_buttons->button(QDialogButtonBox::Ok)->setEnabled(!path().isEmpty());
}

} // namespace baokan::ui
