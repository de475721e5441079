// SPDX-License-Identifier: MIT
#include "searchpanel.h"

#include "entitylegend.h"
#include "searchhitdelegate.h"
#include "settings.h"

#include "store/database.h"
#include "store/entitystore.h"
#include "store/issuestore.h"
#include "store/searchindex.h"
#include "store/tagstore.h"

#include <QAction>
#include <QCalendarWidget>
#include <QComboBox>
#include <QCompleter>
#include <QDate>
#include <QDateEdit>
#include <QElapsedTimer>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QKeyEvent>
#include <QLabel>
#include <QLineEdit>
#include <QListView>
#include <QPointer>
#include <QScrollBar>
#include <QStandardItemModel>
#include <QStringListModel>
#include <QThread>
#include <QTimer>
#include <QToolButton>
#include <QVBoxLayout>

#include <algorithm>
#include <tuple>

namespace baokan::ui {

namespace {

constexpr int PageSize = 50;
// Long enough to skip the intermediate states of a word being typed (and of an input method
// committing), short enough to feel immediate.
constexpr int TypingPauseMs = 250;
// Stands for "any date" at a date box's minimum when the archive has no dated issue.
const QDate NoDate(1800, 1, 1);
const QDate LastDate(2200, 12, 31);
// Enough names for completion to know every entity a user is likely to type.
constexpr int CompletionNames = 5000;
// Issues offered by the issue facet, newest first; older ones are reached with the date range.
constexpr int IssueChoices = 3000;

QDateEdit *dateBox(QWidget *parent, const QString &name, const QString &tip)
{
    auto *box = new QDateEdit(parent);
    box->setObjectName(name);
    box->setDisplayFormat(QStringLiteral("yyyy-MM-dd"));
    box->setCalendarPopup(true);
    box->setDateRange(NoDate, LastDate);
    box->setSpecialValueText(SearchPanel::tr("any"));
    box->setDate(NoDate);
    box->setToolTip(tip);
    box->setKeyboardTracking(false); // typing 1985 is not four searches
    return box;
}

QString issueLabel(const store::IssueRecord &issue)
{
    const QDate date = issue.displayDate();
    return date.isValid() ? date.toString(Qt::ISODate) + QStringLiteral("  ") + issue.displayName()
                          : issue.displayName();
}

// A filter's text in the summary: short enough that several fit on a line of the pane.
QString elided(const QString &text, int length = 18)
{
    return text.size() > length ? text.left(length - 1) + QChar(0x2026) : text;
}

// One active filter as a link that removes it; the text is the user's (tag names, issue names),
// so it is escaped.
QString filterLink(const QString &which, const QString &text)
{
    return QStringLiteral("<a href=\"%1\" style=\"text-decoration:none\">%2&nbsp;\u2715</a>")
        .arg(which, text.toHtmlEscaped().replace(QLatin1Char(' '), QStringLiteral("&nbsp;")));
}

QString countText(qint64 total, bool inIssue)
{
    QString text = total == 0   ? SearchPanel::tr("No articles")
                   : total == 1 ? SearchPanel::tr("1 article")
                                : SearchPanel::tr("%L1 articles").arg(total);
    if (inIssue)
        text += SearchPanel::tr(" in this issue");
    return text;
}

} // namespace

SearchPanel::SearchPanel(QWidget *parent)
    : QWidget(parent)
    , m_field(new QLineEdit(this))
    , m_debounce(new QTimer(this))
    , m_countLabel(new QLabel(this))
    , m_sort(new QComboBox(this))
    , m_thisIssue(new QToolButton(this))
    , m_filtersToggle(new QToolButton(this))
    , m_facets(new QWidget(this))
    , m_fromDate(dateBox(m_facets, QStringLiteral("searchFromDate"), tr("Only issues from this day on")))
    , m_toDate(dateBox(m_facets, QStringLiteral("searchToDate"), tr("Only issues up to this day")))
    , m_issue(new QComboBox(m_facets))
    , m_tag(new QComboBox(m_facets))
    , m_entity(new QLineEdit(m_facets))
    , m_entityNames(new QStringListModel(this))
    , m_filterSummary(new QLabel(this))
    , m_list(new QListView(this))
    , m_model(new QStandardItemModel(this))
    , m_nextMatch(new QAction(tr("Next &Match"), this))
    , m_previousMatch(new QAction(tr("Previous M&atch"), this))
{
    setObjectName(QStringLiteral("searchPanel"));
    m_field->setObjectName(QStringLiteral("searchField"));
    m_field->setPlaceholderText(tr("Search (Ctrl+F or /)"));
    m_field->setClearButtonEnabled(true);
    m_field->installEventFilter(this);
    m_debounce->setSingleShot(true);
    m_debounce->setInterval(TypingPauseMs);
    connect(m_field, &QLineEdit::textEdited, this, &SearchPanel::queryEdited);
    // The clear button changes the text without textEdited.
    connect(m_field, &QLineEdit::textChanged, this, [this](const QString &text) {
        if (text.isEmpty())
            clearSearch();
    });
    connect(m_debounce, &QTimer::timeout, this, [this] { search(false); });

    m_countLabel->setObjectName(QStringLiteral("searchCount"));
    m_sort->setObjectName(QStringLiteral("searchSort"));
    m_sort->addItem(tr("Newest first"), int(store::SearchOptions::Sort::DateDescending));
    m_sort->addItem(tr("Oldest first"), int(store::SearchOptions::Sort::DateAscending));
    m_sort->addItem(tr("Most relevant"), int(store::SearchOptions::Sort::Relevance));
    m_sort->setToolTip(tr("Order of the hits"));
    connect(m_sort, &QComboBox::currentIndexChanged, this, [this] { searchNow(); });
    m_thisIssue->setObjectName(QStringLiteral("searchThisIssue"));
    m_thisIssue->setText(tr("This issue only"));
    m_thisIssue->setCheckable(true);
    m_thisIssue->setToolTip(tr("Search only the issue being read"));
    connect(m_thisIssue, &QToolButton::toggled, this, [this](bool on) {
        m_issue->setEnabled(!on); // the issue being read stands in for the chosen one
        updateFilterSummary();
        searchNow();
    });
    m_filtersToggle->setObjectName(QStringLiteral("searchFiltersToggle"));
    m_filtersToggle->setText(tr("Filters"));
    m_filtersToggle->setCheckable(true);
    m_filtersToggle->setChecked(Settings().searchFiltersShown());
    m_facets->setVisible(m_filtersToggle->isChecked());
    m_filtersToggle->setToolTip(tr("Show or hide the date, issue, tag and entity filters"));
    connect(m_filtersToggle, &QToolButton::toggled, this, [this](bool shown) {
        m_facets->setVisible(shown);
        Settings().setSearchFiltersShown(shown);
    });

    // A date edited by keyboard or stepped with the arrows settles after the typing pause.
    m_toDate->calendarWidget()->installEventFilter(this); // to open "any" on the last issue's month
    for (QDateEdit *box : {m_fromDate, m_toDate}) {
        connect(box, &QDateEdit::dateChanged, this, [this] {
            updateFilterSummary();
            if (isActive())
                m_debounce->start();
        });
    }
    m_issue->setObjectName(QStringLiteral("searchIssue"));
    m_issue->setToolTip(tr("Only articles of this issue"));
    m_issue->addItem(tr("Any issue"));
    // Issue names can be long file names: the box must not widen the pane.
    m_issue->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
    m_issue->setMinimumContentsLength(12);
    connect(m_issue, &QComboBox::activated, this, &SearchPanel::facetChanged);
    m_issue->installEventFilter(this); // its issues are read when it is first used
    m_tag->setObjectName(QStringLiteral("searchTag"));
    m_tag->setToolTip(tr("Only articles carrying this tag"));
    m_tag->addItem(tr("Any tag"));
    m_tag->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
    m_tag->setMinimumContentsLength(8);
    connect(m_tag, &QComboBox::activated, this, &SearchPanel::facetChanged);
    m_entity->setObjectName(QStringLiteral("searchEntity"));
    m_entity->setPlaceholderText(tr("Person, place, organization…"));
    m_entity->setToolTip(tr("Only articles mentioning this person, place or organization"));
    m_entity->installEventFilter(this); // its names are read when it is first used
    m_entity->setClearButtonEnabled(true);
    auto *completer = new QCompleter(m_entityNames, m_entity);
    completer->setCaseSensitivity(Qt::CaseInsensitive);
    completer->setFilterMode(Qt::MatchContains);
    m_entity->setCompleter(completer);
    // Leaving the field also finishes an edit: search again only when the name changed.
    connect(m_entity, &QLineEdit::editingFinished, this, [this] {
        if (m_entity->text().trimmed() != m_appliedEntity)
            facetChanged();
    });
    // A name typed by hand matches whatever type it was recognized as.
    connect(m_entity, &QLineEdit::textEdited, this, [this] { m_entityType.clear(); });
    connect(completer, qOverload<const QString &>(&QCompleter::activated), this, [this](const QString &text) {
        m_entity->setText(text);
        facetChanged();
    });
    // The clear button empties the field without finishing an edit.
    connect(m_entity, &QLineEdit::textChanged, this, [this](const QString &text) {
        if (text.isEmpty())
            facetChanged();
    });

    m_list->setObjectName(QStringLiteral("searchResults"));
    m_list->setModel(m_model);
    m_list->setItemDelegate(new SearchHitDelegate(m_list));
    m_list->setUniformItemSizes(true);
    m_list->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    m_list->setResizeMode(QListView::Adjust);
    m_list->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_list->setSelectionMode(QAbstractItemView::SingleSelection);
    m_list->setVerticalScrollMode(QAbstractItemView::ScrollPerPixel);
    connect(m_list->selectionModel(), &QItemSelectionModel::currentChanged, this,
            [this](const QModelIndex &current) { chooseHit(current); });
    connect(m_list, &QListView::activated, this, [this](const QModelIndex &index) {
        chooseHit(index);
        if (m_reader)
            m_reader->setFocus();
    });
    // The next page of hits comes in when the list is scrolled to its end.
    connect(m_list->verticalScrollBar(), &QScrollBar::valueChanged, this, [this](int value) {
        if (!m_exhausted && !m_loadingMore && value == m_list->verticalScrollBar()->maximum())
            search(true);
    });

    auto *options = new QHBoxLayout;
    options->setContentsMargins(4, 2, 4, 2);
    options->addWidget(m_countLabel, 1);
    options->addWidget(m_thisIssue);
    options->addWidget(m_sort);
    options->addWidget(m_filtersToggle);
    // Labelled rows: the pane is narrow, and a row of unlabelled boxes reads as a puzzle.
    m_facets->setObjectName(QStringLiteral("searchFacets"));
    auto *facets = new QFormLayout(m_facets);
    facets->setContentsMargins(4, 2, 4, 2);
    facets->setVerticalSpacing(3);
    facets->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);
    auto *dates = new QHBoxLayout;
    dates->setSpacing(4);
    dates->addWidget(m_fromDate, 1);
    dates->addWidget(new QLabel(QString(QChar(0x2013)), m_facets));
    dates->addWidget(m_toDate, 1);
    facets->addRow(tr("Dates"), dates);
    facets->addRow(tr("Issue"), m_issue);
    facets->addRow(tr("Tag"), m_tag);
    facets->addRow(tr("Entity"), m_entity);
    m_filterSummary->setObjectName(QStringLiteral("searchFilters"));
    m_filterSummary->setWordWrap(true);
    m_filterSummary->setTextFormat(Qt::RichText);
    m_filterSummary->setTextInteractionFlags(Qt::LinksAccessibleByMouse | Qt::LinksAccessibleByKeyboard);
    m_filterSummary->setContentsMargins(4, 2, 4, 2);
    m_filterSummary->setToolTip(tr("The filters narrowing the hits; click one to remove it"));
    m_filterSummary->hide();
    connect(m_filterSummary, &QLabel::linkActivated, this, &SearchPanel::removeFilter);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(0);
    layout->addLayout(options);
    layout->addWidget(m_facets);
    layout->addWidget(m_filterSummary);
    layout->addWidget(m_list, 1);

