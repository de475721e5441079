// SPDX-License-Identifier: MIT
#include "tagmanagerdialog.h"

#include "editcommand.h"

#include "store/database.h"
#include "store/storagefailure.h"
#include "store/tagedits.h"
#include "store/tagstore.h"

#include <QDialogButtonBox>
#include <QHBoxLayout>
#include <QInputDialog>
#include <QListWidget>
#include <QMessageBox>
#include <QPixmap>
#include <QPushButton>
#include <QUndoStack>
#include <QVBoxLayout>

#include <utility>

namespace baokan::ui {

TagManagerDialog::TagManagerDialog(store::Database *db, QUndoStack *undoStack, QWidget *parent)
    : QDialog(parent)
    , m_db(db)
    , m_undoStack(undoStack)
    , m_list(new QListWidget(this))
    , m_rename(new QPushButton(tr("Rename…"), this))
    , m_merge(new QPushButton(tr("Merge Into…"), this))
    , m_delete(new QPushButton(tr("Delete…"), this))
    , m_show(new QPushButton(tr("Show Articles"), this))
{
    setObjectName(QStringLiteral("tagManager"));
    setWindowTitle(tr("Tags"));
    m_list->setObjectName(QStringLiteral("tagList"));
    m_list->setSelectionMode(QAbstractItemView::ExtendedSelection);
    m_rename->setObjectName(QStringLiteral("renameTag"));
    m_merge->setObjectName(QStringLiteral("mergeTag"));
    m_delete->setObjectName(QStringLiteral("deleteTag"));
    m_show->setObjectName(QStringLiteral("showTagArticles"));
    m_show->setToolTip(tr("List the articles, in every issue, that carry all the chosen tags"));

    auto *buttons = new QVBoxLayout;
    for (QPushButton *b : {m_rename, m_merge, m_delete, m_show})
        buttons->addWidget(b);
    buttons->addStretch(1);
    auto *row = new QHBoxLayout;
    row->addWidget(m_list, 1);
    row->addLayout(buttons);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(row);
    auto *close = new QDialogButtonBox(QDialogButtonBox::Close, this);
    connect(close, &QDialogButtonBox::rejected, this, &QDialog::reject);
    layout->addWidget(close);

    connect(m_rename, &QPushButton::clicked, this, &TagManagerDialog::renameChosen);
    connect(m_merge, &QPushButton::clicked, this, &TagManagerDialog::mergeChosen);
    connect(m_delete, &QPushButton::clicked, this, &TagManagerDialog::deleteChosen);
    connect(m_show, &QPushButton::clicked, this, &TagManagerDialog::showChosen);
    connect(m_list, &QListWidget::itemSelectionChanged, this, &TagManagerDialog::updateButtons);
    connect(m_undoStack, &QUndoStack::indexChanged, this, &TagManagerDialog::reload);
    resize(440, 420);
    reload();
}

void TagManagerDialog::reload()
{
    const QList<qint64> chosen = chosenIds();
    m_tags = store::TagStore(m_db->connection()).tags();
    m_list->clear();
    for (const store::Tag &t : std::as_const(m_tags)) {
        QPixmap swatch(14, 14);
        swatch.fill(QColor(t.color));
        auto *item =
            new QListWidgetItem(QIcon(swatch), tr("%1  (%n article(s))", nullptr, t.articleCount).arg(t.name), m_list);
        item->setData(Qt::UserRole, t.id);
        item->setSelected(chosen.contains(t.id));
    }
    updateButtons();
}

bool TagManagerDialog::push(store::Edit edit)
{
    QString error;
    if (!edit.apply(m_db->connection(), &error)) {
        QMessageBox::warning(this, tr("Tags"), store::StorageFailure::explain(error));
        return false;
    }
    m_undoStack->push(new EditCommand(m_db, std::move(edit)));
    reload(); // a merged step leaves the index where it was
    return true;
}

bool TagManagerDialog::renameTag(qint64 tagId, const QString &newName)
{
    return push(store::TagEdits::rename(tagId, newName));
}

bool TagManagerDialog::mergeTags(qint64 fromId, qint64 intoId)
{
    return push(store::TagEdits::merge(fromId, intoId));
}

bool TagManagerDialog::deleteTag(qint64 tagId)
{
    return push(store::TagEdits::deleteTag(tagId));
}

QList<qint64> TagManagerDialog::chosenIds() const
{
    QList<qint64> ids;
    for (const QListWidgetItem *item : m_list->selectedItems())
        ids << item->data(Qt::UserRole).toLongLong();
    return ids;
}

void TagManagerDialog::updateButtons()
{
    const int n = int(chosenIds().size());
    m_rename->setEnabled(n == 1);
    m_merge->setEnabled(n == 1 && m_tags.size() > 1);
    m_delete->setEnabled(n == 1);
    m_show->setEnabled(n >= 1);
}

void TagManagerDialog::renameChosen()
{
    const QList<qint64> ids = chosenIds();
    if (ids.size() != 1)
        return;
    const auto tag = store::TagStore(m_db->connection()).tag(ids.first());
    if (!tag)
        return;
    bool ok = false;
    const QString name = QInputDialog::getText(this, tr("Rename Tag"), tr("New name for “%1”:").arg(tag->name),
                                               QLineEdit::Normal, tag->name, &ok);
    if (ok && !name.trimmed().isEmpty() && name != tag->name)
        renameTag(tag->id, name);
}

void TagManagerDialog::mergeChosen()
{
    const QList<qint64> ids = chosenIds();
    if (ids.size() != 1)
        return;
    QStringList names;
    QList<qint64> targets;
    QString fromName;
    for (const store::Tag &t : std::as_const(m_tags)) {
        if (t.id == ids.first()) {
            fromName = t.name;
            continue;
        }
        names << t.name;
        targets << t.id;
    }
    bool ok = false;
    const QString into = QInputDialog::getItem(
        this, tr("Merge Tags"), tr("Every article tagged “%1” gets the tag:").arg(fromName), names, 0, false, &ok);
    if (ok && names.contains(into))
        mergeTags(ids.first(), targets.at(names.indexOf(into)));
}

void TagManagerDialog::deleteChosen()
{
    const QList<qint64> ids = chosenIds();
    if (ids.size() != 1)
        return;
    const store::TagStore tags(m_db->connection());
    const auto tag = tags.tag(ids.first());
    if (!tag)
        return;
    const int count = tags.articleCount(tag->id);
    const auto answer = QMessageBox::question(
        this, tr("Delete Tag"),
        tr("Delete the tag “%1”? It is taken off %n article(s). Edit › Undo brings it back.", nullptr, count)
            .arg(tag->name));
    if (answer == QMessageBox::Yes)
        deleteTag(tag->id);
}

void TagManagerDialog::showChosen()
{
    const QList<qint64> ids = chosenIds();
    if (!ids.isEmpty())
        Q_EMIT filterByTags(ids);
}

} // namespace baokan::ui
