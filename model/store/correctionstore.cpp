// SPDX-License-Identifier: MIT
#include "store/correctionstore.h"

#include "annotate/highlightanchor.h"
#include "store/entitystore.h"

#include <QSqlError>
#include <QSqlQuery>
#include <QVariant>

namespace baokan::store {

namespace {

QString nullableString(const QVariant &v)
{
    return v.isNull() ? QString() : v.toString();
}

QVariant nullable(const QString &s)
{
    return s.isNull() ? QVariant(QMetaType::fromType<QString>()) : QVariant(s);
}

QVariant nullable(qint64 offset)
{
    return offset < 0 ? QVariant(QMetaType::fromType<qint64>()) : QVariant(offset);
}

} // namespace

QString CorrectionStore::columns()
{
    return QStringLiteral("id, scope, article_key, field, start, end, text, prefix, suffix, type, created");
}

bool CorrectionStore::write(const QSqlDatabase &db, const Correction &c, QString *error)
{
    QSqlQuery q(db);
    q.prepare(QStringLiteral(
        "INSERT INTO correction (id, scope, article_key, field, start, end, text, prefix, suffix, type, created) "
        "VALUES (:id, :scope, :key, :field, :start, :end, :text, :prefix, :suffix, :type, :created) "
        "ON CONFLICT (id) DO UPDATE SET scope = excluded.scope, article_key = excluded.article_key, "
        "field = excluded.field, start = excluded.start, end = excluded.end, text = excluded.text, "
        "prefix = excluded.prefix, suffix = excluded.suffix, type = excluded.type, created = excluded.created"));
    q.bindValue(QStringLiteral(":id"), c.id);
    q.bindValue(QStringLiteral(":scope"), c.scope);
    q.bindValue(QStringLiteral(":key"), nullable(c.articleKey));
    q.bindValue(QStringLiteral(":field"), nullable(c.field));
    q.bindValue(QStringLiteral(":start"), nullable(c.start));
    q.bindValue(QStringLiteral(":end"), nullable(c.end));
    q.bindValue(QStringLiteral(":text"), c.text);
    q.bindValue(QStringLiteral(":prefix"), nullable(c.prefix));
    q.bindValue(QStringLiteral(":suffix"), nullable(c.suffix));
    q.bindValue(QStringLiteral(":type"), nullable(c.type));
    q.bindValue(QStringLiteral(":created"), c.created);
    if (q.exec())
        return true;
    if (error)
        *error = q.lastError().text();
    return false;
}

Correction CorrectionStore::fromRow(const QSqlQuery &q)
{
    Correction c;
    c.id = q.value(0).toLongLong();
    c.scope = q.value(1).toString();
    c.articleKey = nullableString(q.value(2));
    c.field = nullableString(q.value(3));
    c.start = q.value(4).isNull() ? -1 : q.value(4).toLongLong();
    c.end = q.value(5).isNull() ? -1 : q.value(5).toLongLong();
    c.text = q.value(6).toString();
    c.prefix = nullableString(q.value(7));
    c.suffix = nullableString(q.value(8));
    c.type = nullableString(q.value(9));
    c.created = q.value(10).toString();
    return c;
}

namespace {

std::optional<QList<Correction>> correctionsWhere(const QSqlDatabase &db, const QString &where, const QString &key)
{
    QSqlQuery q(db);
    q.setForwardOnly(true);
    q.prepare(QStringLiteral("SELECT %1 FROM correction WHERE %2 ORDER BY id").arg(CorrectionStore::columns(), where));
    if (!key.isNull())
        q.bindValue(QStringLiteral(":key"), key);
    if (!q.exec())
        return std::nullopt;
    QList<Correction> out;
    while (q.next())
        out << CorrectionStore::fromRow(q);
    return out;
}

} // namespace

std::optional<QList<Correction>> CorrectionStore::corrections(const QSqlDatabase &db, const QString &articleKey)
{
    return correctionsWhere(db, QStringLiteral("article_key = :key AND scope IN ('mention', 'article')"),
                            articleKey.isNull() ? QStringLiteral("") : articleKey);
}

std::optional<QList<Correction>> CorrectionStore::archiveCorrections(const QSqlDatabase &db)
{
    return correctionsWhere(db, QStringLiteral("scope = 'archive'"), {});
}

std::optional<Correction> CorrectionStore::correction(const QSqlDatabase &db, qint64 id)
{
    QSqlQuery q(db);
    q.prepare(QStringLiteral("SELECT %1 FROM correction WHERE id = :id").arg(columns()));
    q.bindValue(QStringLiteral(":id"), id);
    if (!q.exec() || !q.next())
        return std::nullopt;
    return fromRow(q);
}

std::optional<QList<LexiconEntry>> CorrectionStore::lexicon(const QSqlDatabase &db)
{
    QSqlQuery q(db);
    q.setForwardOnly(true);
    if (!q.exec(QStringLiteral("SELECT text, type, created FROM user_lexicon ORDER BY text")))
        return std::nullopt;
    QList<LexiconEntry> out;
    while (q.next())
        out << LexiconEntry{q.value(0).toString(), nullableString(q.value(1)), q.value(2).toString()};
    return out;
}

std::optional<LexiconEntry> CorrectionStore::lexiconEntry(const QSqlDatabase &db, const QString &text)
{
    QSqlQuery q(db);
    q.prepare(QStringLiteral("SELECT text, type, created FROM user_lexicon WHERE text = :text"));
    q.bindValue(QStringLiteral(":text"), text);
    if (!q.exec() || !q.next())
        return std::nullopt;
    return LexiconEntry{q.value(0).toString(), nullableString(q.value(1)), q.value(2).toString()};
}

std::optional<qint64> CorrectionStore::nextCorrectionId(const QSqlDatabase &db)
{
    QSqlQuery q(db);
    if (!q.exec(QStringLiteral("SELECT coalesce(max(id), 0) + 1 FROM correction")) || !q.next())
        return std::nullopt;
    return q.value(0).toLongLong();
}

std::optional<QPair<qint64, qint64>> CorrectionStore::place(const Correction &correction, const QString &fieldText)
{
    const annotate::TextAnchor anchor{correction.text, correction.prefix, correction.suffix, correction.start,
                                      correction.end};
    const annotate::Placement at = annotate::HighlightAnchor::locate(anchor, fieldText);
    // Only the exact quote: a correction must never retype words the user did not choose.
    if (!at.found || !at.exact)
        return std::nullopt;
    return qMakePair(at.start, at.end);
}

std::optional<QList<Correction>> CorrectionStore::unplaced(const QSqlDatabase &db, const QString &articleKey)
{
    const auto all = corrections(db, articleKey);
    const auto fields = EntityStore::fields(db, articleKey);
    if (!all || !fields)
        return std::nullopt;
    QList<Correction> out;
    for (const Correction &c : *all) {
        if (c.scope != QLatin1String("mention"))
            continue;
        bool placed = false;
        for (const entities::ArticleField &f : *fields)
            if (f.field == c.field && place(c, f.text))
                placed = true;
        if (!placed)
            out << c;
    }
    return out;
}

} // namespace baokan::store