    m_nextMatch->setObjectName(QStringLiteral("actionNextMatch"));
    m_nextMatch->setShortcuts(QKeySequence::keyBindings(QKeySequence::FindNext));
    m_previousMatch->setObjectName(QStringLiteral("actionPreviousMatch"));
    m_previousMatch->setShortcuts(QKeySequence::keyBindings(QKeySequence::FindPrevious));
    m_nextMatch->setEnabled(false);
    m_previousMatch->setEnabled(false);
    connect(m_nextMatch, &QAction::triggered, this, [this] { moveToMatch(+1); });
    connect(m_previousMatch, &QAction::triggered, this, [this] { moveToMatch(-1); });
}

SearchPanel::~SearchPanel()
{
    stopWorker();
}

void SearchPanel::setDatabase(const store::Database *db)
{
    clearSearch();
    stopWorker();
    m_db = db;
    m_issueId = 0;
    // Facets belong to one archive: its issues, tags and names mean nothing in the next.
    {
        const QSignalBlocker blockFrom(m_fromDate);
        const QSignalBlocker blockTo(m_toDate);
        const QSignalBlocker blockEntity(m_entity);
        m_fromDate->setDate(m_fromDate->minimumDate());
        m_toDate->setDate(m_toDate->minimumDate());
        m_issue->setCurrentIndex(0);
        m_tag->setCurrentIndex(0);
        m_entity->clear();
        m_entityType.clear();
        m_thisIssue->setChecked(false);
    }
    reloadFacets();
    if (!m_db)
        return;
    m_worker = new QThread(this);
    m_worker->setObjectName(QStringLiteral("baokan-search"));
    m_workerContext = new QObject;
    m_workerContext->moveToThread(m_worker);
    connect(m_worker, &QThread::finished, m_workerContext, &QObject::deleteLater);
    m_worker->start();
}

