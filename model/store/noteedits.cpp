// SPDX-License-Identifier: MIT
#include "store/noteedits.h"

#include "annotate/highlightanchor.h"
#include "store/articlelookup.h"
#include "store/notestore.h"
#include "store/tagstore.h"

namespace baokan::store {

namespace {

bool fail(QString *error, const QString &message)
{
    if (error)
        *error = message;
    return false;
}

std::optional<annotate::TextAnchor> anchorIn(const QSqlDatabase &db, const QString &articleKey, const QString &field,
                                             qint64 start, qint64 end, QString *error)
{
    if (!ArticleLookup::highlightFields().contains(field)) {
        fail(error, QStringLiteral("“%1” is not a field a highlight can be on").arg(field));
        return std::nullopt;
    }
    const auto text = ArticleLookup(db).fieldText(articleKey, field);
    if (!text) {
        fail(error, QStringLiteral("there is no article with key %1").arg(articleKey));
        return std::nullopt;
    }
    auto anchor = annotate::HighlightAnchor::fromRange(*text, start, end);
    if (!anchor)
        fail(error, QStringLiteral("the range %1–%2 is not a passage of the %3 of article %4")
                        .arg(start)
                        .arg(end)
                        .arg(field, articleKey));
    return anchor;
}

bool validColor(const QString &color, QString *error)
{
    return color.isEmpty() || TagStore::isColor(color) ||
           fail(error, QStringLiteral("“%1” is not a colour of the form #rrggbb").arg(color));
}

} // namespace

Edit NoteEdits::setArticleNote(const QString &articleKey, const QString &text)
{
    auto plan = [articleKey, text](const QSqlDatabase &db, RowSet *before, RowSet *after, QString *error) {
        if (articleKey.isEmpty())
            return fail(error, QStringLiteral("no article given"));
        const NoteStore store(db);
        const auto old = store.articleNote(articleKey);
        if (old)
            before->notes << *old;
        if (text.trimmed().isEmpty())
            return true; // an emptied note is no note: it would be an empty row in every export
        if (old && old->note == text) {
            after->notes << *old;
            return true;
        }
        Note n;
        if (old) {
            n = *old;
        } else {
            n.id = store.nextId();
            n.articleKey = articleKey;
            n.kind = NoteKind::ArticleNote;
            n.created = nowIso();
        }
        n.note = text;
        n.modified = nowIso();
        after->notes << n;
        return true;
    };
    return Edit(QStringLiteral("Edit article note"), plan, QStringLiteral("article-note:") + articleKey);
}

Edit NoteEdits::addHighlight(const QString &articleKey, qint64 start, qint64 end, const QString &color,
                             const QString &comment, const QString &field)
{
    auto plan = [=](const QSqlDatabase &db, RowSet *, RowSet *after, QString *error) {
        if (!validColor(color, error))
            return false;
        const auto anchor = anchorIn(db, articleKey, field, start, end, error);
        if (!anchor)
            return false;
        Note n;
        n.id = NoteStore(db).nextId();
        n.articleKey = articleKey;
        n.kind = NoteKind::Highlight;
        n.field = field;
        n.quote = anchor->quote;
        n.prefix = anchor->prefix;
        n.suffix = anchor->suffix;
        n.start = anchor->start;
        n.end = anchor->end;
        n.note = comment;
        n.color = color.isEmpty() ? TagStore::palette().at(5) : color.toLower();
        n.created = nowIso();
        n.modified = n.created;
        after->notes << n;
        return true;
    };
    return Edit(QStringLiteral("Highlight passage"), plan);
}

Edit NoteEdits::editHighlight(qint64 id, const QString &comment, const QString &color)
{
    auto plan = [=](const QSqlDatabase &db, RowSet *before, RowSet *after, QString *error) {
        if (!validColor(color, error))
            return false;
        auto n = NoteStore(db).note(id);
        if (!n || n->kind != NoteKind::Highlight)
            return fail(error, QStringLiteral("there is no highlight with id %1").arg(id));
        before->notes << *n;
        n->note = comment;
        if (!color.isEmpty())
            n->color = color.toLower();
        n->modified = nowIso();
        after->notes << *n;
        return true;
    };
    return Edit(QStringLiteral("Edit highlight"), plan, QStringLiteral("highlight:%1").arg(id));
}

Edit NoteEdits::deleteNote(qint64 id)
{
    auto plan = [id](const QSqlDatabase &db, RowSet *before, RowSet *, QString *error) {
        const auto n = NoteStore(db).note(id);
        if (!n)
            return fail(error, QStringLiteral("there is no note with id %1").arg(id));
        before->notes << *n;
        return true;
    };
    return Edit(QStringLiteral("Delete note"), plan);
}

Edit NoteEdits::reattach(qint64 id, qint64 start, qint64 end, const QString &field)
{
    auto plan = [=](const QSqlDatabase &db, RowSet *before, RowSet *after, QString *error) {
        auto n = NoteStore(db).note(id);
        if (!n || n->kind != NoteKind::Highlight)
            return fail(error, QStringLiteral("there is no highlight with id %1").arg(id));
        const auto anchor = anchorIn(db, n->articleKey, field, start, end, error);
        if (!anchor)
            return false;
        before->notes << *n;
        n->quote = anchor->quote;
        n->prefix = anchor->prefix;
        n->suffix = anchor->suffix;
        n->start = anchor->start;
        n->end = anchor->end;
        n->field = field;
        n->anchor = AnchorState::Ok;
        n->modified = nowIso();
        after->notes << *n;
        return true;
    };
    return Edit(QStringLiteral("Re-attach highlight"), plan);
}

} // namespace baokan::store
