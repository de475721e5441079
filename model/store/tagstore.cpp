// SPDX-License-Identifier: MIT
#include "store/tagstore.h"

#include "store/database.h"
#include "store/tagedits.h"

#include <QRegularExpression>
#include <QSet>
#include <QSqlQuery>
#include <QSqlRecord>

namespace baokan::store {

namespace {

constexpr auto kTagColumns = "t.id, t.name, t.color, t.created";

Tag readTag(const QSqlQuery &q)
{
    Tag t;
    t.id = q.value(0).toLongLong();
    t.name = q.value(1).toString();
    t.color = q.value(2).toString();
    t.created = q.value(3).toString();
    return t;
}

} // namespace

TagStore::TagStore(QSqlDatabase db)
    : m_db(std::move(db))
{}

TagStore::TagStore(const store::Database *db)
    : m_db(db->connection())
{}

QString TagStore::normalizeName(const QString &name)
{
    return name.normalized(QString::NormalizationForm_KC).simplified();
}

QString TagStore::foldName(const QString &name)
{
    return normalizeName(name).toCaseFolded();
}

QStringList TagStore::palette()
{
    // Tableau 10: distinct on screen and in print, readable behind white chip text.
    return {QStringLiteral("#4e79a7"), QStringLiteral("#f28e2b"), QStringLiteral("#e15759"), QStringLiteral("#76b7b2"),
            QStringLiteral("#59a14f"), QStringLiteral("#edc948"), QStringLiteral("#b07aa1"), QStringLiteral("#ff9da7"),
            QStringLiteral("#9c755f"), QStringLiteral("#bab0ac")};
}

bool TagStore::isColor(const QString &color)
{
    static const QRegularExpression re(QStringLiteral("^#[0-9a-fA-F]{6}$"));
    return re.match(color).hasMatch();
}

QList<Tag> TagStore::readTags(const QString &sql, const QVariantMap &bindings) const
{
    QList<Tag> out;
    QSqlQuery q(m_db);
    q.prepare(sql);
    for (auto it = bindings.begin(); it != bindings.end(); ++it)
        q.bindValue(it.key(), it.value());
    if (!q.exec())
        return out;
    while (q.next()) {
        Tag t = readTag(q);
        if (q.record().count() > 4)
            t.articleCount = q.value(4).toInt();
        out << t;
    }
    return out;
}

QList<Tag> TagStore::tags() const
{
    return readTags(QStringLiteral("SELECT %1, count(a.article_key) FROM tag t "
                                   "LEFT JOIN article_tag a ON a.tag_id = t.id GROUP BY t.id ORDER BY t.folded")
                        .arg(QLatin1String(kTagColumns)),
                    {});
}

std::optional<Tag> TagStore::tag(qint64 id) const
{
    const QList<Tag> found =
        readTags(QStringLiteral("SELECT %1 FROM tag t WHERE t.id = :id").arg(QLatin1String(kTagColumns)),
                 {{QStringLiteral(":id"), id}});
    if (found.isEmpty())
        return std::nullopt;
    return found.first();
}

std::optional<Tag> TagStore::findByName(const QString &name) const
{
    const QList<Tag> found =
        readTags(QStringLiteral("SELECT %1 FROM tag t WHERE t.folded = :folded").arg(QLatin1String(kTagColumns)),
                 {{QStringLiteral(":folded"), foldName(name)}});
    if (found.isEmpty())
        return std::nullopt;
    return found.first();
}

QList<Tag> TagStore::tagsFor(const QString &articleKey) const
{
    return readTags(QStringLiteral("SELECT %1 FROM tag t JOIN article_tag a ON a.tag_id = t.id "
                                   "WHERE a.article_key = :key ORDER BY t.folded")
                        .arg(QLatin1String(kTagColumns)),
                    {{QStringLiteral(":key"), articleKey}});
}

QList<ArticleTag> TagStore::links(qint64 tagId) const
{
    QList<ArticleTag> out;
    QSqlQuery q(m_db);
    q.prepare(QStringLiteral("SELECT article_key, tag_id, created FROM article_tag WHERE tag_id = :tag "
                             "ORDER BY article_key"));
    q.bindValue(QStringLiteral(":tag"), tagId);
    if (!q.exec())
        return out;
    while (q.next())
        out << ArticleTag{q.value(0).toString(), q.value(1).toLongLong(), q.value(2).toString()};
    return out;
}

std::optional<ArticleTag> TagStore::link(const QString &articleKey, qint64 tagId) const
{
    QSqlQuery q(m_db);
    q.prepare(QStringLiteral("SELECT created FROM article_tag WHERE article_key = :key AND tag_id = :tag"));
    q.bindValue(QStringLiteral(":key"), articleKey);
    q.bindValue(QStringLiteral(":tag"), tagId);
    if (!q.exec() || !q.next())
        return std::nullopt;
    return ArticleTag{articleKey, tagId, q.value(0).toString()};
}

int TagStore::articleCount(qint64 tagId) const
{
    QSqlQuery q(m_db);
    q.prepare(QStringLiteral("SELECT count(*) FROM article_tag WHERE tag_id = :tag"));
    q.bindValue(QStringLiteral(":tag"), tagId);
    return q.exec() && q.next() ? q.value(0).toInt() : 0;
}

QStringList TagStore::articlesInReadingOrder(const QList<qint64> &tagIds, bool all) const
{
    QStringList out;
    if (tagIds.isEmpty())
        return out;
    const QSet<qint64> distinct(tagIds.begin(), tagIds.end());
    // Only the number of placeholders is formatted into the SQL; the ids are bound.
    QStringList marks;
    for (int i = 0; i < distinct.size(); ++i)
        marks << QStringLiteral("?");
    QSqlQuery q(m_db);
    q.setForwardOnly(true);
    // The order of the issue list (dated issues newest first, undated last), then the page's.
    q.prepare(QStringLiteral("SELECT a.key FROM article a JOIN issue i ON i.id = a.issue_id "
                             "JOIN (SELECT article_key FROM article_tag WHERE tag_id IN (%1) GROUP BY article_key "
                             "HAVING count(*) >= ?) t ON t.article_key = a.key "
                             "ORDER BY coalesce(i.user_date, i.date) IS NULL, coalesce(i.user_date, i.date) DESC, "
                             "i.id DESC, a.ordinal")
                  .arg(marks.join(QLatin1String(", "))));
    for (qint64 id : distinct)
        q.addBindValue(id);
    q.addBindValue(all ? distinct.size() : 1);
    if (!q.exec())
        return out;
    while (q.next())
        out << q.value(0).toString();
    return out;
}

QHash<QString, QList<Tag>> TagStore::tagsForArticles(const QStringList &articleKeys) const
{
    QHash<QString, QList<Tag>> out;
    if (articleKeys.isEmpty())
        return out;
    QStringList marks;
    marks.reserve(articleKeys.size());
    for (qsizetype i = 0; i < articleKeys.size(); ++i)
        marks << QStringLiteral("?");
    QSqlQuery q(m_db);
    q.setForwardOnly(true);
    q.prepare(QStringLiteral("SELECT a.article_key, %1 FROM article_tag a JOIN tag t ON t.id = a.tag_id "
                             "WHERE a.article_key IN (%2) ORDER BY a.article_key, t.folded")
                  .arg(QLatin1String(kTagColumns), marks.join(QLatin1Char(','))));
    for (const QString &key : articleKeys)
        q.addBindValue(key);
    if (!q.exec())
        return out;
    while (q.next()) {
        Tag t;
        t.id = q.value(1).toLongLong();
        t.name = q.value(2).toString();
        t.color = q.value(3).toString();
        t.created = q.value(4).toString();
        out[q.value(0).toString()] << t;
    }
    return out;
}

QString TagStore::nextColor() const
{
    const QStringList colors = palette();
    QList<int> uses(colors.size(), 0);
    QSqlQuery q(m_db);
    if (q.exec(QStringLiteral("SELECT lower(color), count(*) FROM tag GROUP BY lower(color)"))) {
        while (q.next()) {
            const int i = colors.indexOf(q.value(0).toString());
            if (i >= 0)
                uses[i] = q.value(1).toInt();
        }
    }
    int best = 0;
    for (int i = 1; i < uses.size(); ++i)
        if (uses[i] < uses[best])
            best = i;
    return colors[best];
}

qint64 TagStore::nextId() const
{
    QSqlQuery q(m_db);
    return q.exec(QStringLiteral("SELECT coalesce(max(id), 0) + 1 FROM tag")) && q.next() ? q.value(0).toLongLong() : 1;
}

bool TagStore::addTag(const QStringList &articleKeys, const QString &name, QString *error)
{
    return TagEdits::add(articleKeys, name).apply(m_db, error);
}

bool TagStore::removeTag(const QStringList &articleKeys, qint64 tagId, QString *error)
{
    return TagEdits::remove(articleKeys, tagId).apply(m_db, error);
}

bool TagStore::renameTag(qint64 tagId, const QString &newName, QString *error)
{
    return TagEdits::rename(tagId, newName).apply(m_db, error);
}

bool TagStore::setColor(qint64 tagId, const QString &color, QString *error)
{
    return TagEdits::setColor(tagId, color).apply(m_db, error);
}

bool TagStore::mergeTags(qint64 fromId, qint64 intoId, QString *error)
{
    return TagEdits::merge(fromId, intoId).apply(m_db, error);
}

bool TagStore::deleteTag(qint64 tagId, int *articlesTouched, QString *error)
{
    Edit edit = TagEdits::deleteTag(tagId);
    if (!edit.apply(m_db, error))
        return false;
    if (articlesTouched)
        *articlesTouched = int(edit.before().articleTags.size());
    return true;
}

} // namespace baokan::store