void SearchPanel::stopWorker()
{
    if (!m_worker)
        return;
    ++m_serial; // queued queries are skipped
    const store::Database *db = m_db;
    QThread *thread = m_worker;
    // The worker's connection is closed in the thread that opened it.
    QMetaObject::invokeMethod(m_workerContext, [db, thread] {
        db->closeThreadConnection();
        thread->quit();
    });
    m_worker->wait();
    delete m_worker;
    m_worker = nullptr;
    m_workerContext = nullptr; // deleted by the finished thread's deleteLater
}

void SearchPanel::reloadFacets()
{
    const store::SearchOptions before = facetOptions();
    {
        // Refilling the boxes is not the user choosing.
        const QSignalBlocker blockTag(m_tag);
        const QVariant chosenTag = m_tag->currentData();
        for (int i = m_tag->count() - 1; i > 0; --i)
            m_tag->removeItem(i);
        QDate first, last;
        if (m_db) {
            for (const store::Tag &tag : store::TagStore(m_db).tags())
                m_tag->addItem(tag.name, tag.id);
            std::tie(first, last) = store::IssueStore(m_db).dateRange();
        }
        m_tag->setCurrentIndex(std::max(0, chosenTag.isValid() ? m_tag->findData(chosenTag) : 0));
        setDateBounds(first, last);
    }
    // Thousands of issues are read when the user goes to the box, not on every edit; a chosen
    // one is checked now, since it may be gone.
    m_issuesStale = true;
    if (m_issue->currentIndex() > 0 || m_issue->hasFocus())
        loadIssues();
    // Recognition may have found new names (or lost some): read them when next needed.
    m_entityNamesStale = true;
    if (m_entity->hasFocus())
        loadEntityNames();
    updateFilterSummary();
    const store::SearchOptions after = facetOptions();
    if (before.tagId != after.tagId || before.issueId != after.issueId || before.from != after.from ||
        before.to != after.to)
        facetChanged(); // a chosen tag or issue is gone: the hits must not pretend otherwise
}

