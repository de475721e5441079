// SPDX-License-Identifier: MIT
#include "store/entitystore.h"

#include "entities/codepoints.h"
#include "entities/entityrecognizer.h"
#include "entities/postlinker.h"
#include "store/articlestore.h"
#include "store/correctionstore.h"
#include "store/database.h"
#include "store/pinyinvocabulary.h"
#include "store/transaction.h"
#include "store/userdatastore.h"

#include <QHash>
#include <QSet>
#include <QSqlError>
#include <QSqlQuery>
#include <QVariant>

#include <algorithm>

#include <sqlite3.h>

namespace baokan::store {

namespace {

using entities::EntityType;
using entities::Mention;

bool fail(QString *error, const QString &message)
{
    if (error)
        *error = message;
    return false;
}

bool run(QSqlQuery &q, QString *error)
{
    if (q.exec())
        return true;
    return fail(error, q.lastError().text());
}

QVariant nullable(const QString &s)
{
    return s.isNull() ? QVariant(QMetaType::fromType<QString>()) : QVariant(s);
}

QString nullableString(const QVariant &v)
{
    return v.isNull() ? QString() : v.toString();
}

// A rule that names a text: the user lexicon, archive and article corrections.
struct TextRule
{
    QString text;
    std::optional<EntityType> type; // nothing: never an entity
};

std::optional<TextRule> textRule(const QString &text, const QString &type)
{
    if (text.isEmpty())
        return std::nullopt;
    if (type.isNull())
        return TextRule{text, std::nullopt};
    const auto t = entities::entityTypeFromName(type);
    if (!t)
        return std::nullopt; // a type this baokan does not know is left alone, not guessed
    return TextRule{text, t};
}

// The fields of one article and its mentions while corrections are applied.
struct FieldState
{
    entities::ArticleField field;
    entities::CodePoints codePoints;
    QList<Mention> mentions;
};

// A DOC keeps the mentions inside its title; a correction inside one must not drop the title.
bool contains(const Mention &outer, int start, int end)
{
    return outer.type == EntityType::Document && outer.start <= start && end <= outer.end &&
           (outer.start != start || outer.end != end);
}

void removeOverlapping(QList<Mention> &mentions, int start, int end)
{
    mentions.erase(
        std::remove_if(mentions.begin(), mentions.end(),
                       [&](const Mention &m) { return m.start < end && start < m.end && !contains(m, start, end); }),
        mentions.end());
}

void mark(QList<Mention> &mentions, int start, int end, const std::optional<EntityType> &type)
{
    removeOverlapping(mentions, start, end);
    if (type)
        mentions.append(Mention{start, end, *type});
}

void applyTextRule(FieldState &f, const TextRule &rule)
{
    const QString &text = f.field.text;
    if (!rule.type) {
        // Never an entity: mentions of exactly this text go; a longer name containing it stays.
        f.mentions.erase(std::remove_if(f.mentions.begin(), f.mentions.end(),
                                        [&](const Mention &m) {
                                            const int a = f.codePoints.toUtf16(m.start);
                                            const int b = f.codePoints.toUtf16(m.end);
                                            return QStringView(text).mid(a, b - a) == rule.text;
                                        }),
                         f.mentions.end());
        return;
    }
    for (qsizetype at = text.indexOf(rule.text); at >= 0; at = text.indexOf(rule.text, at + rule.text.size())) {
        const int start = f.codePoints.fromUtf16(int(at));
        const int end = f.codePoints.fromUtf16(int(at + rule.text.size()));
        mark(f.mentions, start, end, rule.type);
    }
}

// A 'mention' correction finds its place again by its exact quote, the context deciding among
// occurrences; a quote that no longer occurs with enough agreement is not applied (the row stays).
void applyMentionCorrection(FieldState &f, const Correction &c)
{
    const auto at = CorrectionStore::place(c, f.field.text);
    if (!at)
        return;
    std::optional<EntityType> type;
    if (!c.type.isNull()) {
        type = entities::entityTypeFromName(c.type);
        if (!type)
            return;
    }
    mark(f.mentions, int(at->first), int(at->second), type);
}

const QString kArticleColumns = QStringLiteral("id, key, title, kicker, subtitle, dateline, reporters, "
                                               "correspondents, interns, photographers, source, body, captions");

parse::Article articleFrom(const QSqlQuery &q)
{
    QVariantList values;
    values.reserve(11);
    for (int i = 2; i <= 12; ++i)
        values << q.value(i);
    return EntityStore::storedArticle(values);
}

bool sortMentions(const Mention &a, const Mention &b)
{
    // A DOC before the mentions inside it.
    return a.start != b.start ? a.start < b.start : a.end > b.end;
}

} // namespace

parse::Article EntityStore::storedArticle(const QVariantList &values)
{
    parse::Article a;
    a.title = nullableString(values.value(0));
    a.kicker = nullableString(values.value(1));
    a.subtitle = nullableString(values.value(2));
    a.dateline = nullableString(values.value(3));
    a.reporters = ArticleStore::splitList(values.value(4).toString());
    a.correspondents = ArticleStore::splitList(values.value(5).toString());
    a.interns = ArticleStore::splitList(values.value(6).toString());
    a.photographers = ArticleStore::splitList(values.value(7).toString());
    a.source = nullableString(values.value(8));
    const QString body = values.value(9).toString();
    a.paragraphs = body.isEmpty() ? QStringList() : body.split(QLatin1Char('\n'));
    a.captions = ArticleStore::splitList(values.value(10).toString());
    return a;
}

bool EntityStore::recognizeArticles(const QSqlDatabase &db, const QList<qint64> &articleIds, QString *error)
{
    return recognizeArticles(db, articleIds, {}, error);
}

namespace {

QList<FieldState> fieldStates(const parse::Article &article, const QList<entities::FieldMention> &found)
{
    QList<FieldState> fields;
    for (const entities::ArticleField &f : entities::ArticleFields::of(article))
        fields.append(FieldState{f, entities::CodePoints(f.text), {}});
    for (const entities::FieldMention &m : found) {
        for (FieldState &f : fields)
            if (f.field.field == m.field)
                f.mentions.append(m.mention);
    }
    return fields;
}

EntityRows rowsOf(const QList<FieldState> &fields)
{
    EntityRows rows;
    for (const FieldState &f : fields) {
        for (const Mention &m : f.mentions)
            rows.mentions.append(StoredMention{f.field.field, m.start, m.end, entities::entityTypeName(m.type),
                                               entities::CodePoints::mid(f.field.text, m.start, m.end)});
        rows.posts.append(entities::PostLinker::link(f.field.text, f.mentions));
    }
    return rows;
}

void bindText(sqlite3_stmt *stmt, int column, const QByteArray &utf8)
{
    sqlite3_bind_text(stmt, column, utf8.constData(), int(utf8.size()), SQLITE_TRANSIENT);
}

} // namespace

EntityRows EntityStore::plainRows(const parse::Article &article, const QList<entities::FieldMention> &found)
{
    QList<FieldState> fields = fieldStates(article, found);
    for (FieldState &f : fields)
        std::sort(f.mentions.begin(), f.mentions.end(), sortMentions);
    return rowsOf(fields);
}

struct EntityStore::Writer::Impl
{
    explicit Impl(const QSqlDatabase &connection)
        : db(connection)
        , handle(Database::handle(connection))
        , load(connection)
        , corrections(connection)
        , vocabulary(connection)
    {}
    ~Impl()
    {
        for (sqlite3_stmt *s : {deleteMentions, deletePosts, insertMention, insertPost, stamp})
            sqlite3_finalize(s);
    }
    bool sqlFail(QString *error) const
    {
        return fail(error, handle ? QString::fromUtf8(sqlite3_errmsg(handle)) : QStringLiteral("no connection"));
    }
    bool prepare(QString *error)
    {
        if (prepared)
            return true;
        load.setForwardOnly(true);
        corrections.setForwardOnly(true);
        if (!load.prepare(QStringLiteral("SELECT %1 FROM article WHERE id = :id").arg(kArticleColumns)) ||
            !corrections.prepare(QStringLiteral("SELECT %1 FROM correction WHERE article_key = :key "
                                                "AND scope IN ('mention', 'article') ORDER BY id")
                                     .arg(CorrectionStore::columns())))
            return fail(error, QStringLiteral("cannot prepare the entity statements: %1").arg(db.lastError().text()));
        if (!handle)
            return fail(error, QStringLiteral("cannot prepare the entity statements: no connection"));
        const std::pair<sqlite3_stmt **, const char *> statements[] = {
            {&deleteMentions, "DELETE FROM entity_mention WHERE article_id = ?"},
            {&deletePosts, "DELETE FROM person_post WHERE article_id = ?"},
            {&insertMention, "INSERT INTO entity_mention (article_id, field, start, end, type, text) "
                             "VALUES (?, ?, ?, ?, ?, ?)"},
            {&insertPost, "INSERT INTO person_post (article_id, person, post, organization) VALUES (?, ?, ?, ?)"},
            // An upsert, not INSERT OR REPLACE: a REPLACE on a table with a foreign key opens a
            // statement savepoint, and SQLite 3.40's FTS5 writes its pending index to disk at every
            // savepoint, so the import made a new index segment for each article it stamped.
            {&stamp, "INSERT INTO article_recognition (article_id, version) VALUES (?, ?) "
                     "ON CONFLICT (article_id) DO UPDATE SET version = excluded.version"},
        };
        for (const auto &[stmt, sql] : statements) {
            if (sqlite3_prepare_v3(handle, sql, -1, SQLITE_PREPARE_PERSISTENT, stmt, nullptr) != SQLITE_OK) {
                sqlFail(error);
                if (error)
                    *error = QStringLiteral("cannot prepare the entity statements: ") + *error;
                return false;
            }
        }
        prepared = true;
        return true;
    }
    bool step(sqlite3_stmt *stmt, QString *error)
    {
        const int rc = sqlite3_step(stmt);
        sqlite3_reset(stmt);
        return rc == SQLITE_DONE || sqlFail(error);
    }
    bool writeRows(qint64 id, bool newRow, const EntityRows &rows, QString *error)
    {
        for (sqlite3_stmt *d : {deleteMentions, deletePosts}) {
            if (newRow)
                break;
            sqlite3_bind_int64(d, 1, id);
            if (!step(d, error))
                return false;
        }
        for (const StoredMention &m : rows.mentions) {
            sqlite3_bind_int64(insertMention, 1, id);
            bindText(insertMention, 2, m.field.toUtf8());
            sqlite3_bind_int(insertMention, 3, m.start);
            sqlite3_bind_int(insertMention, 4, m.end);
            bindText(insertMention, 5, m.type.toUtf8());
            bindText(insertMention, 6, m.text.toUtf8());
            if (!step(insertMention, error))
                return false;
        }
        for (const entities::PersonPost &p : rows.posts) {
            sqlite3_bind_int64(insertPost, 1, id);
            bindText(insertPost, 2, p.person.toUtf8());
            bindText(insertPost, 3, p.post.toUtf8());
            if (p.organization.isEmpty())
                sqlite3_bind_null(insertPost, 4);
            else
                bindText(insertPost, 4, p.organization.toUtf8());
            if (!step(insertPost, error))
                return false;
        }
        // Which recognizer wrote these rows, so a newer one knows to recognize the article again.
        sqlite3_bind_int64(stamp, 1, id);
        bindText(stamp, 2, version);
        return step(stamp, error);
    }

