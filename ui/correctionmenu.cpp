// SPDX-License-Identifier: MIT
#include "correctionmenu.h"

#include "editcommand.h"
#include "entitiespanel.h"
#include "entitylegend.h"
#include "readerview.h"
#include "unplacedcorrections.h"

#include "store/correctionedits.h"
#include "store/database.h"
#include "store/storagefailure.h"

#include <QAction>
#include <QContextMenuEvent>
#include <QMenu>
#include <QPointer>
#include <QUndoStack>

namespace baokan::ui {

namespace {

// Long selections are cut short in menu texts; the correction still takes all of it.
QString quoted(const QString &text)
{
    constexpr int MaxShown = 12;
    const QString oneLine = text.simplified();
    const QString shown = oneLine.size() > MaxShown ? oneLine.left(MaxShown) + QChar(0x2026) : oneLine;
    return QChar(0x201c) + shown + QChar(0x201d);
}

QString codePointSlice(const QString &text, int start, int end)
{
    const int from = TextFieldMap::utf16Offset(text, start);
    return text.mid(from, TextFieldMap::utf16Offset(text, end) - from);
}

} // namespace

CorrectionMenu::CorrectionMenu(ReaderView *reader, EntitiesPanel *entities, QUndoStack *undoStack, QObject *parent)
    : QObject(parent)
    , m_reader(reader)
    , m_entities(entities)
    , m_undoStack(undoStack)
{
    m_markAction = new QAction(tr("&Correct Entity…"), this);
    m_markAction->setObjectName(QStringLiteral("markEntityAction"));
    m_markAction->setShortcut(QKeySequence(Qt::Key_E));
    m_markAction->setToolTip(tr("Mark the selection as an entity, or change or remove the entity at the cursor"));
    connect(m_markAction, &QAction::triggered, this, [this] {
        if (!m_reader->hasArticle())
            return;
        const QTextCursor cursor = m_reader->textCursor();
        const int position = cursor.hasSelection() ? cursor.selectionStart() : cursor.position();
        const QRect caret = m_reader->cursorRect(cursor);
        popupAt(position, m_reader->viewport()->mapToGlobal(caret.bottomRight()));
    });
    m_reader->viewport()->installEventFilter(this);
    m_reader->installEventFilter(this); // the keyboard's context menu key arrives here
    connect(m_entities->unplacedCorrections(), &UnplacedCorrections::deleteRequested, this,
            [this](qint64 id) { push(store::CorrectionEdits::deleteCorrection(id), tr("Delete Correction")); });
}

QString CorrectionMenu::scopeName(Scope scope)
{
    switch (scope) {
    case Scope::Mention:
        return QStringLiteral("mention");
    case Scope::Article:
        return QStringLiteral("article");
    case Scope::Archive:
        return QStringLiteral("archive");
    }
    return {};
}

bool CorrectionMenu::eventFilter(QObject *watched, QEvent *event)
{
    if (event->type() == QEvent::ContextMenu && m_reader->hasArticle()) {
        auto *menuEvent = static_cast<QContextMenuEvent *>(event);
        const bool keyboard = menuEvent->reason() == QContextMenuEvent::Keyboard;
        if (watched == m_reader->viewport() || (watched == m_reader && keyboard)) {
            const QTextCursor cursor = m_reader->textCursor();
            const int position = keyboard ? (cursor.hasSelection() ? cursor.selectionStart() : cursor.position())
                                          : m_entities->characterAt(menuEvent->pos());
            popupAt(position, menuEvent->globalPos());
            return true;
        }
    }
    return QObject::eventFilter(watched, event);
}

void CorrectionMenu::popupAt(int position, const QPoint &globalPos)
{
    QMenu *menu = createMenu(position, m_reader);
    menu->setAttribute(Qt::WA_DeleteOnClose);
    menu->popup(globalPos);
}

void CorrectionMenu::addScopeMenu(QMenu *parent, const QString &title, const QString &objectName,
                                  const std::function<void(Scope)> &apply)
{
    QMenu *scopes = parent->addMenu(title);
    scopes->setObjectName(objectName);
    const struct
    {
        Scope scope;
        QString text;
    } choices[] = {
        {Scope::Mention, tr("This &Mention")},
        {Scope::Article, tr("Every Occurrence in This &Article")},
        {Scope::Archive, tr("Every Occurrence in the A&rchive")},
    };
    for (const auto &choice : choices) {
        QAction *action = scopes->addAction(choice.text);
        action->setObjectName(objectName + QLatin1Char('-') + scopeName(choice.scope));
        const Scope scope = choice.scope;
        connect(action, &QAction::triggered, this, [apply, scope] { apply(scope); });
    }
}

QMenu *CorrectionMenu::createMenu(int position, QWidget *parent)
{
    QMenu *menu = m_reader->createStandardContextMenu();
    menu->setParent(parent, menu->windowFlags());
    menu->setObjectName(QStringLiteral("correctionMenu"));
    if (!m_db || !m_reader->hasArticle())
        return menu;
    menu->addSeparator();

    const std::optional<FieldRange> selected = m_reader->selectedRange();
    if (selected && selected->end > selected->start) {
        const FieldRange range = *selected;
        const QString text = codePointSlice(m_reader->fieldText(range.field), range.start, range.end);
        QMenu *markAs = menu->addMenu(tr("Mark %1 &as").arg(quoted(text)));
        markAs->setObjectName(QStringLiteral("markAsMenu"));
        for (const QString &type : EntityLegend::types()) {
            addScopeMenu(markAs, EntityLegend::typeName(type), QStringLiteral("markAs-") + type,
                         [this, range, type](Scope scope) { mark(range, type, scope); });
        }
    } else {
        QAction *hint = menu->addAction(tr("Mark as Entity (select text first)"));
        hint->setObjectName(QStringLiteral("markAsHint"));
        hint->setEnabled(false);
    }

    if (const std::optional<store::StoredMention> mention = m_entities->mentionAt(position)) {
        const std::optional<ReaderField> field = readerFieldFromName(mention->field);
        if (field) {
            const FieldRange range{*field, mention->start, mention->end};
            menu->addSeparator();
            QAction *label =
                menu->addAction(tr("%1: %2").arg(quoted(mention->text), EntityLegend::typeName(mention->type)));
            label->setObjectName(QStringLiteral("entityLabel"));
            label->setEnabled(false);
            QMenu *change = menu->addMenu(tr("Change &Type"));
            change->setObjectName(QStringLiteral("changeTypeMenu"));
            for (const QString &type : EntityLegend::types()) {
                if (type == mention->type)
                    continue;
                addScopeMenu(change, EntityLegend::typeName(type), QStringLiteral("changeType-") + type,
                             [this, range, type](Scope scope) { mark(range, type, scope); });
            }
            addScopeMenu(menu, tr("&Not an Entity"), QStringLiteral("notEntity"),
                         [this, range](Scope scope) { remove(range, scope); });
        }
    }
    return menu;
}

bool CorrectionMenu::mark(const FieldRange &range, const QString &type, Scope scope)
{
    if (!m_reader->hasArticle())
        return false;
    const QString text = codePointSlice(m_reader->fieldText(range.field), range.start, range.end);
    return push(store::CorrectionEdits::mark(m_reader->article().key, readerFieldName(range.field), range.start,
                                             range.end, type, scopeName(scope)),
                tr("Mark %1 as %2").arg(quoted(text), EntityLegend::typeName(type)));
}

bool CorrectionMenu::remove(const FieldRange &range, Scope scope)
{
    if (!m_reader->hasArticle())
        return false;
    const QString text = codePointSlice(m_reader->fieldText(range.field), range.start, range.end);
    return push(store::CorrectionEdits::remove(m_reader->article().key, readerFieldName(range.field), range.start,
                                               range.end, scopeName(scope)),
                tr("Not an Entity: %1").arg(quoted(text)));
}

bool CorrectionMenu::push(store::Edit edit, const QString &label)
{
    if (!m_db)
        return false;
    QString error;
    if (!edit.apply(m_db->connection(), &error)) {
        Q_EMIT message(tr("The correction was not made: %1").arg(store::StorageFailure::explain(error)));
        return false;
    }
    auto *command = new EditCommand(m_db, std::move(edit));
    if (!label.isEmpty())
        command->setText(label);
    // The stack may outlive this object when the window closes.
    QPointer<CorrectionMenu> self(this);
    command->setChanged([self] {
        if (self)
            self->refresh();
    });
    m_undoStack->push(command); // its first redo() refreshes
    return true;
}

void CorrectionMenu::refresh()
{
    m_entities->reload();
    Q_EMIT corrected();
}

} // namespace baokan::ui