void SearchPanel::loadIssues()
{
    if (!m_issuesStale)
        return;
    m_issuesStale = false;
    const QSignalBlocker blockIssue(m_issue);
    const QVariant chosen = m_issue->currentData();
    for (int i = m_issue->count() - 1; i > 0; --i)
        m_issue->removeItem(i);
    if (m_db) {
        for (const store::IssueRecord &issue : store::IssueStore(m_db).issues(0, IssueChoices)) {
            m_issue->addItem(issueLabel(issue), issue.id);
            m_issue->setItemData(m_issue->count() - 1, issueLabel(issue), Qt::ToolTipRole);
        }
    }
    m_issue->setCurrentIndex(std::max(0, chosen.isValid() ? m_issue->findData(chosen) : 0));
}

void SearchPanel::setDateBounds(const QDate &first, const QDate &last)
{
    // "any" sits just below the archive's first day, so the first step up from it is that day.
    const QDate minimum = first.isValid() ? first.addDays(-1) : NoDate;
    const QDate maximum = last.isValid() ? std::max(last, minimum.addDays(1)) : LastDate;
    const QSignalBlocker blockFrom(m_fromDate);
    const QSignalBlocker blockTo(m_toDate);
    for (QDateEdit *box : {m_fromDate, m_toDate}) {
        const bool any = box->date() == box->minimumDate();
        // A day chosen outside the archive's new bounds is kept (it still means what it said).
        const QDate chosen = box->date();
        box->setDateRange(any ? minimum : std::min(minimum, chosen), any ? maximum : std::max(maximum, chosen));
        box->setDate(any ? box->minimumDate() : chosen);
    }
}

