// SPDX-License-Identifier: MIT
#include "export/notesexporter.h"

#include "store/articlelookup.h"
#include "store/database.h"
#include "store/tagstore.h"
#include "store/userdatastore.h"

#include <QFile>
#include <QFileInfo>
#include <QHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSaveFile>
#include <QSet>

#include <algorithm>
#include <tuple>

namespace baokan::exporting {

using namespace baokan::store;

namespace {

bool fail(QString *error, const QString &message)
{
    if (error)
        *error = message;
    return false;
}

QJsonValue text(const QString &s)
{
    return s.isNull() ? QJsonValue(QJsonValue::Null) : QJsonValue(s);
}

QJsonValue offset(qint64 v)
{
    return v < 0 ? QJsonValue(QJsonValue::Null) : QJsonValue(v);
}

} // namespace

NotesExporter::NotesExporter(QSqlDatabase db)
    : m_db(std::move(db))
{}

NotesExporter::NotesExporter(const store::Database *db)
    : m_db(db->connection())
{}

QStringList NotesExporter::csvColumns()
{
    return {QStringLiteral("issue_date"),    QStringLiteral("issue"),   QStringLiteral("article_key"),
            QStringLiteral("article_title"), QStringLiteral("kind"),    QStringLiteral("quote"),
            QStringLiteral("note"),          QStringLiteral("color"),   QStringLiteral("tags"),
            QStringLiteral("entities"),      QStringLiteral("created"), QStringLiteral("modified")};
}

std::optional<QSet<QString>> NotesExporter::selectedKeys(const NotesExportOptions &options, QString *error,
                                                         bool *ok) const
{
    *ok = true;
    std::optional<QSet<QString>> keys;
    auto narrow = [&keys](const QSet<QString> &allowed) { keys = keys ? keys->intersect(allowed) : allowed; };
    if (options.articleKeys)
        narrow(QSet<QString>(options.articleKeys->begin(), options.articleKeys->end()));
    if (!options.tags.isEmpty()) {
        const TagStore tags(m_db);
        QSet<QString> tagged;
        for (const QString &name : options.tags) {
            const auto t = tags.findByName(name);
            if (!t) {
                *ok = fail(error, QStringLiteral("there is no tag named “%1”").arg(name));
                return std::nullopt;
            }
            for (const ArticleTag &link : tags.links(t->id))
                tagged.insert(link.articleKey);
        }
        narrow(tagged);
    }
    if (!options.issue.isEmpty()) {
        const QStringList inIssue = ArticleLookup(m_db).keysInIssue(options.issue);
        if (inIssue.isEmpty()) {
            *ok = fail(error, QStringLiteral("there is no issue named or dated “%1”").arg(options.issue));
            return std::nullopt;
        }
        narrow(QSet<QString>(inIssue.begin(), inIssue.end()));
    }
    return keys;
}

bool NotesExporter::write(QIODevice *device, const NotesExportOptions &options, QString *error, int *rows)
{
    int written = 0;
    const bool ok = options.format == NotesExportOptions::Format::Json ? writeJson(device, options, error, &written)
                                                                       : writeCsv(device, options, error, &written);
    if (rows)
        *rows = written;
    return ok;
}

bool NotesExporter::writeFile(const QString &path, const NotesExportOptions &options, QString *error, int *rows)
{
    const QFileInfo target(path);
    if (target.exists() && !target.isFile()) {
        // A device or pipe (/dev/stdout, a FIFO) is written as it is: QSaveFile would put a
        // regular file in its place, and for root that replaces the device node itself.
        QFile device(path);
        if (!device.open(QIODevice::WriteOnly))
            return fail(error, QStringLiteral("cannot write %1: %2").arg(path, device.errorString()));
        if (!write(&device, options, error, rows))
            return false;
        if (!device.flush() || device.error() != QFileDevice::NoError)
            return fail(error, QStringLiteral("cannot write %1: %2").arg(path, device.errorString()));
        return true;
    }
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly))
        return fail(error, QStringLiteral("cannot write %1: %2").arg(path, file.errorString()));
    if (!write(&file, options, error, rows)) {
        file.cancelWriting();
        return false;
    }
    // QSaveFile's commit() misses a write error of its own buffer (a full disk, /dev/full) and
    // would put an empty or cut file in place of a good one: push the bytes out and look first.
    if (!file.flush() || file.error() != QFileDevice::NoError) {
        const QString why = file.errorString();
        file.cancelWriting();
        return fail(error, QStringLiteral("cannot write %1: %2").arg(path, why));
    }
    if (!file.commit())
        return fail(error, QStringLiteral("cannot write %1: %2").arg(path, file.errorString()));
    return true;
}

