// SPDX-License-Identifier: MIT
#include "export/notesimporter.h"

#include "store/articlelookup.h"
#include "store/database.h"
#include "store/edit.h"
#include "store/notestore.h"
#include "store/tagstore.h"
#include "store/userdatastore.h"
#include "store/writescope.h"

#include <QFile>
#include <QHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSet>
#include <QSqlError>

namespace baokan::exporting {

using namespace baokan::store;

namespace {

bool fail(QString *error, const QString &message)
{
    if (error)
        *error = message;
    return false;
}

QString text(const QJsonObject &o, const char *key)
{
    const QJsonValue v = o.value(QLatin1String(key));
    return v.isString() ? v.toString() : QString();
}

qint64 offset(const QJsonObject &o, const char *key)
{
    const QJsonValue v = o.value(QLatin1String(key));
    return v.isDouble() ? qint64(v.toDouble()) : -1;
}

} // namespace

NotesImporter::NotesImporter(QSqlDatabase db)
    : m_db(std::move(db))
{}

NotesImporter::NotesImporter(const store::Database *db)
    : m_db(db->connection())
{}

bool NotesImporter::importFile(const QString &path, NotesImportResult *result, QString *error)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return fail(error, QStringLiteral("cannot read %1: %2").arg(path, file.errorString()));
    if (!importJson(file.readAll(), result, error)) {
        if (error)
            *error = QStringLiteral("%1: %2").arg(path, *error);
        return false;
    }
    return true;
}