void SearchPanel::loadEntityNames()
{
    if (!m_entityNamesStale)
        return;
    m_entityNamesStale = false;
    QStringList names;
    if (m_db) {
        if (const auto entities =
                store::EntityStore::index(m_db->connection(), QString(), QString(), CompletionNames, 0)) {
            for (const store::EntityCount &e : *entities)
                names << e.text;
        }
    }
    names.removeDuplicates();
    m_entityNames->setStringList(names);
}

store::SearchOptions SearchPanel::facetOptions() const
{
    store::SearchOptions options;
    if (m_thisIssue->isChecked() && m_issueId != 0)
        options.issueId = m_issueId;
    else if (!m_thisIssue->isChecked() && m_issue->currentIndex() > 0)
        options.issueId = m_issue->currentData().toLongLong();
    if (m_fromDate->date() != m_fromDate->minimumDate())
        options.from = m_fromDate->date();
    if (m_toDate->date() != m_toDate->minimumDate())
        options.to = m_toDate->date();
    if (m_tag->currentIndex() > 0)
        options.tagId = m_tag->currentData().toLongLong();
    options.entity = m_entity->text().trimmed();
    if (!options.entity.isEmpty())
        options.entityType = m_entityType;
    return options;
}

void SearchPanel::updateFilterSummary()
{
    const store::SearchOptions options = facetOptions();
    QStringList links;
    if (options.from.isValid() || options.to.isValid()) {
        const QString from = options.from.isValid() ? options.from.toString(Qt::ISODate) : QString();
        const QString to = options.to.isValid() ? options.to.toString(Qt::ISODate) : QString();
        const QString text = from.isEmpty() ? tr("until %1").arg(to)
                             : to.isEmpty() ? tr("from %1").arg(from)
                             : from == to   ? from
                                            : from + QChar(0x2013) + to;
        links << filterLink(QStringLiteral("dates"), text);
    }
    if (m_thisIssue->isChecked())
        links << filterLink(QStringLiteral("thisIssue"), tr("this issue"));
    else if (options.issueId)
        links << filterLink(QStringLiteral("issue"), elided(m_issue->currentText()));
    if (options.tagId)
        links << filterLink(QStringLiteral("tag"), QLatin1Char('#') + elided(m_tag->currentText()));
    if (!options.entity.isEmpty()) {
        QString text = elided(options.entity);
        if (!options.entityType.isEmpty())
            text += QLatin1String(" (") + EntityLegend::typeName(options.entityType) + QLatin1Char(')');
        links << filterLink(QStringLiteral("entity"), text);
    }
    const int active = int(links.size());
    m_filtersToggle->setText(active == 0 ? tr("Filters") : tr("Filters (%1)").arg(active));
    if (active > 1)
        links << QStringLiteral("<a href=\"all\">%1</a>").arg(tr("clear all"));
    m_filterSummary->setVisible(active > 0);
    m_filterSummary->setText(active == 0 ? QString()
                                         : tr("Only") + QLatin1Char(' ') + links.join(QLatin1String(" &nbsp; ")));
}