bool NotesExporter::writeCsv(QIODevice *device, const NotesExportOptions &options, QString *error, int *rows)
{
    bool ok = false;
    const auto keys = selectedKeys(options, error, &ok);
    if (!ok)
        return false;
    QList<Note> notes = UserDataStore(m_db).notes();
    if (keys)
        notes.erase(std::remove_if(notes.begin(), notes.end(),
                                   [&keys](const Note &n) { return !keys->contains(n.articleKey); }),
                    notes.end());

    const ArticleLookup articles(m_db);
    const TagStore tags(m_db);
    QHash<QString, std::optional<ArticleCitation>> summaries;
    QHash<QString, QString> tagLists;
    for (const Note &n : std::as_const(notes)) {
        if (summaries.contains(n.articleKey))
            continue;
        summaries.insert(n.articleKey, articles.summary(n.articleKey));
        QStringList names;
        for (const Tag &t : tags.tagsFor(n.articleKey))
            names << t.name;
        tagLists.insert(n.articleKey, names.join(QLatin1String("; ")));
    }
    // Reading order: by issue, then the article's place in it; notes whose article is not in
    // this archive (imported from another) come last.
    std::stable_sort(notes.begin(), notes.end(), [&summaries](const Note &a, const Note &b) {
        const auto &sa = summaries.value(a.articleKey);
        const auto &sb = summaries.value(b.articleKey);
        if (bool(sa) != bool(sb))
            return bool(sa);
        if (sa && sb && sa->key != sb->key)
            return std::tie(sa->issueDate, sa->issueName, sa->ordinal, sa->key) <
                   std::tie(sb->issueDate, sb->issueName, sb->ordinal, sb->key);
        return false;
    });

    CsvWriter csv(device, options.encoding, options.byteOrderMark);
    if (!csv.writeRow(csvColumns()))
        return fail(error, csv.errorString());
    const qint64 total = notes.size();
    qint64 done = 0;
    for (const Note &n : std::as_const(notes)) {
        const auto &summary = summaries.value(n.articleKey);
        QStringList entities;
        // Offsets of a highlight waiting for review point into an older text: no entities for it.
        if (summary && n.kind == NoteKind::Highlight && n.anchor == AnchorState::Ok && n.start >= 0)
            for (const MentionRef &m : articles.mentionsWithin(summary->id, n.field, n.start, n.end))
                entities << m.text + QLatin1Char('/') + m.type;
        const bool highlight = n.kind == NoteKind::Highlight;
        const QStringList row{summary ? summary->issueDate : QString(),
                              summary ? summary->issueName : QString(),
                              n.articleKey,
                              summary ? summary->title : QString(),
                              noteKindName(n.kind),
                              highlight ? n.quote : QString(),
                              n.note,
                              highlight ? n.color : QString(),
                              tagLists.value(n.articleKey),
                              entities.join(QLatin1String("; ")),
                              n.created,
                              n.modified};
        if (!csv.writeRow(row))
            return fail(error, csv.errorString());
        ++done;
        *rows = int(done);
        if (m_progress && !m_progress(done, total))
            return fail(error, QStringLiteral("the export was cancelled"));
    }
    return true;
}

