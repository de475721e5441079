// SPDX-License-Identifier: MIT
#include "searchpanel.h"

#include "searchhitdelegate.h"

#include "store/database.h"
#include "store/entitystore.h"
#include "store/searchindex.h"
#include "store/tagstore.h"

#include <QAction>
#include <QComboBox>
#include <QCompleter>
#include <QDate>
#include <QElapsedTimer>
#include <QHBoxLayout>
#include <QKeyEvent>
#include <QLabel>
#include <QLineEdit>
#include <QListView>
#include <QPointer>
#include <QScrollBar>
#include <QSpinBox>
#include <QStandardItemModel>
#include <QStringListModel>
#include <QThread>
#include <QTimer>
#include <QToolButton>
#include <QVBoxLayout>

#include <algorithm>

namespace baokan::ui {

namespace {

constexpr int PageSize = 50;
// Long enough to skip the intermediate states of a word being typed (and of an input method
// committing), short enough to feel immediate.
constexpr int TypingPauseMs = 250;
// The year spin boxes' minimum means "any year"; no archive reaches back that far.
constexpr int AnyYear = 1799;
constexpr int LastYear = 2200;
// Enough names for completion to know every entity a user is likely to type.
constexpr int CompletionNames = 5000;

QSpinBox *yearBox(QWidget *parent, const QString &name, const QString &tip)
{
    auto *box = new QSpinBox(parent);
    box->setObjectName(name);
    box->setRange(AnyYear, LastYear);
    box->setSpecialValueText(SearchPanel::tr("any"));
    box->setValue(AnyYear);
    box->setToolTip(tip);
    box->setKeyboardTracking(false); // typing 1985 is not four searches
    return box;
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
    , m_fromYear(yearBox(this, QStringLiteral("searchFromYear"), tr("Only issues from this year on")))
    , m_toYear(yearBox(this, QStringLiteral("searchToYear"), tr("Only issues up to this year")))
    , m_tag(new QComboBox(this))
    , m_entity(new QLineEdit(this))
    , m_entityNames(new QStringListModel(this))
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
    connect(m_thisIssue, &QToolButton::toggled, this, [this] { searchNow(); });

    connect(m_fromYear, &QSpinBox::valueChanged, this, &SearchPanel::facetChanged);
    connect(m_toYear, &QSpinBox::valueChanged, this, &SearchPanel::facetChanged);
    m_tag->setObjectName(QStringLiteral("searchTag"));
    m_tag->setToolTip(tr("Only articles carrying this tag"));
    m_tag->addItem(tr("Any tag"));
    connect(m_tag, &QComboBox::activated, this, &SearchPanel::facetChanged);
    m_entity->setObjectName(QStringLiteral("searchEntity"));
    m_entity->setPlaceholderText(tr("Entity"));
    m_entity->setToolTip(tr("Only articles mentioning this person, place or organization"));
    m_entity->setClearButtonEnabled(true);
    auto *completer = new QCompleter(m_entityNames, m_entity);
    completer->setCaseSensitivity(Qt::CaseInsensitive);
    completer->setFilterMode(Qt::MatchContains);
    m_entity->setCompleter(completer);
    connect(m_entity, &QLineEdit::editingFinished, this, &SearchPanel::facetChanged);
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
    auto *facets = new QHBoxLayout;
    facets->setContentsMargins(4, 2, 4, 2);
    facets->addWidget(m_fromYear);
    facets->addWidget(new QLabel(QString(QChar(0x2013)), this));
    facets->addWidget(m_toYear);
    facets->addWidget(m_tag);
    facets->addWidget(m_entity, 1);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(0);
    layout->addLayout(options);
    layout->addLayout(facets);
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
    // Facets belong to one archive: its tags and names mean nothing in the next.
    m_fromYear->setValue(AnyYear);
    m_toYear->setValue(AnyYear);
    m_entity->clear();
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
    const QVariant chosen = m_tag->currentData();
    while (m_tag->count() > 1)
        m_tag->removeItem(1);
    QStringList names;
    if (m_db) {
        for (const store::Tag &tag : store::TagStore(m_db).tags())
            m_tag->addItem(tag.name, tag.id);
        if (const auto entities =
                store::EntityStore::index(m_db->connection(), QString(), QString(), CompletionNames, 0)) {
            for (const store::EntityCount &e : *entities)
                names << e.text;
        }
    }
    names.removeDuplicates();
    m_entityNames->setStringList(names);
    const int index = chosen.isValid() ? m_tag->findData(chosen) : 0;
    m_tag->setCurrentIndex(std::max(0, index));
}

void SearchPanel::setEntityFilter(const QString &type, const QString &text)
{
    Q_UNUSED(type); // a name is one filter whatever its type; SearchOptions match the text
    const QString trimmed = text.trimmed();
    if (trimmed == m_entity->text())
        return;
    const QSignalBlocker blocker(m_entity);
    m_entity->setText(trimmed);
    facetChanged();
}

void SearchPanel::facetChanged()
{
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
    options.offset = append ? m_model->rowCount() : 0;
    options.sort = store::SearchOptions::Sort(m_sort->currentData().toInt());
    options.countTotal = !append;
    const bool inIssue = m_thisIssue->isChecked() && m_issueId != 0;
    if (inIssue)
        options.issueId = m_issueId;
    if (m_fromYear->value() != AnyYear)
        options.from = QDate(m_fromYear->value(), 1, 1);
    if (m_toYear->value() != AnyYear)
        options.to = QDate(m_toYear->value(), 12, 31);
    if (m_tag->currentIndex() > 0)
        options.tagId = m_tag->currentData().toLongLong();
    options.entity = m_entity->text().trimmed();

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