void SearchPanel::removeFilter(const QString &which)
{
    const bool all = which == u"all";
    {
        const QSignalBlocker blockFrom(m_fromDate);
        const QSignalBlocker blockTo(m_toDate);
        const QSignalBlocker blockEntity(m_entity);
        const QSignalBlocker blockThisIssue(m_thisIssue);
        if (all || which == u"dates") {
            m_fromDate->setDate(m_fromDate->minimumDate());
            m_toDate->setDate(m_toDate->minimumDate());
        }
        if (all || which == u"thisIssue") {
            m_thisIssue->setChecked(false);
            m_issue->setEnabled(true);
        }
        if (all || which == u"issue")
            m_issue->setCurrentIndex(0);
        if (all || which == u"tag")
            m_tag->setCurrentIndex(0);
        if (all || which == u"entity") {
            m_entity->clear();
            m_entityType.clear();
        }
    }
    facetChanged();
}

void SearchPanel::clearFacets()
{
    removeFilter(QStringLiteral("all"));
}

void SearchPanel::setEntityFilter(const QString &type, const QString &text)
{
    const QString trimmed = text.trimmed();
    const QString newType = trimmed.isEmpty() ? QString() : type;
    if (trimmed == m_entity->text() && newType == m_entityType)
        return;
    {
        const QSignalBlocker blocker(m_entity);
        m_entity->setText(trimmed);
        m_entityType = newType;
    }
    facetChanged();
}

void SearchPanel::searchEntity(const QString &type, const QString &text)
{
    if (text.trimmed().isEmpty())
        return;
    if (!isActive())
        m_field->setText(text.trimmed());
    setEntityFilter(type, text);
    searchNow(); // when the filter was already this entity, setEntityFilter searched nothing
}

void SearchPanel::facetChanged()
{
    m_appliedEntity = m_entity->text().trimmed();
    updateFilterSummary();
    if (isActive())
        searchNow();
}

void SearchPanel::setCurrentIssue(qint64 issueId)
{
    if (issueId == m_issueId)
        return;
    m_issueId = issueId;
    if (m_thisIssue->isChecked() && isActive())
        searchNow();
}

QWidget *SearchPanel::resultsView() const
{
    return m_list;
}

QString SearchPanel::query() const
{
    return m_field->text().trimmed();
}

void SearchPanel::focusField()
{
    m_field->setFocus(Qt::ShortcutFocusReason);
    m_field->selectAll();
}

void SearchPanel::clearSearch()
{
    m_debounce->stop();
    if (!m_field->text().isEmpty())
        m_field->clear();
    m_model->clear();
    m_countLabel->clear();
    m_total = 0;
    m_exhausted = true;
    m_loadingMore = false;
    ++m_serial; // a query still running must not bring its results back
    markMatchesInReader();
    if (m_wasActive) {
        m_wasActive = false;
        Q_EMIT activeChanged(false);
    }
}

void SearchPanel::searchNow()
{
    m_debounce->stop();
    search(false);
}

void SearchPanel::refreshResults()
{
    if (!isActive() || !m_db)
        return;
    m_keepHitKey = m_list->currentIndex().data(KeyRole).toString();
    m_keepScroll = m_list->verticalScrollBar()->value();
    // The hits fetched so far come back in one page, so the list keeps its length.
    m_debounce->stop();
    m_keepSerial = m_serial.load() + 1; // the serial search() is about to give its query
    search(false);
}

