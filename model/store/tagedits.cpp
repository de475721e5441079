// SPDX-License-Identifier: MIT
#include "store/tagedits.h"

#include "store/tagstore.h"

#include <QSet>

namespace baokan::store {

namespace {

bool fail(QString *error, const QString &message)
{
    if (error)
        *error = message;
    return false;
}

std::optional<Tag> existing(const TagStore &store, qint64 id, QString *error)
{
    auto t = store.tag(id);
    if (!t)
        fail(error, QStringLiteral("there is no tag with id %1").arg(id));
    return t;
}

} // namespace

Edit TagEdits::add(const QStringList &articleKeys, const QString &name)
{
    const QString display = TagStore::normalizeName(name);
    auto plan = [articleKeys, display](const QSqlDatabase &db, RowSet *, RowSet *after, QString *error) {
        if (display.isEmpty())
            return fail(error, QStringLiteral("a tag needs a name"));
        const TagStore store(db);
        const QString now = nowIso();
        auto t = store.findByName(display);
        if (!t) {
            Tag created;
            created.id = store.nextId();
            created.name = display;
            created.color = store.nextColor();
            created.created = now;
            after->tags << created;
            t = created;
        }
        QSet<QString> seen;
        for (const QString &key : articleKeys) {
            if (key.isEmpty() || seen.contains(key))
                continue;
            seen.insert(key);
            if (!store.link(key, t->id))
                after->articleTags << ArticleTag{key, t->id, now};
        }
        return true;
    };
    return Edit(QStringLiteral("Add tag “%1”").arg(display), plan);
}

Edit TagEdits::remove(const QStringList &articleKeys, qint64 tagId)
{
    auto plan = [articleKeys, tagId](const QSqlDatabase &db, RowSet *before, RowSet *, QString *error) {
        const TagStore store(db);
        if (!existing(store, tagId, error))
            return false;
        QSet<QString> seen;
        for (const QString &key : articleKeys) {
            if (seen.contains(key))
                continue;
            seen.insert(key);
            if (auto link = store.link(key, tagId))
                before->articleTags << *link;
        }
        return true;
    };
    return Edit(QStringLiteral("Remove tag"), plan);
}

Edit TagEdits::rename(qint64 tagId, const QString &newName)
{
    const QString display = TagStore::normalizeName(newName);
    auto plan = [tagId, display](const QSqlDatabase &db, RowSet *before, RowSet *after, QString *error) {
        if (display.isEmpty())
            return fail(error, QStringLiteral("a tag needs a name"));
        const TagStore store(db);
        auto t = existing(store, tagId, error);
        if (!t)
            return false;
        auto clash = store.findByName(display);
        if (clash && clash->id != tagId)
            return fail(error,
                        QStringLiteral("a tag named “%1” already exists; merge the two tags instead").arg(clash->name));
        before->tags << *t;
        t->name = display;
        after->tags << *t;
        return true;
    };
    return Edit(QStringLiteral("Rename tag to “%1”").arg(display), plan);
}

Edit TagEdits::setColor(qint64 tagId, const QString &color)
{
    auto plan = [tagId, color](const QSqlDatabase &db, RowSet *before, RowSet *after, QString *error) {
        if (!TagStore::isColor(color))
            return fail(error, QStringLiteral("“%1” is not a colour of the form #rrggbb").arg(color));
        const TagStore store(db);
        auto t = existing(store, tagId, error);
        if (!t)
            return false;
        before->tags << *t;
        t->color = color.toLower();
        after->tags << *t;
        return true;
    };
    return Edit(QStringLiteral("Change tag colour"), plan);
}

Edit TagEdits::merge(qint64 fromId, qint64 intoId)
{
    auto plan = [fromId, intoId](const QSqlDatabase &db, RowSet *before, RowSet *after, QString *error) {
        if (fromId == intoId)
            return fail(error, QStringLiteral("a tag cannot be merged into itself"));
        const TagStore store(db);
        const auto from = existing(store, fromId, error);
        if (!from || !existing(store, intoId, error))
            return false;
        before->tags << *from;
        before->articleTags = store.links(fromId);
        // The merged tag keeps the date each article was first tagged with `from`.
        for (const ArticleTag &link : std::as_const(before->articleTags))
            if (!store.link(link.articleKey, intoId))
                after->articleTags << ArticleTag{link.articleKey, intoId, link.created};
        return true;
    };
    return Edit(QStringLiteral("Merge tags"), plan);
}

Edit TagEdits::deleteTag(qint64 tagId)
{
    auto plan = [tagId](const QSqlDatabase &db, RowSet *before, RowSet *, QString *error) {
        const TagStore store(db);
        const auto t = existing(store, tagId, error);
        if (!t)
            return false;
        before->tags << *t;
        before->articleTags = store.links(tagId);
        return true;
    };
    return Edit(QStringLiteral("Delete tag"), plan);
}

} // namespace baokan::store
