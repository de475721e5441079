// SPDX-License-Identifier: MIT
#include "entitiespanel.h"

#include "entitylegend.h"
#include "readerview.h"
#include "settings.h"
#include "unplacedcorrections.h"

#include "store/database.h"
#include "store/entityindexjob.h"

#include <QComboBox>
#include <QEvent>
#include <QHeaderView>
#include <QHelpEvent>
#include <QLabel>
#include <QLineEdit>
#include <QMenu>
#include <QMouseEvent>
#include <QPushButton>
#include <QSplitter>
#include <QTextCursor>
#include <QTimer>
#include <QToolTip>
#include <QTreeWidget>
#include <QVBoxLayout>

namespace baokan::ui {

namespace {

constexpr int IndexLimit = 300;     // rows of the archive index shown; the filter narrows the rest
constexpr int ArticlesLimit = 1000; // articles listed for one entity

enum Role { TypeRole = Qt::UserRole + 1, TextRole, KeyRole };

QTreeWidget *makeTree(const QString &name, const QStringList &headers, QWidget *parent)
{
    auto *tree = new QTreeWidget(parent);
    tree->setObjectName(name);
    tree->setHeaderLabels(headers);
    tree->setRootIsDecorated(false);
    tree->setUniformRowHeights(true);
    tree->header()->setStretchLastSection(false);
    tree->header()->setSectionResizeMode(0, QHeaderView::Stretch);
    for (int i = 1; i < headers.size(); ++i)
        tree->header()->setSectionResizeMode(i, QHeaderView::ResizeToContents);
    return tree;
}

QIcon typeIcon(const QString &type, const QPalette &palette)
{
    const QTextCharFormat f = EntityLegend::highlightFormat(type, palette);
    QPixmap swatch(12, 12);
    swatch.fill(f.underlineColor());
    return QIcon(swatch);
}

} // namespace

EntitiesPanel::EntitiesPanel(ReaderView *reader, Settings *settings, QWidget *parent)
    : QDockWidget(tr("Entities"), parent)
    , m_reader(reader)
    , m_settings(settings)
{
    setObjectName(QStringLiteral("entitiesPanel"));
    auto *body = new QWidget(this);
    auto *layout = new QVBoxLayout(body);
    layout->setContentsMargins(4, 4, 4, 4);

    m_legend = new EntityLegend(m_settings, body);
    layout->addWidget(m_legend);

    auto *split = new QSplitter(Qt::Vertical, body);
    layout->addWidget(split, 1);

    m_articleEntities = makeTree(QStringLiteral("articleEntities"), {tr("In this article"), tr("Mentions")}, split);
    m_articleEntities->setRootIsDecorated(true);
    auto *articleBox = new QWidget(split);
    auto *articleLayout = new QVBoxLayout(articleBox);
    articleLayout->setContentsMargins(0, 0, 0, 0);
    m_articleEntities->setParent(articleBox);
    articleLayout->addWidget(m_articleEntities, 1);
    m_unplaced = new UnplacedCorrections(articleBox);
    articleLayout->addWidget(m_unplaced);
    split->addWidget(articleBox);

    auto *indexBox = new QWidget(split);
    auto *indexLayout = new QVBoxLayout(indexBox);
    indexLayout->setContentsMargins(0, 0, 0, 0);
    auto *filterRow = new QHBoxLayout;
    m_filter = new QLineEdit(indexBox);
    m_filter->setObjectName(QStringLiteral("entityFilter"));
    m_filter->setPlaceholderText(tr("Filter the archive's entities"));
    m_filter->setClearButtonEnabled(true);
    m_typeFilter = new QComboBox(indexBox);
    m_typeFilter->setObjectName(QStringLiteral("entityTypeFilter"));
    m_typeFilter->addItem(tr("All types"), QString());
    for (const QString &type : EntityLegend::types())
        m_typeFilter->addItem(EntityLegend::typeName(type), type);
    filterRow->addWidget(m_filter, 1);
    filterRow->addWidget(m_typeFilter);
    indexLayout->addLayout(filterRow);
    m_index =
        makeTree(QStringLiteral("entityIndex"), {tr("Entity"), tr("Type"), tr("Mentions"), tr("Articles")}, indexBox);
    indexLayout->addWidget(m_index, 1);
    m_indexCount = new QLabel(indexBox);
    m_indexCount->setObjectName(QStringLiteral("entityIndexCount"));
    indexLayout->addWidget(m_indexCount);
    split->addWidget(indexBox);

    auto *articlesBox = new QWidget(split);
    auto *articlesLayout = new QVBoxLayout(articlesBox);
    articlesLayout->setContentsMargins(0, 0, 0, 0);
    m_chosenLabel = new QLabel(tr("Choose an entity to see the articles that mention it."), articlesBox);
    m_chosenLabel->setObjectName(QStringLiteral("entityChosenLabel"));
    m_chosenLabel->setWordWrap(true);
    articlesLayout->addWidget(m_chosenLabel);
    m_articles = makeTree(QStringLiteral("entityArticles"), {tr("Article"), tr("Issue"), tr("Mentions")}, articlesBox);
    articlesLayout->addWidget(m_articles, 1);
    m_showArticles = new QPushButton(tr("Show in Article List"), articlesBox);
    m_showArticles->setObjectName(QStringLiteral("showEntityArticles"));
    m_showArticles->setEnabled(false);
    m_searchEntity = new QPushButton(tr("Search for It"), articlesBox);
    m_searchEntity->setObjectName(QStringLiteral("searchForEntity"));
    m_searchEntity->setEnabled(false);
    auto *buttons = new QHBoxLayout;
    buttons->addWidget(m_showArticles);
    buttons->addWidget(m_searchEntity);
    articlesLayout->addLayout(buttons);
    split->addWidget(articlesBox);

    split->setStretchFactor(0, 2);
    split->setStretchFactor(1, 3);
    split->setStretchFactor(2, 2);
    setWidget(body);

    // Typing narrows the index after a short pause, not on every key stroke.
    m_filterTimer = new QTimer(this);
    m_filterTimer->setSingleShot(true);
    m_filterTimer->setInterval(150);
    connect(m_filterTimer, &QTimer::timeout, this, &EntitiesPanel::reloadIndex);
    connect(m_filter, &QLineEdit::textChanged, m_filterTimer, qOverload<>(&QTimer::start));
    connect(m_typeFilter, qOverload<int>(&QComboBox::currentIndexChanged), this, &EntitiesPanel::reloadIndex);
    // The archive index reads every mention of the archive: it is read when the user can see it,
    // not when an archive opens behind the Notes tab. (The signal also tells tab switches.)
    connect(this, &QDockWidget::visibilityChanged, this, [this](bool visible) {
        m_indexVisible = visible;
        if (visible && m_indexStale)
            reloadIndex();
    });
    connect(m_legend, &EntityLegend::shownTypesChanged, this, &EntitiesPanel::applyHighlights);
    connect(m_articleEntities, &QTreeWidget::itemActivated, this, &EntitiesPanel::entityItemChosen);
    connect(m_articleEntities, &QTreeWidget::itemClicked, this, &EntitiesPanel::entityItemChosen);
    connect(m_index, &QTreeWidget::itemActivated, this, &EntitiesPanel::entityItemChosen);
    connect(m_index, &QTreeWidget::itemClicked, this, &EntitiesPanel::entityItemChosen);
    connect(m_articles, &QTreeWidget::itemActivated, this, [this](QTreeWidgetItem *item) {
        if (item)
            Q_EMIT articleChosen(item->data(0, KeyRole).toString());
    });
    connect(m_searchEntity, &QPushButton::clicked, this, [this] {
        if (!m_chosenText.isEmpty())
            Q_EMIT searchRequested(m_chosenType, m_chosenText);
    });
    for (QTreeWidget *tree : {m_articleEntities, m_index}) {
        tree->setContextMenuPolicy(Qt::CustomContextMenu);
        connect(tree, &QTreeWidget::customContextMenuRequested, this,
                [this, tree](const QPoint &pos) { showEntityMenu(tree, pos); });
    }
    connect(m_showArticles, &QPushButton::clicked, this, [this] {
        QStringList keys;
        for (const store::EntityArticle &a : m_chosenArticles)
            keys << a.key;
        Q_EMIT showArticles(keys, m_chosenText);
    });

    m_reader->viewport()->installEventFilter(this);
    m_reader->installEventFilter(this); // for its palette changes
}

void EntitiesPanel::setDatabase(store::Database *db)
{
    stopIndexJob(); // its worker reads the archive that may be about to go
    m_index->clear();
    m_db = db;
    m_articleId = 0;
    m_mentions.clear();
    m_postsCache.clear();
    m_chosenType.clear();
    m_chosenText.clear();
    m_chosenArticles.clear();
    m_articles->clear();
    m_showArticles->setEnabled(false);
    m_searchEntity->setEnabled(false);
    reloadArticleEntities();
    reloadIndex();
}

void EntitiesPanel::setArticle(qint64 articleId)
{
    m_articleId = articleId;
    m_mentions.clear();
    if (m_db && articleId > 0) {
        if (const auto found = store::EntityStore::mentions(m_db->connection(), articleId))
            m_mentions = *found;
    }
    applyHighlights();
    reloadArticleEntities();
}

void EntitiesPanel::reload()
{
    m_postsCache.clear();
    setArticle(m_articleId);
    reloadIndex();
    if (!m_chosenType.isEmpty())
        chooseEntity(m_chosenType, m_chosenText);
}

void EntitiesPanel::applyHighlights()
{
    QList<ReaderView::Highlight> highlights;
    for (const store::StoredMention &m : m_mentions) {
        const std::optional<ReaderField> field = readerFieldFromName(m.field);
        if (!field || !m_legend->isShown(m.type))
            continue;
        highlights.append(
            {FieldRange{*field, m.start, m.end}, EntityLegend::highlightFormat(m.type, m_reader->palette())});
    }
    m_reader->highlightRanges(ReaderView::Layer::Entities, highlights);
}

void EntitiesPanel::reloadArticleEntities()
{
    m_articleEntities->clear();
    m_unplaced->setArticle(m_articleId > 0 ? m_db : nullptr,
                           m_reader->hasArticle() ? m_reader->article().key : QString());
    if (!m_db || m_articleId <= 0)
        return;
    const auto found = store::EntityStore::articleEntities(m_db->connection(), m_articleId);
    if (!found)
        return;
    QHash<QString, QTreeWidgetItem *> groups;
    for (const QString &type : EntityLegend::types()) {
        auto *group = new QTreeWidgetItem(m_articleEntities, {EntityLegend::typeName(type)});
        group->setIcon(0, typeIcon(type, palette()));
        group->setFlags(Qt::ItemIsEnabled);
        groups.insert(type, group);
    }
    for (const store::EntityCount &e : *found) {
        QTreeWidgetItem *group = groups.value(e.type);
        if (!group) {
            group = new QTreeWidgetItem(m_articleEntities, {e.type});
            groups.insert(e.type, group);
        }
        auto *item = new QTreeWidgetItem(group, {e.text, QString::number(e.mentions)});
        item->setData(0, TypeRole, e.type);
        item->setData(0, TextRole, e.text);
        item->setData(1, Qt::TextAlignmentRole, int(Qt::AlignRight | Qt::AlignVCenter));
    }
    // Types the article does not mention are left out rather than shown empty.
    for (QTreeWidgetItem *group : std::as_const(groups)) {
        if (group->childCount() == 0)
            delete group;
        else
            group->setText(1, QString::number(group->childCount()));
    }
    m_articleEntities->expandAll();
}

void EntitiesPanel::stopIndexJob()
{
    delete m_indexJob; // waits for a running query
    m_indexJob = nullptr;
    m_indexAgain = false;
}

bool EntitiesPanel::isReadingIndex() const
{
    return m_indexJob && m_indexJob->isRunning();
}

void EntitiesPanel::reloadIndex()
{
    m_indexStale = m_db && !m_indexVisible;
    if (!m_db || m_indexStale) {
        stopIndexJob();
        m_index->clear();
        m_indexCount->clear();
        return;
    }
    // One query at a time: a newer request waits for the running one and then reads afresh.
    if (m_indexJob && m_indexJob->isRunning()) {
        m_indexAgain = true;
        return;
    }
    if (m_indexJob)
        m_indexJob->deleteLater();
    m_indexAgain = false;
    m_indexJob = new store::EntityIndexJob(
        {m_db, m_filter->text().trimmed(), m_typeFilter->currentData().toString(), IndexLimit}, this);
    store::EntityIndexJob *job = m_indexJob;
    connect(job, &store::EntityIndexJob::finished, this, [this, job](const store::EntityIndexPage &page) {
        if (job != m_indexJob)
            return;
        if (m_indexAgain)
            reloadIndex();
        else
            showIndex(page);
    });
    connect(job, &store::EntityIndexJob::failed, this, [this, job](const QString &) {
        if (job != m_indexJob)
            return;
        if (m_indexAgain) {
            reloadIndex();
            return;
        }
        m_index->clear();
        m_indexCount->setText(tr("The archive's entities could not be read."));
        Q_EMIT indexRead();
    });
    // The list shown stays until the new one is read, so it does not flicker on every change.
    if (m_index->topLevelItemCount() == 0)
        m_indexCount->setText(tr("Reading the archive's entities…"));
    m_indexJob->start();
}

void EntitiesPanel::showIndex(const store::EntityIndexPage &page)
{
    m_index->clear();
    QList<QTreeWidgetItem *> items;
    for (const store::EntityCount &e : page.entries) {
        auto *item = new QTreeWidgetItem({e.text, e.type, QString::number(e.mentions), QString::number(e.articles)});
        item->setIcon(0, typeIcon(e.type, palette()));
        item->setData(0, TypeRole, e.type);
        item->setData(0, TextRole, e.text);
        item->setData(2, Qt::TextAlignmentRole, int(Qt::AlignRight | Qt::AlignVCenter));
        item->setData(3, Qt::TextAlignmentRole, int(Qt::AlignRight | Qt::AlignVCenter));
        items.append(item);
    }
    m_index->addTopLevelItems(items);
    const int total = page.total;
    m_indexCount->setText(total > items.size() ? tr("%1 of %2 entities; type to narrow").arg(items.size()).arg(total)
                                               : tr("%n entity(ies)", nullptr, total));
    Q_EMIT indexRead();
}

void EntitiesPanel::entityItemChosen(QTreeWidgetItem *item)
{
    if (!item || item->data(0, TypeRole).toString().isEmpty())
        return;
    chooseEntity(item->data(0, TypeRole).toString(), item->data(0, TextRole).toString());
}

void EntitiesPanel::chooseEntity(const QString &type, const QString &text)
{
    m_chosenType = type;
    m_chosenText = text;
    m_chosenArticles.clear();
    m_articles->clear();
    if (m_db) {
        // One more than is listed tells whether the list is the whole story.
        if (const auto found =
                store::EntityStore::articlesMentioning(m_db->connection(), type, text, ArticlesLimit + 1, 0))
            m_chosenArticles = *found;
    }
    const bool more = m_chosenArticles.size() > ArticlesLimit;
    if (more)
        m_chosenArticles.removeLast();
    QList<QTreeWidgetItem *> items;
    for (const store::EntityArticle &a : std::as_const(m_chosenArticles)) {
        auto *item =
            new QTreeWidgetItem({a.title, a.issueDate.isValid() ? a.issueDate.toString(Qt::ISODate) : tr("undated"),
                                 QString::number(a.mentions)});
        item->setData(0, KeyRole, a.key);
        item->setToolTip(0, a.title);
        items.append(item);
    }
    m_articles->addTopLevelItems(items);
    m_chosenLabel->setText(more
                               ? tr("%1 (%2): more than %L3 articles, the newest listed; search for it to see them all")
                                     .arg(text, EntityLegend::typeName(type))
                                     .arg(ArticlesLimit)
                               : tr("%1 (%2): %n article(s)", nullptr, int(m_chosenArticles.size()))
                                     .arg(text, EntityLegend::typeName(type)));
    m_showArticles->setEnabled(!m_chosenArticles.isEmpty());
    m_searchEntity->setEnabled(!text.isEmpty());
    m_searchEntity->setToolTip(searchActionText(text));
}

void EntitiesPanel::setSearchActive(bool active)
{
    m_searchActive = active;
    m_searchEntity->setText(active ? tr("Narrow Search") : tr("Search for It"));
    m_searchEntity->setToolTip(m_chosenText.isEmpty() ? QString() : searchActionText(m_chosenText));
}

QString EntitiesPanel::searchActionText(const QString &text) const
{
    return m_searchActive ? tr("Narrow the search to articles mentioning %1").arg(text)
                          : tr("Search for %1 in the articles mentioning it").arg(text);
}

void EntitiesPanel::showEntityMenu(QTreeWidget *tree, const QPoint &pos)
{
    QTreeWidgetItem *item = tree->itemAt(pos);
    if (!item || item->data(0, TypeRole).toString().isEmpty())
        return;
    const QString type = item->data(0, TypeRole).toString();
    const QString text = item->data(0, TextRole).toString();
    QMenu menu(this);
    menu.setObjectName(QStringLiteral("entityMenu"));
    QAction *list = menu.addAction(tr("List Articles Mentioning %1").arg(text));
    QAction *search =
        menu.addAction(m_searchActive ? tr("Narrow Search to %1").arg(text) : tr("Search for %1").arg(text));
    search->setObjectName(QStringLiteral("entitySearchAction"));
    QAction *chosen = menu.exec(tree->viewport()->mapToGlobal(pos));
    if (chosen == list) {
        chooseEntity(type, text);
    } else if (chosen == search) {
        chooseEntity(type, text);
        Q_EMIT searchRequested(type, text);
    }
}

std::optional<store::StoredMention> EntitiesPanel::mentionAt(int position) const
{
    const std::optional<FieldRange> at = m_reader->fieldMap().fromDocument(position, position + 1);
    if (!at)
        return std::nullopt;
    for (const store::StoredMention &m : m_mentions) {
        if (readerFieldFromName(m.field) == at->field && at->start >= m.start && at->start < m.end &&
            m_legend->isShown(m.type))
            return m;
    }
    return std::nullopt;
}

int EntitiesPanel::characterAt(const QPoint &viewportPos) const
{
    const QTextCursor cursor = m_reader->cursorForPosition(viewportPos);
    // cursorForPosition gives the nearest gap; the character is the one under the pointer.
    const QRect caret = m_reader->cursorRect(cursor);
    return viewportPos.x() < caret.x() && cursor.position() > 0 ? cursor.position() - 1 : cursor.position();
}

QString EntitiesPanel::toolTipAt(int position)
{
    if (const std::optional<store::StoredMention> found = mentionAt(position)) {
        const store::StoredMention &m = *found;
        QString tip = QStringLiteral("<b>%1</b> — %2").arg(m.text.toHtmlEscaped(), EntityLegend::typeName(m.type));
        if (m.type == u"PER" && m_db) {
            auto cached = m_postsCache.find(m.text);
            if (cached == m_postsCache.end()) {
                QStringList lines;
                if (const auto posts = store::EntityStore::postsOf(m_db->connection(), m.text)) {
                    for (const store::KnownPost &p : *posts) {
                        const QString org = p.organization.isEmpty() ? QString() : p.organization + QLatin1Char(' ');
                        lines << QString(org + p.post).toHtmlEscaped() +
                                     tr(" <small>(%n article(s))</small>", nullptr, p.articles);
                    }
                }
                cached = m_postsCache.insert(m.text, lines.join(QStringLiteral("<br>")));
            }
            if (!cached->isEmpty())
                tip += QStringLiteral("<br>") + *cached;
        }
        return tip + QStringLiteral("<br><small>%1</small>").arg(tr("Ctrl+click: search for it"));
    }
    return {};
}

bool EntitiesPanel::eventFilter(QObject *watched, QEvent *event)
{
    if (watched == m_reader->viewport() && event->type() == QEvent::ToolTip) {
        auto *help = static_cast<QHelpEvent *>(event);
        const QString tip = toolTipAt(characterAt(help->pos()));
        if (!tip.isEmpty()) {
            QToolTip::showText(help->globalPos(), tip, m_reader->viewport());
            return true;
        }
    }
    // Ctrl+click on a highlighted name searches for it (or narrows the search running), as the
    // panel's search button does; a plain click still places the cursor or starts a selection.
    if (watched == m_reader->viewport() && event->type() == QEvent::MouseButtonRelease) {
        auto *mouse = static_cast<QMouseEvent *>(event);
        if (mouse->button() == Qt::LeftButton && (mouse->modifiers() & Qt::ControlModifier)) {
            if (const std::optional<store::StoredMention> m = mentionAt(characterAt(mouse->position().toPoint()))) {
                chooseEntity(m->type, m->text);
                Q_EMIT searchRequested(m->type, m->text);
                return true;
            }
        }
    }
    // Tints are picked by the palette's lightness: a switch to a dark palette needs new ones.
    if (watched == m_reader && event->type() == QEvent::PaletteChange)
        QTimer::singleShot(0, this, &EntitiesPanel::applyHighlights);
    return QDockWidget::eventFilter(watched, event);
}

} // namespace baokan::ui