void SearchPanel::queryEdited()
{
    if (query().isEmpty()) {
        clearSearch();
        return;
    }
    m_debounce->start();
}

void SearchPanel::search(bool append)
{
    const QString text = query();
    if (text.isEmpty() || !m_db) {
        clearSearch();
        return;
    }
    store::SearchOptions options;
    options.limit = PageSize;
    if (!append && m_keepScroll >= 0 && m_keepSerial == m_serial.load() + 1)
        options.limit = std::max(PageSize, m_model->rowCount());
    options.offset = append ? m_model->rowCount() : 0;
    options.sort = store::SearchOptions::Sort(m_sort->currentData().toInt());
    options.countTotal = !append;
    const bool inIssue = m_thisIssue->isChecked() && m_issueId != 0;
    const store::SearchOptions facets = facetOptions();
    options.issueId = facets.issueId;
    options.from = facets.from;
    options.to = facets.to;
    options.tagId = facets.tagId;
    options.entity = facets.entity;
    options.entityType = facets.entityType;

    if (append)
        m_loadingMore = true;
    const quint64 serial = ++m_serial;
    const store::Database *db = m_db;
    std::atomic<quint64> *latest = &m_serial;
    QPointer<SearchPanel> panel(this);
    QMetaObject::invokeMethod(m_workerContext, [=] {
        if (serial != latest->load())
            return; // the user typed on: a newer query is queued behind this one
        QElapsedTimer timer;
        timer.start();
        QString error;
        const std::optional<store::SearchResult> result =
            store::SearchIndex::search(db->connection(), text, options, &error);
        const qint64 elapsed = timer.elapsed();
        QMetaObject::invokeMethod(
            panel, [=] { panel->showResult(serial, append, inIssue, elapsed, result, error); }, Qt::QueuedConnection);
    });
}

void SearchPanel::showResult(quint64 serial, bool append, bool inIssue, qint64 elapsedMs,
                             const std::optional<store::SearchResult> &found, const QString &error)
{
    if (serial != m_serial.load())
        return; // superseded while it ran
    m_loadingMore = false;
    std::optional<store::SearchResult> result = found;
    if (!result) {
        // The query language turns any input into a valid query, so this is the archive failing
        // (locked, damaged): say so quietly where the count goes, never in a dialog while typing.
        qWarning("baokan: search failed: %s", qUtf8Printable(error));
        result = store::SearchResult{0, {}};
        m_countLabel->setToolTip(tr("The archive could not be searched: %1").arg(error));
    } else {
        m_countLabel->setToolTip(tr("Searched in %L1 ms").arg(elapsedMs));
    }

    if (!append) {
        m_model->clear();
        m_total = result->total;
        m_countLabel->setText(countText(m_total, inIssue));
    }
    for (const store::SearchHit &hit : std::as_const(result->hits)) {
        auto *item = new QStandardItem(hit.title);
        item->setData(hit.articleId, ArticleIdRole);
        item->setData(hit.key, KeyRole);
        item->setData(hit.issueDate, DateRole);
        item->setData(hit.snippet, SnippetRole);
        item->setToolTip(hit.title);
        m_model->appendRow(item);
    }
    m_exhausted = result->hits.size() < PageSize || m_model->rowCount() >= m_total;
    if (!append && m_keepScroll >= 0 && serial == m_keepSerial) {
        // A refresh: the same hit stays chosen (without showing it again) where the list was.
        for (int row = 0; row < m_model->rowCount() && !m_keepHitKey.isEmpty(); ++row) {
            if (m_model->item(row)->data(KeyRole).toString() == m_keepHitKey) {
                const QSignalBlocker block(m_list->selectionModel());
                m_list->setCurrentIndex(m_model->index(row, 0));
                break;
            }
        }
        m_list->verticalScrollBar()->setValue(m_keepScroll);
        m_keepScroll = -1;
        m_keepHitKey.clear();
    }
    if (!m_wasActive) {
        m_wasActive = true;
        Q_EMIT activeChanged(true);
    }
    Q_EMIT searchFinished();
}

