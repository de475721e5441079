// SPDX-License-Identifier: MIT
#include "unplacedcorrections.h"

#include "entitylegend.h"

#include "store/correctionstore.h"
#include "store/database.h"

#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QPushButton>
#include <QTreeWidget>
#include <QVBoxLayout>

namespace baokan::ui {

namespace {

enum Role { IdRole = Qt::UserRole + 1 };

} // namespace

UnplacedCorrections::UnplacedCorrections(QWidget *parent)
    : QWidget(parent)
{
    setObjectName(QStringLiteral("unplacedCorrections"));
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    m_label = new QLabel(this);
    m_label->setWordWrap(true);
    layout->addWidget(m_label);
    m_list = new QTreeWidget(this);
    m_list->setObjectName(QStringLiteral("unplacedCorrectionList"));
    m_list->setHeaderLabels({tr("Text"), tr("Corrected to")});
    m_list->setRootIsDecorated(false);
    m_list->setUniformRowHeights(true);
    m_list->header()->setSectionResizeMode(0, QHeaderView::Stretch);
    m_list->header()->setSectionResizeMode(1, QHeaderView::ResizeToContents);
    m_list->header()->setStretchLastSection(false);
    m_list->setMaximumHeight(fontMetrics().height() * 6);
    layout->addWidget(m_list);
    auto *row = new QHBoxLayout;
    row->addStretch(1);
    m_delete = new QPushButton(tr("Delete Correction"), this);
    m_delete->setObjectName(QStringLiteral("deleteUnplacedCorrection"));
    m_delete->setEnabled(false);
    row->addWidget(m_delete);
    layout->addLayout(row);

    connect(m_list, &QTreeWidget::currentItemChanged, this,
            [this](QTreeWidgetItem *current) { m_delete->setEnabled(current != nullptr); });
    connect(m_delete, &QPushButton::clicked, this, [this] {
        if (QTreeWidgetItem *item = m_list->currentItem())
            Q_EMIT deleteRequested(item->data(0, IdRole).toLongLong());
    });
    hide();
}

void UnplacedCorrections::setArticle(store::Database *db, const QString &articleKey)
{
    m_corrections.clear();
    m_list->clear();
    if (db && !articleKey.isEmpty()) {
        if (const auto found = store::CorrectionStore::unplaced(db->connection(), articleKey))
            m_corrections = *found;
    }
    for (const store::Correction &c : std::as_const(m_corrections)) {
        auto *item = new QTreeWidgetItem(
            m_list, {c.text, c.type.isNull() ? tr("Not an entity") : EntityLegend::typeName(c.type)});
        item->setData(0, IdRole, c.id);
    }
    m_label->setText(tr("Corrections whose words this article no longer has: %1").arg(m_corrections.size()));
    m_delete->setEnabled(false);
    setVisible(!m_corrections.isEmpty());
}

} // namespace baokan::ui
