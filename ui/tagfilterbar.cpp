// SPDX-License-Identifier: MIT
#include "tagfilterbar.h"

#include "store/database.h"
#include "store/tagstore.h"

#include <QAction>
#include <QComboBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QMenu>
#include <QPixmap>
#include <QToolButton>
#include <QVBoxLayout>

namespace baokan::ui {

namespace {

QString articleCount(int n)
{
    return n == 1 ? TagFilterBar::tr("1 article") : TagFilterBar::tr("%L1 articles").arg(n);
}

} // namespace

TagFilterBar::TagFilterBar(QWidget *parent)
    : QWidget(parent)
    , m_tagsButton(new QToolButton(this))
    , m_menu(new QMenu(this))
    , m_mode(new QComboBox(this))
    , m_stateRow(new QWidget(this))
    , m_state(new QLabel(m_stateRow))
    , m_clear(new QToolButton(m_stateRow))
{
    setObjectName(QStringLiteral("tagFilterBar"));
    m_tagsButton->setObjectName(QStringLiteral("tagFilterButton"));
    m_tagsButton->setText(tr("Filter by Tags"));
    m_tagsButton->setToolTip(tr("List the articles of every issue that carry the checked tags"));
    m_tagsButton->setPopupMode(QToolButton::InstantPopup);
    m_tagsButton->setMenu(m_menu);
    m_menu->setObjectName(QStringLiteral("tagFilterMenu"));
    m_mode->setObjectName(QStringLiteral("tagFilterMode"));
    m_mode->addItem(tr("with any checked tag"), false);
    m_mode->addItem(tr("with all checked tags"), true);
    m_mode->setToolTip(tr("Any: articles carrying at least one of the tags. All: only articles carrying every one."));
    m_state->setObjectName(QStringLiteral("tagFilterState"));
    m_state->setWordWrap(true);
    m_state->setSizePolicy(QSizePolicy::Ignored, QSizePolicy::Preferred);
    m_clear->setObjectName(QStringLiteral("tagFilterClear"));
    m_clear->setText(QStringLiteral("✕"));
    m_clear->setToolTip(tr("Clear the filter and show the chosen issue again"));
    m_clear->setAutoRaise(true);

    auto *top = new QHBoxLayout;
    top->setContentsMargins(0, 0, 0, 0);
    top->addWidget(m_tagsButton);
    top->addWidget(m_mode);
    top->addStretch(1);
    auto *stateLayout = new QHBoxLayout(m_stateRow);
    stateLayout->setContentsMargins(0, 0, 0, 0);
    stateLayout->addWidget(m_state, 1);
    stateLayout->addWidget(m_clear, 0, Qt::AlignTop);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(2, 2, 2, 2);
    layout->setSpacing(2);
    layout->addLayout(top);
    layout->addWidget(m_stateRow);
    m_stateRow->hide();

    connect(m_menu, &QMenu::triggered, this, [this](QAction *action) {
        const qint64 id = action->data().toLongLong();
        if (action->isChecked() && !m_checked.contains(id))
            m_checked << id;
        else if (!action->isChecked())
            m_checked.removeAll(id);
        if (m_checked.isEmpty())
            clearClicked();
        else
            apply(true);
    });
    connect(m_mode, &QComboBox::currentIndexChanged, this, [this] {
        if (!m_checked.isEmpty())
            apply(true);
    });
    connect(m_clear, &QToolButton::clicked, this, &TagFilterBar::clearClicked);
    rebuildMenu();
}

void TagFilterBar::setDatabase(const store::Database *db)
{
    m_db = db;
    reset();
    rebuildMenu();
}

bool TagFilterBar::matchAll() const
{
    return m_mode->currentData().toBool();
}

bool TagFilterBar::isFiltering() const
{
    return !m_checked.isEmpty() || m_otherList;
}

QString TagFilterBar::stateText() const
{
    return m_stateRow->isHidden() ? QString() : m_state->text();
}

void TagFilterBar::rebuildMenu()
{
    m_menu->clear();
    QList<qint64> existing;
    if (m_db) {
        for (const store::Tag &t : store::TagStore(m_db).tags()) {
            QPixmap swatch(12, 12);
            swatch.fill(QColor(t.color));
            QAction *action = m_menu->addAction(QIcon(swatch), tr("%1 (%2)").arg(t.name).arg(t.articleCount));
            action->setObjectName(QStringLiteral("tagFilter:") + t.name);
            action->setCheckable(true);
            action->setData(t.id);
            action->setProperty("tagName", t.name);
            action->setChecked(m_checked.contains(t.id));
            existing << t.id;
        }
    }
    if (m_menu->isEmpty()) {
        QAction *none = m_menu->addAction(tr("No tags yet: add one with T"));
        none->setEnabled(false);
    }
    // A deleted (or merged-away) tag no longer filters.
    for (qsizetype i = m_checked.size() - 1; i >= 0; --i) {
        if (!existing.contains(m_checked.at(i)))
            m_checked.removeAt(i);
    }
    m_tagsButton->setEnabled(m_db != nullptr);
}

void TagFilterBar::reload()
{
    const bool wasTagFilter = !m_checked.isEmpty();
    rebuildMenu();
    if (!wasTagFilter)
        return;
    if (m_checked.isEmpty()) {
        clearClicked();
        return;
    }
    apply(false);
}

void TagFilterBar::setTagFilter(const QList<qint64> &tagIds, bool all)
{
    m_checked.clear();
    for (qint64 id : tagIds) {
        if (!m_checked.contains(id))
            m_checked << id;
    }
    {
        const QSignalBlocker blocker(m_mode);
        m_mode->setCurrentIndex(all ? 1 : 0);
    }
    rebuildMenu();
    if (m_checked.isEmpty())
        clearClicked();
    else
        apply(true);
}

QString TagFilterBar::description() const
{
    // In the order the user checked them.
    QStringList names;
    for (qint64 id : m_checked) {
        for (const QAction *action : m_menu->actions()) {
            if (action->isCheckable() && action->data().toLongLong() == id)
                names << action->property("tagName").toString();
        }
    }
    return names.join(matchAll() ? tr(" and ") : tr(" or "));
}

void TagFilterBar::apply(bool force)
{
    const QStringList keys = m_db ? store::TagStore(m_db).articlesInReadingOrder(m_checked, matchAll()) : QStringList();
    const QString what = description();
    m_otherList = false;
    m_state->setText(tr("Filtered by: %1 — %2 in all issues").arg(what, articleCount(int(keys.size()))));
    m_state->setToolTip(matchAll() ? tr("Articles carrying every one of these tags")
                                   : tr("Articles carrying at least one of these tags"));
    m_stateRow->show();
    if (!force && keys == m_keys)
        return;
    m_keys = keys;
    Q_EMIT tagFilterChanged(keys, what);
}

void TagFilterBar::showList(const QString &description, int count)
{
    m_checked.clear();
    m_keys.clear();
    rebuildMenu();
    m_otherList = true;
    m_state->setText(tr("Showing: %1 — %2 in all issues").arg(description, articleCount(count)));
    m_state->setToolTip({});
    m_stateRow->show();
}

void TagFilterBar::reset()
{
    m_checked.clear();
    m_keys.clear();
    m_otherList = false;
    for (QAction *action : m_menu->actions())
        action->setChecked(false);
    m_stateRow->hide();
}

void TagFilterBar::clearClicked()
{
    reset();
    Q_EMIT cleared();
}

} // namespace baokan::ui