void SearchPanel::chooseHit(const QModelIndex &index)
{
    if (!index.isValid())
        return;
    Q_EMIT articleChosen(index.data(KeyRole).toString());
}

bool SearchPanel::eventFilter(QObject *watched, QEvent *event)
{
    if (watched == m_entity && event->type() == QEvent::FocusIn)
        loadEntityNames();
    // A calendar for "any" would open on the day before the first issue: the end of a range
    // opens on the last issue's month instead.
    if (watched == m_toDate->calendarWidget() && event->type() == QEvent::Show &&
        m_toDate->date() == m_toDate->minimumDate() && m_toDate->maximumDate() < LastDate)
        m_toDate->calendarWidget()->setCurrentPage(m_toDate->maximumDate().year(), m_toDate->maximumDate().month());
    // Before the box opens, takes a key or turns under the wheel.
    if (watched == m_issue && (event->type() == QEvent::FocusIn || event->type() == QEvent::MouseButtonPress ||
                               event->type() == QEvent::Wheel))
        loadIssues();
    if (watched == m_field && event->type() == QEvent::KeyPress) {
        auto *key = static_cast<QKeyEvent *>(event);
        switch (key->key()) {
        case Qt::Key_Escape:
            clearSearch();
            return true;
        case Qt::Key_Return:
        case Qt::Key_Enter:
            if (m_debounce->isActive())
                searchNow();
            if (m_model->rowCount() > 0)
                m_list->setCurrentIndex(m_model->index(0, 0));
            return true;
        case Qt::Key_Down:
            if (m_model->rowCount() > 0) {
                m_list->setFocus();
                m_list->setCurrentIndex(m_model->index(0, 0));
                return true;
            }
            break;
        default:
            break;
        }
    }
    return QWidget::eventFilter(watched, event);
}

void SearchPanel::markMatchesInReader()
{
    m_matches.clear();
    m_currentMatch = -1;
    if (m_reader && m_reader->hasArticle() && isActive()) {
        const QString text = query();
        // The reader's order of fields, so F3 walks down the page.
        for (ReaderField field : {ReaderField::Kicker, ReaderField::Title, ReaderField::Subtitle, ReaderField::Byline,
                                  ReaderField::Body, ReaderField::Caption, ReaderField::Source}) {
            for (const store::TextRange &r : store::SearchIndex::matchRanges(text, m_reader->fieldText(field)))
                m_matches.append(FieldRange{field, r.start, r.end});
        }
    }
    m_nextMatch->setEnabled(!m_matches.isEmpty());
    m_previousMatch->setEnabled(!m_matches.isEmpty());
    if (m_matches.isEmpty()) {
        if (m_reader)
            m_reader->clearHighlights(ReaderView::Layer::SearchMatches);
        return;
    }
    moveToMatch(+1);
}

void SearchPanel::moveToMatch(int delta)
{
    if (!m_reader || m_matches.isEmpty())
        return;
    const int n = int(m_matches.size());
    m_currentMatch = m_currentMatch < 0 ? (delta > 0 ? 0 : n - 1) : ((m_currentMatch + delta) % n + n) % n;

    QTextCharFormat match;
    match.setBackground(QColor(0xff, 0xe0, 0x82));
    match.setForeground(QColor(0x20, 0x20, 0x20));
    QTextCharFormat current = match;
    current.setBackground(QColor(0xff, 0x98, 0x00));
    QList<ReaderView::Highlight> highlights;
    highlights.reserve(n);
    for (int i = 0; i < n; ++i)
        highlights.append({m_matches.at(i), i == m_currentMatch ? current : match});
    m_reader->highlightRanges(ReaderView::Layer::SearchMatches, highlights);
    m_reader->scrollToRange(m_matches.at(m_currentMatch));
}

} // namespace baokan::ui