bool NotesImporter::importJson(const QByteArray &json, NotesImportResult *result, QString *error)
{
    QJsonParseError parseError;
    const QJsonDocument doc = QJsonDocument::fromJson(json, &parseError);
    if (doc.isNull())
        return fail(error,
                    QStringLiteral("not JSON (%1 at byte %2)").arg(parseError.errorString()).arg(parseError.offset));
    const QJsonObject root = doc.object();
    if (root.value(QLatin1String("format")).toString() != QLatin1String("baokan-notes"))
        return fail(error, QStringLiteral("not a baokan notes export (no \"format\": \"baokan-notes\")"));
    if (root.value(QLatin1String("version")).toInt() > 1)
        return fail(error, QStringLiteral("made by a newer baokan (version %1); update baokan to import it")
                               .arg(root.value(QLatin1String("version")).toInt()));

    NotesImportResult counts;
    WriteScope scope(m_db);
    if (!scope.isActive())
        return fail(error, QStringLiteral("cannot start a transaction: %1").arg(scope.lastError()));
    const TagStore tagStore(m_db);
    const NoteStore noteStore(m_db);
    const ArticleLookup articles(m_db);
    UserDataStore data(m_db);

    // Tags match by name; a tag new to this archive keeps its colour, date and (when free) id.
    QHash<QString, qint64> tagIds;
    for (const QJsonValue &v : root.value(QLatin1String("tags")).toArray()) {
        const QJsonObject o = v.toObject();
        const QString name = text(o, "name");
        if (TagStore::normalizeName(name).isEmpty())
            continue;
        if (const auto existing = tagStore.findByName(name)) {
            tagIds.insert(TagStore::foldName(name), existing->id);
            continue;
        }
        Tag t;
        t.id = offset(o, "id");
        if (t.id <= 0 || data.idTaken(QStringLiteral("tag"), t.id))
            t.id = tagStore.nextId();
        t.name = TagStore::normalizeName(name);
        t.color = TagStore::isColor(text(o, "color")) ? text(o, "color") : tagStore.nextColor();
        t.created = text(o, "created").isEmpty() ? nowIso() : text(o, "created");
        RowSet add;
        add.tags << t;
        if (!Edit::writeRows(m_db, {}, add, error))
            return false;
        tagIds.insert(TagStore::foldName(name), t.id);
        ++counts.tagsAdded;
    }
    for (const QJsonValue &v : root.value(QLatin1String("article_tags")).toArray()) {
        const QJsonObject o = v.toObject();
        const QString key = text(o, "article_key");
        const auto id = tagIds.constFind(TagStore::foldName(text(o, "tag")));
        if (key.isEmpty() || id == tagIds.constEnd() || tagStore.link(key, *id))
            continue;
        RowSet add;
        add.articleTags << ArticleTag{key, *id, text(o, "created").isEmpty() ? nowIso() : text(o, "created")};
        if (!Edit::writeRows(m_db, {}, add, error))
            return false;
        ++counts.articleTagsAdded;
    }

    QSet<QString> touched;
    for (const QJsonValue &v : root.value(QLatin1String("notes")).toArray()) {
        const QJsonObject o = v.toObject();
        Note n;
        n.id = offset(o, "id");
        n.articleKey = text(o, "article_key");
        const auto kind = noteKindFromName(text(o, "kind"));
        if (n.articleKey.isEmpty() || !kind)
            return fail(error, QStringLiteral("a note without article key or kind"));
        n.kind = *kind;
        n.field = text(o, "field").isEmpty() ? QStringLiteral("body") : text(o, "field");
        n.quote = text(o, "quote");
        n.prefix = text(o, "prefix");
        n.suffix = text(o, "suffix");
        n.start = offset(o, "start");
        n.end = offset(o, "end");
        n.note = text(o, "note");
        n.color = text(o, "color");
        n.anchor = text(o, "anchor") == QLatin1String("review") ? AnchorState::Review : AnchorState::Ok;
        n.created = text(o, "created").isEmpty() ? nowIso() : text(o, "created");
        n.modified = text(o, "modified").isEmpty() ? n.created : text(o, "modified");
        if (n.kind == NoteKind::Highlight && n.quote.isEmpty())
            return fail(error, QStringLiteral("a highlight without a quote (article %1)").arg(n.articleKey));

        RowSet before;
        RowSet after;
        if (n.kind == NoteKind::ArticleNote) {
            if (const auto existing = noteStore.articleNote(n.articleKey)) {
                if (existing->note == n.note) {
                    ++counts.notesSkipped;
                    continue;
                }
                // One note per article: keep both texts rather than lose either.
                before.notes << *existing;
                Note merged = *existing;
                merged.note = existing->note + QLatin1String("\n\n") + n.note;
                merged.modified = std::max(existing->modified, n.modified);
                after.notes << merged;
                ++counts.notesMerged;
            }
        } else {
            bool duplicate = false;
            for (const Note &h : noteStore.highlights(n.articleKey))
                duplicate = duplicate || (h.quote == n.quote && h.start == n.start && h.end == n.end &&
                                          h.note == n.note && h.field == n.field);
            if (duplicate) {
                ++counts.notesSkipped;
                continue;
            }
        }
        if (after.isEmpty()) {
            if (n.id <= 0 || data.idTaken(QStringLiteral("note"), n.id))
                n.id = noteStore.nextId();
            if (!articles.exists(n.articleKey))
                n.anchor = AnchorState::Review;
            after.notes << n;
            ++counts.notesAdded;
        }
        if (!Edit::writeRows(m_db, before, after, error))
            return false;
        touched.insert(n.articleKey);
    }
    // Offsets from another archive may not fit this one's text: place them as after a re-import.
    for (const QString &key : std::as_const(touched)) {
        const auto texts = articles.highlightTexts(key);
        if (texts && !NoteStore::reanchorArticle(m_db, key, *texts, nullptr, error))
            return false;
    }
    for (const QString &key : std::as_const(touched))
        for (const Note &n : noteStore.notesFor(key))
            counts.inReview += n.anchor == AnchorState::Review ? 1 : 0;

    for (const QJsonValue &v : root.value(QLatin1String("corrections")).toArray()) {
        const QJsonObject o = v.toObject();
        Correction c;
        c.id = offset(o, "id");
        c.scope = text(o, "scope");
        c.articleKey = text(o, "article_key");
        c.field = text(o, "field");
        c.start = offset(o, "start");
        c.end = offset(o, "end");
        c.text = text(o, "text");
        c.prefix = text(o, "prefix");
        c.suffix = text(o, "suffix");
        c.type = text(o, "type");
        c.created = text(o, "created").isEmpty() ? nowIso() : text(o, "created");
        bool added = false;
        if (!data.addCorrection(c, &added, error))
            return false;
        counts.correctionsAdded += added ? 1 : 0;
    }
    for (const QJsonValue &v : root.value(QLatin1String("user_lexicon")).toArray()) {
        const QJsonObject o = v.toObject();
        bool added = false;
        const LexiconEntry e{text(o, "text"), text(o, "type"),
                             text(o, "created").isEmpty() ? nowIso() : text(o, "created")};
        if (e.text.isEmpty())
            continue;
        if (!data.addLexiconEntry(e, &added, error))
            return false;
        counts.lexiconAdded += added ? 1 : 0;
    }
    if (!scope.commit())
        return fail(error, QStringLiteral("cannot commit: %1").arg(scope.lastError()));
    if (result)
        *result = counts;
    return true;
}

} // namespace baokan::exporting
