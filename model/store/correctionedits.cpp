// SPDX-License-Identifier: MIT
#include "store/correctionedits.h"

#include "annotate/highlightanchor.h"
#include "entities/mention.h"
#include "store/correctionstore.h"
#include "store/entitystore.h"

namespace baokan::store {

namespace {

bool fail(QString *error, const QString &message)
{
    if (error)
        *error = message;
    return false;
}

bool validScope(const QString &scope)
{
    return scope == QLatin1String("mention") || scope == QLatin1String("article") || scope == QLatin1String("archive");
}

bool validType(const QString &type)
{
    return type.isNull() || entities::entityTypeFromName(type).has_value();
}

// The correction this one replaces: the same place, or the same text in the same scope.
bool sameTarget(const Correction &a, const Correction &b)
{
    if (a.scope != b.scope)
        return false;
    if (a.scope == QLatin1String("mention"))
        return a.articleKey == b.articleKey && a.field == b.field && a.start == b.start && a.end == b.end;
    if (a.scope == QLatin1String("article"))
        return a.articleKey == b.articleKey && a.text == b.text;
    return a.text == b.text;
}

Edit correct(const QString &label, const QString &articleKey, const QString &field, qint64 start, qint64 end,
             const QString &type, const QString &scope)
{
    return Edit(label, [=](const QSqlDatabase &db, RowSet *before, RowSet *after, QString *error) {
        if (!validScope(scope))
            return fail(error, QStringLiteral("unknown scope \"%1\"").arg(scope));
        if (!validType(type))
            return fail(error, QStringLiteral("unknown entity type \"%1\"").arg(type));
        const auto fields = EntityStore::fields(db, articleKey);
        if (!fields)
            return fail(error, QStringLiteral("there is no article %1").arg(articleKey));
        QString text;
        bool found = false;
        for (const entities::ArticleField &f : *fields) {
            if (f.field == field) {
                text = f.text;
                found = true;
            }
        }
        if (!found)
            return fail(error, QStringLiteral("the article has no %1").arg(field));
        const auto anchor = annotate::HighlightAnchor::fromRange(text, start, end);
        if (!anchor || anchor->quote.trimmed().isEmpty())
            return fail(error, QStringLiteral("nothing is selected"));

        Correction c;
        c.scope = scope;
        c.text = anchor->quote;
        c.type = type;
        c.created = nowIso();
        if (scope != QLatin1String("archive"))
            c.articleKey = articleKey;
        if (scope == QLatin1String("mention")) {
            c.field = field;
            c.start = start;
            c.end = end;
            c.prefix = anchor->prefix;
            c.suffix = anchor->suffix;
        }
        const auto existing = scope == QLatin1String("archive") ? CorrectionStore::archiveCorrections(db)
                                                                : CorrectionStore::corrections(db, articleKey);
        const auto id = CorrectionStore::nextCorrectionId(db);
        if (!existing || !id)
            return fail(error, QStringLiteral("cannot read the corrections"));
        c.id = *id;
        for (const Correction &old : *existing)
            if (sameTarget(old, c))
                before->corrections << old;
        after->corrections << c;
        return true;
    });
}

} // namespace

Edit CorrectionEdits::mark(const QString &articleKey, const QString &field, qint64 start, qint64 end,
                           const QString &type, const QString &scope)
{
    return correct(QStringLiteral("Mark as %1").arg(type), articleKey, field, start, end, type, scope);
}

Edit CorrectionEdits::remove(const QString &articleKey, const QString &field, qint64 start, qint64 end,
                             const QString &scope)
{
    return correct(QStringLiteral("Remove entity"), articleKey, field, start, end, QString(), scope);
}

Edit CorrectionEdits::deleteCorrection(qint64 id)
{
    return Edit(QStringLiteral("Delete correction"),
                [=](const QSqlDatabase &db, RowSet *before, RowSet *, QString *error) {
                    const auto c = CorrectionStore::correction(db, id);
                    if (!c)
                        return fail(error, QStringLiteral("there is no such correction"));
                    before->corrections << *c;
                    return true;
                });
}

Edit CorrectionEdits::setLexiconEntry(const QString &text, const QString &type, const QString &replacing)
{
    return Edit(QStringLiteral("Set lexicon entry"),
                [=](const QSqlDatabase &db, RowSet *before, RowSet *after, QString *error) {
                    const QString word = text.trimmed();
                    if (word.isEmpty())
                        return fail(error, QStringLiteral("the entry has no text"));
                    if (!validType(type))
                        return fail(error, QStringLiteral("unknown entity type \"%1\"").arg(type));
                    if (const auto old = CorrectionStore::lexiconEntry(db, word))
                        before->lexicon << *old;
                    if (!replacing.isEmpty() && replacing != word) {
                        const auto replaced = CorrectionStore::lexiconEntry(db, replacing);
                        if (!replaced)
                            return fail(error, QStringLiteral("the lexicon has no entry \"%1\"").arg(replacing));
                        before->lexicon << *replaced;
                    }
                    after->lexicon << LexiconEntry{word, type, nowIso()};
                    return true;
                });
}

Edit CorrectionEdits::removeLexiconEntry(const QString &text)
{
    return Edit(QStringLiteral("Remove lexicon entry"),
                [=](const QSqlDatabase &db, RowSet *before, RowSet *, QString *error) {
                    const auto old = CorrectionStore::lexiconEntry(db, text);
                    if (!old)
                        return fail(error, QStringLiteral("the lexicon has no entry \"%1\"").arg(text));
                    before->lexicon << *old;
                    return true;
                });
}

} // namespace baokan::store