bool NotesExporter::writeJson(QIODevice *device, const NotesExportOptions &options, QString *error, int *rows)
{
    bool ok = false;
    const auto keys = selectedKeys(options, error, &ok);
    if (!ok)
        return false;
    const UserDataStore data(m_db);
    const auto wanted = [&keys](const QString &key) { return !keys || keys->contains(key); };

    QHash<qint64, Tag> tagsById;
    for (const Tag &t : data.tags())
        tagsById.insert(t.id, t);
    QSet<qint64> usedTags;
    QJsonArray links;
    for (const ArticleTag &a : data.articleTags()) {
        if (!wanted(a.articleKey))
            continue;
        usedTags.insert(a.tagId);
        links.append(QJsonObject{{QStringLiteral("article_key"), a.articleKey},
                                 {QStringLiteral("tag"), tagsById.value(a.tagId).name},
                                 {QStringLiteral("created"), a.created}});
    }
    QJsonArray tags;
    for (const Tag &t : data.tags()) {
        if (keys && !usedTags.contains(t.id))
            continue;
        tags.append(QJsonObject{{QStringLiteral("id"), t.id},
                                {QStringLiteral("name"), t.name},
                                {QStringLiteral("color"), t.color},
                                {QStringLiteral("created"), t.created}});
    }
    QJsonArray notes;
    const QList<Note> all = data.notes();
    for (const Note &n : all) {
        if (!wanted(n.articleKey))
            continue;
        notes.append(QJsonObject{{QStringLiteral("id"), n.id},
                                 {QStringLiteral("article_key"), n.articleKey},
                                 {QStringLiteral("kind"), noteKindName(n.kind)},
                                 {QStringLiteral("field"), n.field},
                                 {QStringLiteral("quote"), text(n.quote)},
                                 {QStringLiteral("prefix"), text(n.prefix)},
                                 {QStringLiteral("suffix"), text(n.suffix)},
                                 {QStringLiteral("start"), offset(n.start)},
                                 {QStringLiteral("end"), offset(n.end)},
                                 {QStringLiteral("note"), n.note},
                                 {QStringLiteral("color"), text(n.color)},
                                 {QStringLiteral("anchor"), anchorStateName(n.anchor)},
                                 {QStringLiteral("created"), n.created},
                                 {QStringLiteral("modified"), n.modified}});
        if (m_progress && !m_progress(notes.size(), all.size()))
            return fail(error, QStringLiteral("the export was cancelled"));
    }
    QJsonArray corrections;
    for (const Correction &c : data.corrections()) {
        if (c.scope != QLatin1String("archive") && !wanted(c.articleKey))
            continue;
        corrections.append(QJsonObject{{QStringLiteral("id"), c.id},
                                       {QStringLiteral("scope"), c.scope},
                                       {QStringLiteral("article_key"), text(c.articleKey)},
                                       {QStringLiteral("field"), text(c.field)},
                                       {QStringLiteral("start"), offset(c.start)},
                                       {QStringLiteral("end"), offset(c.end)},
                                       {QStringLiteral("text"), c.text},
                                       {QStringLiteral("prefix"), text(c.prefix)},
                                       {QStringLiteral("suffix"), text(c.suffix)},
                                       {QStringLiteral("type"), text(c.type)},
                                       {QStringLiteral("created"), c.created}});
    }
    QJsonArray lexicon;
    for (const LexiconEntry &e : data.lexicon())
        lexicon.append(QJsonObject{{QStringLiteral("text"), e.text},
                                   {QStringLiteral("type"), text(e.type)},
                                   {QStringLiteral("created"), e.created}});
    const QJsonObject root{{QStringLiteral("format"), QStringLiteral("baokan-notes")},
                           {QStringLiteral("version"), 1},
                           {QStringLiteral("exported"), nowIso()},
                           {QStringLiteral("tags"), tags},
                           {QStringLiteral("article_tags"), links},
                           {QStringLiteral("notes"), notes},
                           {QStringLiteral("corrections"), corrections},
                           {QStringLiteral("user_lexicon"), lexicon}};
    const QByteArray bytes = QJsonDocument(root).toJson(QJsonDocument::Indented);
    if (device->write(bytes) != bytes.size())
        return fail(error, device->errorString().isEmpty() ? QStringLiteral("the output refused the data")
                                                           : device->errorString());
    *rows = int(notes.size());
    return true;
}

} // namespace baokan::exporting
