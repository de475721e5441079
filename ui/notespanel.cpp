// SPDX-License-Identifier: MIT
#include "notespanel.h"

#include "editcommand.h"
#include "readerview.h"

#include "store/articlelookup.h"
#include "store/database.h"
#include "store/noteedits.h"
#include "store/notestore.h"
#include "store/storagefailure.h"
#include "store/tagedits.h"
#include "store/tagstore.h"

#include <QComboBox>
#include <QCompleter>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPainter>
#include <QPixmap>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QStringListModel>
#include <QTimer>
#include <QToolButton>
#include <QUndoStack>
#include <QVBoxLayout>

#include <utility>

namespace baokan::ui {

namespace {

QLabel *heading(const QString &text, QWidget *parent)
{
    auto *label = new QLabel(text, parent);
    QFont f = label->font();
    f.setBold(true);
    label->setFont(f);
    return label;
}

QIcon swatch(const QString &color)
{
    QPixmap pixmap(14, 14);
    pixmap.fill(QColor(color));
    return QIcon(pixmap);
}

// Dark text on light colours, light text on dark ones.
QString textColorOn(const QColor &background)
{
    return background.lightnessF() > 0.6 ? QStringLiteral("#202020") : QStringLiteral("#ffffff");
}

// The field a highlight is on, in the reader's terms.
FieldRange readerRange(const store::Note &n)
{
    return FieldRange{readerFieldFromName(n.field).value_or(ReaderField::Body), int(n.start), int(n.end)};
}

// Where a highlight is, for the list; empty for the body.
QString fieldLabel(const QString &field)
{
    if (field == QLatin1String("title"))
        return NotesPanel::tr("Title");
    if (field == QLatin1String("kicker"))
        return NotesPanel::tr("Kicker");
    if (field == QLatin1String("subtitle"))
        return NotesPanel::tr("Subtitle");
    if (field == QLatin1String("caption"))
        return NotesPanel::tr("Caption");
    return {};
}

// Highlights go on the fields the archive can anchor them in: headings, body and captions.
bool highlightable(const std::optional<FieldRange> &range)
{
    return range && range->end > range->start &&
           store::ArticleLookup::highlightFields().contains(readerFieldName(range->field));
}

QString elided(const QString &text, int length)
{
    QString flat = text;
    flat.replace(QLatin1Char('\n'), QLatin1Char(' '));
    return flat.size() > length ? QString(flat.left(length - 1) + QChar(0x2026)) : flat;
}

} // namespace

QStringList NotesPanel::highlightColors()
{
    // Highlighter-pen colours light enough for black text on top.
    return {QStringLiteral("#ffe066"), QStringLiteral("#b2f2bb"), QStringLiteral("#a5d8ff"), QStringLiteral("#fcc2d7"),
            QStringLiteral("#ffc078")};
}

NotesPanel::NotesPanel(ReaderView *reader, QUndoStack *undoStack, QWidget *parent)
    : QDockWidget(tr("Notes"), parent)
    , m_reader(reader)
    , m_undoStack(undoStack)
{
    setObjectName(QStringLiteral("notesPanel"));
    setFeatures(QDockWidget::DockWidgetMovable | QDockWidget::DockWidgetFloatable);
    auto *content = new QWidget(this);
    auto *layout = new QVBoxLayout(content);

    layout->addWidget(heading(tr("Note"), content));
    m_note = new QPlainTextEdit(content);
    m_note->setObjectName(QStringLiteral("articleNote"));
    m_note->setPlaceholderText(tr("A note on this article — saved as you type"));
    m_note->setTabChangesFocus(true);
    layout->addWidget(m_note, 2);
    m_autosave = new QTimer(this);
    m_autosave->setSingleShot(true);
    m_autosave->setInterval(AutosaveDelayMs);
    connect(m_autosave, &QTimer::timeout, this, &NotesPanel::flush);
    connect(m_note, &QPlainTextEdit::textChanged, this, &NotesPanel::noteTextChanged);

    layout->addWidget(heading(tr("Tags"), content));
    m_chips = new QWidget(content);
    m_chips->setObjectName(QStringLiteral("tagChips"));
    m_chipLayout = new QHBoxLayout(m_chips);
    m_chipLayout->setContentsMargins(0, 0, 0, 0);
    m_chipLayout->addStretch(1);
    layout->addWidget(m_chips);
    m_tagEditor = new QLineEdit(content);
    m_tagEditor->setObjectName(QStringLiteral("tagEditor"));
    m_tagEditor->setPlaceholderText(tr("Add a tag (T), Enter puts it on the selected articles"));
    m_tagNames = new QStringListModel(this);
    m_completer = new QCompleter(m_tagNames, this);
    m_completer->setCaseSensitivity(Qt::CaseInsensitive);
    m_completer->setFilterMode(Qt::MatchContains);
    m_tagEditor->setCompleter(m_completer);
    connect(m_tagEditor, &QLineEdit::returnPressed, this, &NotesPanel::addTagFromEditor);
    layout->addWidget(m_tagEditor);

    layout->addWidget(heading(tr("Highlights"), content));
    auto *colorRow = new QHBoxLayout;
    colorRow->addWidget(new QLabel(tr("Colour for H:"), content));
    m_color = new QComboBox(content);
    m_color->setObjectName(QStringLiteral("highlightColor"));
    const QStringList names{tr("Yellow"), tr("Green"), tr("Blue"), tr("Pink"), tr("Orange")};
    const QStringList colors = highlightColors();
    for (int i = 0; i < colors.size(); ++i)
        m_color->addItem(swatch(colors.at(i)), names.value(i), colors.at(i));
    colorRow->addWidget(m_color, 1);
    layout->addLayout(colorRow);
    m_highlightList = new QListWidget(content);
    m_highlightList->setObjectName(QStringLiteral("highlightList"));
    m_highlightList->setWordWrap(true);
    connect(m_highlightList, &QListWidget::currentRowChanged, this, &NotesPanel::highlightChosen);
    connect(m_highlightList, &QListWidget::itemActivated, this, &NotesPanel::highlightChosen);
    layout->addWidget(m_highlightList, 2);
    auto *commentRow = new QHBoxLayout;
    m_comment = new QLineEdit(content);
    m_comment->setObjectName(QStringLiteral("highlightComment"));
    m_comment->setPlaceholderText(tr("Comment on the chosen highlight, Enter saves"));
    connect(m_comment, &QLineEdit::editingFinished, this, &NotesPanel::commentEdited);
    commentRow->addWidget(m_comment, 1);
    m_deleteHighlight = new QPushButton(tr("Delete"), content);
    m_deleteHighlight->setObjectName(QStringLiteral("deleteHighlight"));
    connect(m_deleteHighlight, &QPushButton::clicked, this, &NotesPanel::deleteChosenHighlight);
    commentRow->addWidget(m_deleteHighlight);
    layout->addLayout(commentRow);

    layout->addWidget(heading(tr("Needs review"), content));
    m_reviewList = new QListWidget(content);
    m_reviewList->setObjectName(QStringLiteral("reviewList"));
    m_reviewList->setToolTip(tr("Highlights whose text changed on re-import and could not be placed again"));
    layout->addWidget(m_reviewList, 1);
    auto *reviewRow = new QHBoxLayout;
    m_reattach = new QPushButton(tr("Re-attach to Selection"), content);
    m_reattach->setObjectName(QStringLiteral("reattachHighlight"));
    m_deleteReview = new QPushButton(tr("Delete"), content);
    m_deleteReview->setObjectName(QStringLiteral("deleteReviewHighlight"));
    connect(m_reattach, &QPushButton::clicked, this, &NotesPanel::reattachChosenReview);
    connect(m_deleteReview, &QPushButton::clicked, this, &NotesPanel::deleteChosenReview);
    reviewRow->addWidget(m_reattach);
    reviewRow->addWidget(m_deleteReview);
    reviewRow->addStretch(1);
    layout->addLayout(reviewRow);

    setWidget(content);
    // Undo and redo change the archive under the panel.
    connect(m_undoStack, &QUndoStack::indexChanged, this, [this] { reload(); });
    reload();
}

void NotesPanel::setDatabase(store::Database *db)
{
    if (!flush()) {
        // These notes belong to the archive going away and must not land in the next one.
        Q_EMIT message(tr("%n note(s) could not be saved to the previous archive.", nullptr,
                          int(m_unsaved.size()) + (m_noteDirty ? 1 : 0)));
    }
    m_unsaved.clear();
    m_noteDirty = false;
    m_db = db;
    m_articleKey.clear();
    reload();
}

void NotesPanel::setArticle(const QString &articleKey)
{
    if (articleKey == m_articleKey && !articleKey.isEmpty()) {
        reloadHighlights(); // the reader drew the article afresh: draw its highlights again
        return;
    }
    flush();
    if (m_noteDirty) // the archive refused it: keep it for when the article comes back
        m_unsaved.insert(m_articleKey, m_note->toPlainText());
    m_noteDirty = false;
    m_articleKey = articleKey;
    reload();
}

void NotesPanel::noteTextChanged()
{
    if (m_loading)
        return;
    m_noteDirty = true;
    m_autosave->start();
}

bool NotesPanel::flush()
{
    m_autosave->stop();
    if (!m_db)
        return !hasUnsavedNotes();
    auto save = [this](const QString &key, const QString &text) {
        const std::optional<store::Note> stored = store::NoteStore(m_db->connection()).articleNote(key);
        if ((stored ? stored->note : QString()) == text)
            return true;
        store::Edit edit = store::NoteEdits::setArticleNote(key, text);
        QString error;
        if (!edit.apply(m_db->connection(), &error)) {
            QString why = store::StorageFailure::explain(error);
            if (!why.endsWith(QLatin1Char('.')))
                why += QLatin1Char('.');
            Q_EMIT message(tr("The note could not be saved to the archive: %1 It is kept here and saved again "
                              "with your next change.")
                               .arg(why));
            return false;
        }
        m_undoStack->push(new EditCommand(m_db, std::move(edit)));
        return true;
    };
    if (m_noteDirty && !m_articleKey.isEmpty())
        m_noteDirty = !save(m_articleKey, m_note->toPlainText());
    for (auto it = m_unsaved.begin(); it != m_unsaved.end();)
        it = save(it.key(), it.value()) ? m_unsaved.erase(it) : std::next(it);
    return !hasUnsavedNotes();
}

bool NotesPanel::push(store::Edit edit)
{
    if (!m_db)
        return false;
    QString error;
    if (!edit.apply(m_db->connection(), &error)) {
        Q_EMIT message(store::StorageFailure::explain(error));
        return false;
    }
    m_undoStack->push(new EditCommand(m_db, std::move(edit)));
    return true;
}

void NotesPanel::reload()
{
    m_loading = true;
    const bool enabled = m_db && !m_articleKey.isEmpty();
    for (QWidget *w :
         std::initializer_list<QWidget *>{m_note, m_tagEditor, m_color, m_highlightList, m_comment, m_deleteHighlight})
        w->setEnabled(enabled);
    // A note being typed stays as typed; anything else shows what the archive holds.
    if (enabled && !m_noteDirty && m_unsaved.contains(m_articleKey)) {
        // The archive refused this note earlier: show it as typed, and try again.
        m_note->setPlainText(m_unsaved.take(m_articleKey));
        m_noteDirty = true;
    }
    if (!m_noteDirty) {
        QString text;
        if (enabled) {
            if (const auto note = store::NoteStore(m_db->connection()).articleNote(m_articleKey))
                text = note->note;
        }
        if (m_note->toPlainText() != text)
            m_note->setPlainText(text);
    }
    reloadTags();
    reloadHighlights();
    reloadReview();
    m_loading = false;
}

void NotesPanel::reloadTags()
{
    while (QLayoutItem *item = m_chipLayout->takeAt(0)) {
        delete item->widget();
        delete item;
    }
    QStringList names;
    if (m_db) {
        const store::TagStore tags(m_db->connection());
        for (const store::Tag &t : tags.tags())
            names << t.name;
        if (!m_articleKey.isEmpty()) {
            for (const store::Tag &t : tags.tagsFor(m_articleKey)) {
                auto *chip = new QToolButton(m_chips);
                chip->setObjectName(QStringLiteral("tagChip"));
                chip->setText(t.name + QStringLiteral("  ×"));
                chip->setToolTip(tr("Remove the tag “%1” from the selected articles").arg(t.name));
                chip->setProperty("tagName", t.name);
                chip->setAutoRaise(true);
                chip->setStyleSheet(
                    QStringLiteral("QToolButton { background: %1; color: %2; border-radius: 8px; padding: 2px 8px; }")
                        .arg(t.color, textColorOn(QColor(t.color))));
                const qint64 id = t.id;
                connect(chip, &QToolButton::clicked, this, [this, id] { removeTag(id); });
                m_chipLayout->addWidget(chip);
            }
        }
    }
    m_chipLayout->addStretch(1);
    m_tagNames->setStringList(names);
}

void NotesPanel::reloadHighlights()
{
    const qint64 chosen = m_highlightList->currentRow() >= 0 && m_highlightList->currentRow() < m_highlights.size()
                              ? m_highlights.at(m_highlightList->currentRow()).id
                              : 0;
    m_highlights.clear();
    if (m_db && !m_articleKey.isEmpty()) {
        for (const store::Note &n : store::NoteStore(m_db->connection()).highlights(m_articleKey)) {
            if (n.anchor == store::AnchorState::Ok)
                m_highlights << n;
        }
    }
    const QSignalBlocker block(m_highlightList);
    m_highlightList->clear();
    QList<ReaderView::Highlight> drawn;
    int row = -1;
    for (const store::Note &n : std::as_const(m_highlights)) {
        QString text = QStringLiteral("“%1”").arg(elided(n.quote, 80));
        if (const QString where = fieldLabel(n.field); !where.isEmpty())
            text = where + QStringLiteral(": ") + text; // the body goes without saying
        if (!n.note.isEmpty())
            text += QLatin1Char('\n') + QStringLiteral("— ") + n.note;
        auto *item = new QListWidgetItem(swatch(n.color), text, m_highlightList);
        item->setToolTip(n.quote);
        if (n.id == chosen)
            row = m_highlightList->count() - 1;
        QTextCharFormat format;
        format.setBackground(QColor(n.color));
        format.setForeground(QColor(0x20, 0x20, 0x20));
        drawn << ReaderView::Highlight{readerRange(n), format};
    }
    m_highlightList->setCurrentRow(row);
    if (row < 0 && !m_comment->hasFocus())
        m_comment->clear();
    if (m_reader->hasArticle() && m_reader->article().key == m_articleKey)
        m_reader->highlightRanges(ReaderView::Layer::Passages, drawn);
}

void NotesPanel::reloadReview()
{
    m_review.clear();
    m_reviewList->clear();
    if (m_db) {
        for (const store::Note &n : store::NoteStore(m_db->connection()).needingReview()) {
            if (n.kind != store::NoteKind::Highlight)
                continue;
            m_review << n;
            QString text = QStringLiteral("%1: “%2”").arg(n.articleKey, elided(n.quote, 60));
            if (!n.note.isEmpty())
                text += QStringLiteral(" — ") + n.note;
            new QListWidgetItem(swatch(n.color), text, m_reviewList);
        }
    }
    m_reattach->setEnabled(!m_review.isEmpty());
    m_deleteReview->setEnabled(!m_review.isEmpty());
}

QStringList NotesPanel::targetKeys() const
{
    QStringList keys = m_selectedKeys ? m_selectedKeys() : QStringList();
    if (keys.isEmpty() && !m_articleKey.isEmpty())
        keys << m_articleKey;
    return keys;
}

void NotesPanel::addTagFromEditor()
{
    const QString name = m_tagEditor->text().trimmed();
    if (name.isEmpty() || !m_db || m_articleKey.isEmpty())
        return;
    if (push(store::TagEdits::add(targetKeys(), name)))
        m_tagEditor->clear();
}

void NotesPanel::removeTag(qint64 tagId)
{
    // Deferred: the chip clicked is deleted by the reload the edit causes.
    QTimer::singleShot(0, this, [this, tagId] { push(store::TagEdits::remove(targetKeys(), tagId)); });
}

void NotesPanel::focusTagEditor()
{
    if (isHidden())
        show();
    m_tagEditor->setFocus(Qt::ShortcutFocusReason);
}

bool NotesPanel::highlightSelection()
{
    if (!m_db || m_articleKey.isEmpty())
        return false;
    const std::optional<FieldRange> range = m_reader->selectedRange();
    if (!highlightable(range)) {
        Q_EMIT message(tr("Select a passage of the article's title, text or captions to highlight it."));
        return false;
    }
    store::Edit edit = store::NoteEdits::addHighlight(
        m_articleKey, range->start, range->end, m_color->currentData().toString(), {}, readerFieldName(range->field));
    QString error;
    if (!edit.apply(m_db->connection(), &error)) {
        Q_EMIT message(store::StorageFailure::explain(error));
        return false;
    }
    const qint64 id = edit.after().notes.isEmpty() ? 0 : edit.after().notes.first().id;
    m_undoStack->push(new EditCommand(m_db, std::move(edit)));
    for (int i = 0; i < m_highlights.size(); ++i) {
        if (m_highlights.at(i).id == id)
            m_highlightList->setCurrentRow(i);
    }
    return true;
}

void NotesPanel::highlightChosen()
{
    const int row = m_highlightList->currentRow();
    if (row < 0 || row >= m_highlights.size())
        return;
    const store::Note &n = m_highlights.at(row);
    m_comment->setText(n.note);
    m_reader->scrollToRange(readerRange(n));
}

void NotesPanel::commentEdited()
{
    const int row = m_highlightList->currentRow();
    if (row < 0 || row >= m_highlights.size())
        return;
    const store::Note n = m_highlights.at(row);
    if (n.note == m_comment->text())
        return;
    push(store::NoteEdits::editHighlight(n.id, m_comment->text(), {}));
}

void NotesPanel::deleteChosenHighlight()
{
    const int row = m_highlightList->currentRow();
    if (row < 0 || row >= m_highlights.size())
        return;
    push(store::NoteEdits::deleteNote(m_highlights.at(row).id));
}

void NotesPanel::reattachChosenReview()
{
    const int row = m_reviewList->currentRow();
    if (row < 0 || row >= m_review.size())
        return;
    const store::Note &n = m_review.at(row);
    const std::optional<FieldRange> range = m_reader->selectedRange();
    if (n.articleKey != m_articleKey || !highlightable(range)) {
        Q_EMIT message(tr("Open article %1 and select the passage the highlight belongs to.").arg(n.articleKey));
        return;
    }
    push(store::NoteEdits::reattach(n.id, range->start, range->end, readerFieldName(range->field)));
}

void NotesPanel::deleteChosenReview()
{
    const int row = m_reviewList->currentRow();
    if (row < 0 || row >= m_review.size())
        return;
    push(store::NoteEdits::deleteNote(m_review.at(row).id));
}

} // namespace baokan::ui