    QSqlDatabase db;
    sqlite3 *handle = nullptr;
    bool prepared = false;
    QList<TextRule> globalRules;
    QSqlQuery load;
    QSqlQuery corrections;
    sqlite3_stmt *deleteMentions = nullptr;
    sqlite3_stmt *deletePosts = nullptr;
    sqlite3_stmt *insertMention = nullptr;
    sqlite3_stmt *insertPost = nullptr;
    sqlite3_stmt *stamp = nullptr;
    PinyinVocabulary vocabulary;
    const QByteArray version = entities::EntityRecognizer::version().toUtf8();
};

EntityStore::Writer::Writer(const QSqlDatabase &db)
    : d(std::make_unique<Impl>(db))
{}

EntityStore::Writer::~Writer() = default;

bool EntityStore::Writer::begin(QString *error)
{
    if (!d->prepare(error))
        return false;
    d->vocabulary.forget();
    // Rules that hold everywhere, read once: the user lexicon first, then archive corrections,
    // so that a correction (more deliberate, and later) wins over a lexicon entry.
    d->globalRules.clear();
    QSqlQuery q(d->db);
    q.setForwardOnly(true);
    if (!q.prepare(QStringLiteral("SELECT text, type FROM user_lexicon ORDER BY created, text")) || !run(q, error))
        return fail(error, QStringLiteral("cannot read the user lexicon: %1").arg(q.lastError().text()));
    while (q.next())
        if (const auto r = textRule(q.value(0).toString(), nullableString(q.value(1))))
            d->globalRules << *r;
    if (!q.prepare(QStringLiteral("SELECT text, type FROM correction WHERE scope = 'archive' ORDER BY id")) ||
        !run(q, error))
        return fail(error, QStringLiteral("cannot read corrections: %1").arg(q.lastError().text()));
    while (q.next())
        if (const auto r = textRule(q.value(0).toString(), nullableString(q.value(1))))
            d->globalRules << *r;
    return true;
}

bool EntityStore::Writer::write(qint64 id, bool newRow, const QString &key,
                                const std::function<parse::Article()> &articleOf, const EntityRows *plain,
                                const QList<entities::FieldMention> *found, EntityRows *written, QString *error)
{
    QList<TextRule> articleRules;
    QList<Correction> anchored;
    d->corrections.bindValue(QStringLiteral(":key"), key);
    if (!run(d->corrections, error))
        return false;
    while (d->corrections.next()) {
        const Correction c = CorrectionStore::fromRow(d->corrections);
        if (c.scope == QLatin1String("mention"))
            anchored << c;
        else if (const auto r = textRule(c.text, c.type))
            articleRules << *r;
    }
    d->corrections.finish();

    if (plain && d->globalRules.isEmpty() && articleRules.isEmpty() && anchored.isEmpty()) {
        if (written)
            *written = *plain;
        return d->writeRows(id, newRow, *plain, error);
    }
    const parse::Article article = articleOf();
    QList<FieldState> fields = fieldStates(article, found ? *found : entities::ArticleFields::mentions(article));
    // The narrower the scope, the later it applies, so it wins where rules disagree.
    for (FieldState &f : fields) {
        for (const TextRule &r : std::as_const(d->globalRules))
            applyTextRule(f, r);
        for (const TextRule &r : std::as_const(articleRules))
            applyTextRule(f, r);
        for (const Correction &c : std::as_const(anchored))
            if (c.field == f.field.field)
                applyMentionCorrection(f, c);
        std::sort(f.mentions.begin(), f.mentions.end(), sortMentions);
    }
    const EntityRows rows = rowsOf(fields);
    if (written)
        *written = rows;
    return d->writeRows(id, newRow, rows, error);
}

bool EntityStore::Writer::recognize(qint64 id, const QList<entities::FieldMention> *found, QString *error)
{
    d->load.bindValue(QStringLiteral(":id"), id);
    if (!run(d->load, error))
        return false;
    if (!d->load.next())
        return true; // removed meanwhile: nothing to recognize
    const QString key = d->load.value(1).toString();
    const parse::Article article = articleFrom(d->load);
    d->load.finish();
    EntityRows rows;
    if (!write(
            id, false, key, [&article] { return article; }, nullptr, found, &rows, error))
        return false;
    // A corrected or newly recognized name becomes findable in pinyin (the import adds its
    // names with the search index).
    QStringList names;
    for (const StoredMention &m : std::as_const(rows.mentions)) {
        if (m.type == QLatin1String("PER") || m.type == QLatin1String("LOC") || m.type == QLatin1String("ORG"))
            names << m.text;
    }
    return d->vocabulary.addNames(names, error);
}

bool EntityStore::recognizeArticles(const QSqlDatabase &db, const QList<qint64> &articleIds,
                                    const QHash<qint64, QList<entities::FieldMention>> &recognized, QString *error)
{
    if (articleIds.isEmpty())
        return true;
    Writer writer(db);
    if (!writer.begin(error))
        return false;
    for (const qint64 id : articleIds) {
        const auto known = recognized.constFind(id);
        if (!writer.recognize(id, known != recognized.cend() ? &*known : nullptr, error))
            return false;
    }
    return true;
}

bool EntityStore::recognizeAffected(const QSqlDatabase &db, const QStringList &articleKeys, const QStringList &texts,
                                    QString *error)
{
    QSet<qint64> ids;
    QSqlQuery q(db);
    q.setForwardOnly(true);
    if (!q.prepare(QStringLiteral("SELECT id FROM article WHERE key = :key")))
        return fail(error, q.lastError().text());
    for (const QString &key : articleKeys) {
        q.bindValue(QStringLiteral(":key"), key);
        if (!run(q, error))
            return false;
        while (q.next())
            ids.insert(q.value(0).toLongLong());
    }
    // The byline is composed from several columns, so a text there is found by its mentions.
    if (!q.prepare(QStringLiteral(
            "SELECT id FROM article WHERE instr(body, :t) OR instr(coalesce(title, ''), :t) "
            "OR instr(coalesce(kicker, ''), :t) OR instr(coalesce(subtitle, ''), :t) OR instr(captions, :t) "
            "OR instr(coalesce(source, ''), :t) OR instr(coalesce(dateline, ''), :t) OR instr(reporters, :t) "
            "OR instr(correspondents, :t) OR instr(interns, :t) OR instr(photographers, :t) "
            "UNION SELECT article_id FROM entity_mention WHERE text = :t")))
        return fail(error, q.lastError().text());
    for (const QString &text : texts) {
        if (text.isEmpty())
            continue;
        q.bindValue(QStringLiteral(":t"), text);
        if (!run(q, error))
            return false;
        while (q.next())
            ids.insert(q.value(0).toLongLong());
    }
    QList<qint64> list(ids.begin(), ids.end());
    std::sort(list.begin(), list.end());
    return recognizeArticles(db, list, error);
}

std::optional<RecognitionSummary> EntityStore::recognizeAll(const QSqlDatabase &db, int batchSize,
                                                            const Progress &progress, const std::atomic_bool *cancel,
                                                            QString *error)
{
    return recognizeSome(db, false, batchSize, progress, cancel, error);
}

std::optional<RecognitionSummary> EntityStore::recognizeStale(const QSqlDatabase &db, int batchSize,
                                                              const Progress &progress, const std::atomic_bool *cancel,
                                                              QString *error)
{
    return recognizeSome(db, true, batchSize, progress, cancel, error);
}

std::optional<qint64> EntityStore::staleArticles(const QSqlDatabase &db, QString *error)
{
    QSqlQuery q(db);
    q.setForwardOnly(true);
    if (!q.prepare(QStringLiteral("SELECT count(*) FROM article a LEFT JOIN article_recognition r "
                                  "ON r.article_id = a.id WHERE r.version IS NULL OR r.version <> :version"))) {
        fail(error, QStringLiteral("cannot read the archive: %1").arg(q.lastError().text()));
        return std::nullopt;
    }
    q.bindValue(QStringLiteral(":version"), entities::EntityRecognizer::version());
    if (!q.exec() || !q.next()) {
        fail(error, QStringLiteral("cannot read the archive: %1").arg(q.lastError().text()));
        return std::nullopt;
    }
    return q.value(0).toLongLong();
}

bool EntityStore::isStale(const QSqlDatabase &db)
{
    const std::optional<qint64> stale = staleArticles(db, nullptr);
    return stale && *stale > 0;
}

std::optional<RecognitionSummary> EntityStore::recognizeSome(const QSqlDatabase &db, bool onlyStale, int batchSize,
                                                             const Progress &progress, const std::atomic_bool *cancel,
                                                             QString *error)
{
    QList<qint64> ids;
    {
        QSqlQuery q(db);
        q.setForwardOnly(true);
        const bool ok =
            onlyStale ? q.prepare(QStringLiteral("SELECT a.id FROM article a LEFT JOIN article_recognition r "
                                                 "ON r.article_id = a.id "
                                                 "WHERE r.version IS NULL OR r.version <> :version ORDER BY a.id"))
                      : q.prepare(QStringLiteral("SELECT id FROM article ORDER BY id"));
        if (onlyStale)
            q.bindValue(QStringLiteral(":version"), entities::EntityRecognizer::version());
        if (!ok || !q.exec()) {
            fail(error, QStringLiteral("cannot read the archive: %1").arg(q.lastError().text()));
            return std::nullopt;
        }
        while (q.next())
            ids << q.value(0).toLongLong();
    }
    RecognitionSummary summary;
    summary.total = ids.size();
    batchSize = std::max(1, batchSize);
    if (progress)
        progress(0, summary.total);
    for (qsizetype from = 0; from < ids.size(); from += batchSize) {
        if (cancel && cancel->load()) {
            summary.cancelled = true;
            return summary;
        }
        const QList<qint64> batch = ids.mid(from, batchSize);
        Transaction transaction(db);
        if (!transaction.isActive()) {
            fail(error, QStringLiteral("cannot write to the archive: %1").arg(transaction.lastError()));
            return std::nullopt;
        }
        if (!recognizeArticles(db, batch, error))
            return std::nullopt;
        if (!transaction.commit()) {
            fail(error, QStringLiteral("cannot write to the archive: %1").arg(transaction.lastError()));
            return std::nullopt;
        }
        summary.articles += batch.size();
        if (progress)
            progress(summary.articles, summary.total);
    }
    return summary;
}

std::optional<QList<entities::ArticleField>> EntityStore::fields(const QSqlDatabase &db, const QString &articleKey)
{
    QSqlQuery q(db);
    q.setForwardOnly(true);
    q.prepare(QStringLiteral("SELECT %1 FROM article WHERE key = :key").arg(kArticleColumns));
    q.bindValue(QStringLiteral(":key"), articleKey);
    if (!q.exec() || !q.next())
        return std::nullopt;
    return entities::ArticleFields::of(articleFrom(q));
}

std::optional<QList<StoredMention>> EntityStore::mentions(const QSqlDatabase &db, qint64 articleId)
{
    QSqlQuery q(db);
    q.setForwardOnly(true);
    q.prepare(QStringLiteral("SELECT field, start, end, type, text FROM entity_mention WHERE article_id = :id "
                             "ORDER BY field, start, end DESC"));
    q.bindValue(QStringLiteral(":id"), articleId);
    if (!q.exec())
        return std::nullopt;
    QList<StoredMention> out;
    while (q.next())
        out.append(StoredMention{q.value(0).toString(), q.value(1).toInt(), q.value(2).toInt(), q.value(3).toString(),
                                 q.value(4).toString()});
    return out;
}

std::optional<QList<EntityCount>> EntityStore::articleEntities(const QSqlDatabase &db, qint64 articleId)
{
    QSqlQuery q(db);
    q.setForwardOnly(true);
    q.prepare(QStringLiteral("SELECT type, text, count(*) FROM entity_mention WHERE article_id = :id "
                             "GROUP BY type, text ORDER BY type, count(*) DESC, text"));
    q.bindValue(QStringLiteral(":id"), articleId);
    if (!q.exec())
        return std::nullopt;
    QList<EntityCount> out;
    while (q.next())
        out.append(EntityCount{q.value(0).toString(), q.value(1).toString(), q.value(2).toInt(), 1});
    return out;
}

namespace {

// instr, not LIKE: the user's text is matched literally, % and _ included.
QString indexSql()
{
    return QStringLiteral("SELECT type, text, count(*), count(DISTINCT article_id) FROM entity_mention "
                          "WHERE (:type IS NULL OR type = :type) AND (:filter = '' OR instr(text, :filter) > 0) "
                          "GROUP BY type, text ORDER BY count(*) DESC, text, type LIMIT :limit OFFSET :offset");
}

QString indexSizeSql()
{
    return QStringLiteral("SELECT count(*) FROM (SELECT 1 FROM entity_mention "
                          "WHERE (:type IS NULL OR type = :type) AND (:filter = '' OR instr(text, :filter) > 0) "
                          "GROUP BY type, text)");
}

} // namespace

std::optional<QList<EntityCount>> EntityStore::index(const QSqlDatabase &db, const QString &filter, const QString &type,
                                                     int limit, int offset)
{
    QSqlQuery q(db);
    q.setForwardOnly(true);
    q.prepare(indexSql());
    q.bindValue(QStringLiteral(":type"), nullable(type));
    q.bindValue(QStringLiteral(":filter"), filter.isNull() ? QStringLiteral("") : filter);
    q.bindValue(QStringLiteral(":limit"), limit);
    q.bindValue(QStringLiteral(":offset"), offset);
    if (!q.exec())
        return std::nullopt;
    QList<EntityCount> out;
    while (q.next())
        out.append(EntityCount{q.value(0).toString(), q.value(1).toString(), q.value(2).toInt(), q.value(3).toInt()});
    return out;
}

std::optional<int> EntityStore::indexSize(const QSqlDatabase &db, const QString &filter, const QString &type)
{
    QSqlQuery q(db);
    q.setForwardOnly(true);
    q.prepare(indexSizeSql());
    q.bindValue(QStringLiteral(":type"), nullable(type));
    q.bindValue(QStringLiteral(":filter"), filter.isNull() ? QStringLiteral("") : filter);
    if (!q.exec() || !q.next())
        return std::nullopt;
    return q.value(0).toInt();
}

QStringList EntityStore::indexQueryPlan(const QSqlDatabase &db)
{
    QStringList out;
    for (const QString &sql : {indexSql(), indexSizeSql()}) {
        QSqlQuery q(db);
        q.setForwardOnly(true);
        q.prepare(QStringLiteral("EXPLAIN QUERY PLAN ") + sql);
        q.bindValue(QStringLiteral(":type"), QVariant());
        q.bindValue(QStringLiteral(":filter"), QStringLiteral(""));
        if (sql.contains(QLatin1String(":limit"))) {
            q.bindValue(QStringLiteral(":limit"), 300);
            q.bindValue(QStringLiteral(":offset"), 0);
        }
        if (!q.exec())
            return {};
        // Columns: id, parent, notused, detail.
        while (q.next())
            out << q.value(3).toString();
    }
    return out;
}

std::optional<QList<EntityArticle>> EntityStore::articlesMentioning(const QSqlDatabase &db, const QString &type,
                                                                    const QString &text, int limit, int offset)
{
    QSqlQuery q(db);
    q.setForwardOnly(true);
    q.prepare(QStringLiteral(
        "SELECT a.id, a.key, coalesce(a.title, a.display_title), coalesce(i.user_date, i.date), m.n "
        "FROM (SELECT article_id, count(*) AS n FROM entity_mention WHERE type = :type AND text = :text "
        "GROUP BY article_id) m JOIN article a ON a.id = m.article_id JOIN issue i ON i.id = a.issue_id "
        "ORDER BY coalesce(i.user_date, i.date) IS NULL, coalesce(i.user_date, i.date) DESC, a.issue_id DESC, "
        "a.ordinal LIMIT :limit OFFSET :offset"));
    q.bindValue(QStringLiteral(":type"), type);
    q.bindValue(QStringLiteral(":text"), text);
    q.bindValue(QStringLiteral(":limit"), limit);
    q.bindValue(QStringLiteral(":offset"), offset);
    if (!q.exec())
        return std::nullopt;
    QList<EntityArticle> out;
    while (q.next())
        out.append(EntityArticle{q.value(0).toLongLong(), q.value(1).toString(), q.value(2).toString(),
                                 QDate::fromString(q.value(3).toString(), Qt::ISODate), q.value(4).toInt()});
    return out;
}

std::optional<QList<KnownPost>> EntityStore::postsOf(const QSqlDatabase &db, const QString &person)
{
    QSqlQuery q(db);
    q.setForwardOnly(true);
    q.prepare(QStringLiteral("SELECT post, coalesce(organization, ''), count(DISTINCT article_id) FROM person_post "
                             "WHERE person = :person GROUP BY post, coalesce(organization, '') "
                             "ORDER BY count(DISTINCT article_id) DESC, post, 2"));
    q.bindValue(QStringLiteral(":person"), person);
    if (!q.exec())
        return std::nullopt;
    QList<KnownPost> out;
    while (q.next())
        out.append(KnownPost{q.value(0).toString(), q.value(1).toString(), q.value(2).toInt()});
    return out;
}

} // namespace baokan::store
