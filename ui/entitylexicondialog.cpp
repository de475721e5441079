// SPDX-License-Identifier: MIT
#include "entitylexicondialog.h"

#include "correctionmenu.h"
#include "entitylegend.h"

#include "store/correctionedits.h"
#include "store/correctionstore.h"
#include "store/database.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QTreeWidget>
#include <QVBoxLayout>

namespace baokan::ui {

namespace {

enum Role { TextRole = Qt::UserRole + 1 };

// The combo box keeps "never" as an invalid QVariant: a null type is what the archive stores.
QString typeOf(const QComboBox *rule)
{
    const QVariant data = rule->currentData();
    return data.isValid() ? data.toString() : QString();
}

} // namespace

EntityLexiconDialog::EntityLexiconDialog(store::Database *db, CorrectionMenu *corrections, QWidget *parent)
    : QDialog(parent)
    , m_db(db)
    , m_corrections(corrections)
{
    setObjectName(QStringLiteral("entityLexiconDialog"));
    setWindowTitle(tr("Entity Lexicon"));
    auto *layout = new QVBoxLayout(this);
    auto *intro = new QLabel(tr("Words the recognizer always takes as one type, or never takes as an entity, "
                                "everywhere in the archive."),
                             this);
    intro->setWordWrap(true);
    layout->addWidget(intro);

    m_filter = new QLineEdit(this);
    m_filter->setObjectName(QStringLiteral("lexiconFilter"));
    m_filter->setPlaceholderText(tr("Filter"));
    m_filter->setClearButtonEnabled(true);
    layout->addWidget(m_filter);

    m_list = new QTreeWidget(this);
    m_list->setObjectName(QStringLiteral("lexiconList"));
    m_list->setHeaderLabels({tr("Text"), tr("Rule")});
    m_list->setRootIsDecorated(false);
    m_list->setUniformRowHeights(true);
    m_list->setSortingEnabled(true);
    m_list->sortByColumn(0, Qt::AscendingOrder);
    m_list->header()->setSectionResizeMode(0, QHeaderView::Stretch);
    m_list->header()->setSectionResizeMode(1, QHeaderView::ResizeToContents);
    m_list->header()->setStretchLastSection(false);
    layout->addWidget(m_list, 1);
    m_count = new QLabel(this);
    m_count->setObjectName(QStringLiteral("lexiconCount"));
    layout->addWidget(m_count);

    auto *form = new QFormLayout;
    m_text = new QLineEdit(this);
    m_text->setObjectName(QStringLiteral("lexiconText"));
    m_text->setPlaceholderText(tr("A word or name, as printed"));
    m_rule = new QComboBox(this);
    m_rule->setObjectName(QStringLiteral("lexiconRule"));
    for (const QString &type : EntityLegend::types())
        m_rule->addItem(ruleText(type), type);
    m_rule->addItem(ruleText(QString()), QVariant());
    form->addRow(tr("&Text:"), m_text);
    form->addRow(tr("&Rule:"), m_rule);
    layout->addLayout(form);
    m_error = new QLabel(this);
    m_error->setObjectName(QStringLiteral("lexiconError"));
    m_error->setWordWrap(true);
    m_error->hide();
    layout->addWidget(m_error);

    auto *buttons = new QHBoxLayout;
    m_new = new QPushButton(tr("&New"), this);
    m_new->setObjectName(QStringLiteral("lexiconNew"));
    m_save = new QPushButton(tr("&Add"), this);
    m_save->setObjectName(QStringLiteral("lexiconSave"));
    m_remove = new QPushButton(tr("Re&move"), this);
    m_remove->setObjectName(QStringLiteral("lexiconRemove"));
    buttons->addWidget(m_new);
    buttons->addWidget(m_save);
    buttons->addWidget(m_remove);
    buttons->addStretch(1);
    auto *close = new QDialogButtonBox(QDialogButtonBox::Close, this);
    buttons->addWidget(close);
    layout->addLayout(buttons);
    // Enter in the text field saves the entry instead of closing the dialog.
    m_save->setDefault(true);

    connect(close, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_filter, &QLineEdit::textChanged, this, &EntityLexiconDialog::applyFilter);
    connect(m_list, &QTreeWidget::itemSelectionChanged, this, &EntityLexiconDialog::entryChosen);
    connect(m_new, &QPushButton::clicked, this, &EntityLexiconDialog::startNewEntry);
    connect(m_save, &QPushButton::clicked, this, &EntityLexiconDialog::saveForm);
    connect(m_remove, &QPushButton::clicked, this, [this] {
        if (!m_editing.isEmpty())
            removeEntry(m_editing);
    });
    connect(m_text, &QLineEdit::textChanged, this, &EntityLexiconDialog::updateButtons);
    connect(m_text, &QLineEdit::returnPressed, this, &EntityLexiconDialog::saveForm);
    // Undo and redo in the window change the lexicon too.
    connect(m_corrections, &CorrectionMenu::corrected, this, &EntityLexiconDialog::reload);
    connect(m_corrections, &CorrectionMenu::message, this, [this](const QString &text) {
        m_error->setText(text);
        m_error->show();
    });

    resize(520, 480);
    reload();
    startNewEntry();
}

QString EntityLexiconDialog::ruleText(const QString &type)
{
    if (type.isNull())
        return tr("Never an Entity");
    const QString name = EntityLegend::typeName(type);
    // English needs "an" before a vowel; other languages translate both forms as they need.
    if (QStringLiteral("AEIOU").contains(name.left(1)))
        return tr("Always an %1").arg(name);
    return tr("Always a %1").arg(name);
}

void EntityLexiconDialog::reload()
{
    m_entries.clear();
    if (m_db) {
        if (const auto found = store::CorrectionStore::lexicon(m_db->connection()))
            m_entries = *found;
    }
    const QSignalBlocker blocker(m_list);
    m_list->clear();
    QTreeWidgetItem *current = nullptr;
    for (const store::LexiconEntry &e : std::as_const(m_entries)) {
        auto *item = new QTreeWidgetItem(m_list, {e.text, ruleText(e.type)});
        item->setData(0, TextRole, e.text);
        if (!e.type.isNull())
            item->setIcon(1, [&] {
                QPixmap swatch(12, 12);
                swatch.fill(EntityLegend::typeColour(e.type));
                return QIcon(swatch);
            }());
        if (e.text == m_editing)
            current = item;
    }
    if (current)
        m_list->setCurrentItem(current);
    else if (!m_editing.isEmpty())
        m_editing.clear(); // the entry went away (undo): the form now adds a new one
    applyFilter();
    // The form shows the entry as the archive has it now (after a save, an undo or a redo).
    if (current)
        entryChosen();
    updateButtons();
}

void EntityLexiconDialog::applyFilter()
{
    const QString filter = m_filter->text().trimmed();
    int shown = 0;
    for (int i = 0; i < m_list->topLevelItemCount(); ++i) {
        QTreeWidgetItem *item = m_list->topLevelItem(i);
        const bool match = filter.isEmpty() || item->text(0).contains(filter, Qt::CaseInsensitive) ||
                           item->text(1).contains(filter, Qt::CaseInsensitive);
        item->setHidden(!match);
        shown += match ? 1 : 0;
    }
    const int total = m_list->topLevelItemCount();
    if (shown != total)
        m_count->setText(tr("%1 of %2 entries").arg(shown).arg(total));
    else
        m_count->setText(total == 1 ? tr("1 entry") : tr("%1 entries").arg(total));
}

void EntityLexiconDialog::entryChosen()
{
    QTreeWidgetItem *item = m_list->currentItem();
    if (!item || !item->isSelected())
        return;
    m_editing = item->data(0, TextRole).toString();
    for (const store::LexiconEntry &e : std::as_const(m_entries)) {
        if (e.text != m_editing)
            continue;
        m_text->setText(e.text);
        const int index = e.type.isNull() ? m_rule->count() - 1 : m_rule->findData(e.type);
        m_rule->setCurrentIndex(std::max(0, index));
    }
    m_error->hide();
    updateButtons();
}

void EntityLexiconDialog::startNewEntry()
{
    m_editing.clear();
    m_list->clearSelection();
    m_text->clear();
    m_rule->setCurrentIndex(0);
    m_error->hide();
    m_text->setFocus();
    updateButtons();
}

void EntityLexiconDialog::saveForm()
{
    if (saveEntry(m_text->text(), typeOf(m_rule), m_editing))
        m_error->hide();
}

bool EntityLexiconDialog::saveEntry(const QString &text, const QString &type, const QString &replacing)
{
    const QString word = text.trimmed();
    if (word.isEmpty())
        return false;
    const bool ok = m_corrections->push(store::CorrectionEdits::setLexiconEntry(word, type, replacing),
                                        tr("Lexicon: %1, %2").arg(word, ruleText(type)));
    if (ok) {
        m_editing = word;
        reload();
    }
    return ok;
}

bool EntityLexiconDialog::removeEntry(const QString &text)
{
    if (!m_corrections->push(store::CorrectionEdits::removeLexiconEntry(text),
                             tr("Remove %1 from the Lexicon").arg(text)))
        return false;
    startNewEntry();
    reload();
    return true;
}

void EntityLexiconDialog::updateButtons()
{
    m_save->setText(m_editing.isEmpty() ? tr("&Add") : tr("&Save"));
    m_save->setEnabled(!m_text->text().trimmed().isEmpty());
    m_remove->setEnabled(!m_editing.isEmpty());
}

} // namespace baokan::ui
