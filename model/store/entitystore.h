// SPDX-License-Identifier: MIT
#pragma once

#include "entities/articlefields.h"
#include "entities/mention.h"

#include <QDate>
#include <QHash>
#include <QList>
#include <QSqlDatabase>
#include <QString>
#include <QStringList>
#include <QVariantList>

#include <atomic>
#include <functional>
#include <memory>
#include <optional>

namespace baokan::store {

// One stored mention of an entity, offsets in code points of its field (end exclusive).
struct StoredMention
{
    QString field;
    int start = 0;
    int end = 0;
    QString type; // PER LOC ORG DATE DOC POS
    QString text;
};

// The rows recognition writes for one article: its mentions (corrections applied) and the
// posts of the people in it.
struct EntityRows
{
    QList<StoredMention> mentions;
    QList<entities::PersonPost> posts;
};

// An entity (type and text) with how often it is mentioned and in how many articles.
struct EntityCount
{
    QString type;
    QString text;
    int mentions = 0;
    int articles = 0;
};

// An article that mentions an entity.
struct EntityArticle
{
    qint64 id = 0;
    QString key;
    QString title;   // the printed title, else the display title
    QDate issueDate; // invalid when unknown
    int mentions = 0;
};

// A post (and its organization, empty when the text names none) the archive gives a person.
struct KnownPost
{
    QString post;
    QString organization;
    int articles = 0;
};

// What a re-recognition of the archive did.
struct RecognitionSummary
{
    qint64 articles = 0; // recognized and written
    qint64 total = 0;
    bool cancelled = false;
};

// The recognized entities of the archive: writes entity_mention and person_post rows from the
// recognizer, the user lexicon and the user's corrections, and answers the reader's and the
// Entities panel's questions. Static functions on the connection passed in (the calling thread's).
class EntityStore
{
public:
    using Progress = std::function<void(qint64 done, qint64 total)>;

    // Recognizes every field of each article, applies the user lexicon and the corrections, and
    // replaces the articles' mentions and person posts. Writes inside the caller's transaction.
    static bool recognizeArticles(const QSqlDatabase &db, const QList<qint64> &articleIds, QString *error);
    // The same, with the recognizer's mentions of some articles found beforehand (by id, from
    // storedArticle() of what was written), so the import runs the recognizer on its parser threads.
    static bool recognizeArticles(const QSqlDatabase &db, const QList<qint64> &articleIds,
                                  const QHash<qint64, QList<entities::FieldMention>> &recognized, QString *error);
    // What recognizeArticles writes for an article, found being the recognizer's mentions of
    // it, when no user lexicon entry or correction applies. Pure; any thread.
    static EntityRows plainRows(const parse::Article &article, const QList<entities::FieldMention> &found);

    // Writes the mentions of many articles with statements prepared once: the import's writer.
    // Use it on the thread owning the connection, inside the caller's transaction; call begin()
    // at the start of each transaction (it reads the user lexicon and archive corrections).
    class Writer
    {
    public:
        explicit Writer(const QSqlDatabase &db);
        ~Writer();
        Writer(const Writer &) = delete;
        Writer &operator=(const Writer &) = delete;

        bool begin(QString *error);
        // Replaces the mentions of the article with those of article() (its stored text): plain
        // when no rule applies to it, else found (the recognizer's, or run here when null) with
        // the rules applied. written (optional) receives the rows written. newRow: the article row
        // was inserted in this transaction, so it has no rows to delete (person_post has no
        // index on article_id; looking would scan the table for every article).
        bool write(qint64 id, bool newRow, const QString &key, const std::function<parse::Article()> &article,
                   const EntityRows *plain, const QList<entities::FieldMention> *found, EntityRows *written,
                   QString *error);
        // The same for an article read from the archive; false with no error when it is gone.
        bool recognize(qint64 id, const QList<entities::FieldMention> *found, QString *error);

    private:
        struct Impl;
        std::unique_ptr<Impl> d;
    };

    // An article as recognizeArticles reads it back from its row: the values of the columns
    // title, kicker, subtitle, dateline, reporters, correspondents, interns, photographers,
    // source, body and captions, as bound for writing. Pure; any thread.
    static parse::Article storedArticle(const QVariantList &values);
    // Recognizes again the articles a correction or lexicon change may touch: those of the keys,
    // and those whose text contains one of the texts.
    static bool recognizeAffected(const QSqlDatabase &db, const QStringList &articleKeys, const QStringList &texts,
                                  QString *error);
    // The whole archive in batches, one transaction each, so a cancelled or failed run leaves
    // every article either as it was or fully recognized again.
    static std::optional<RecognitionSummary> recognizeAll(const QSqlDatabase &db, int batchSize,
                                                          const Progress &progress, const std::atomic_bool *cancel,
                                                          QString *error);

    // Only the articles whose mentions another recognizer version wrote (see staleArticles).
    static std::optional<RecognitionSummary> recognizeStale(const QSqlDatabase &db, int batchSize,
                                                            const Progress &progress, const std::atomic_bool *cancel,
                                                            QString *error);
    // How many articles' mentions were written by another recognizer version than this build's
    // (EntityRecognizer::version()), or before versions were recorded.
    static std::optional<qint64> staleArticles(const QSqlDatabase &db, QString *error);
    // Whether recognizing again would change what the archive holds; false when it cannot tell.
    static bool isStale(const QSqlDatabase &db);

    // The article's fields as the recognizer reads them (offsets of mentions refer to these).
    static std::optional<QList<entities::ArticleField>> fields(const QSqlDatabase &db, const QString &articleKey);

    // The article's mentions, corrections applied, by field then start.
    static std::optional<QList<StoredMention>> mentions(const QSqlDatabase &db, qint64 articleId);
    // The article's entities by type, most mentioned first.
    static std::optional<QList<EntityCount>> articleEntities(const QSqlDatabase &db, qint64 articleId);
    // The archive's entities, most mentioned first; filter (empty: all) is a part of the text,
    // type (null: all) a type name.
    static std::optional<QList<EntityCount>> index(const QSqlDatabase &db, const QString &filter, const QString &type,
                                                   int limit, int offset);
    static std::optional<int> indexSize(const QSqlDatabase &db, const QString &filter, const QString &type);
    // SQLite's plan for the unfiltered index() and indexSize(), one step a line: on a large
    // archive these must read an index alone, not look up each mention's row.
    static QStringList indexQueryPlan(const QSqlDatabase &db);
    // The articles mentioning the entity, newest issue first.
    static std::optional<QList<EntityArticle>> articlesMentioning(const QSqlDatabase &db, const QString &type,
                                                                  const QString &text, int limit, int offset);
    // The posts the archive gives a person, most often stated first.
    static std::optional<QList<KnownPost>> postsOf(const QSqlDatabase &db, const QString &person);

private:
    static std::optional<RecognitionSummary> recognizeSome(const QSqlDatabase &db, bool onlyStale, int batchSize,
                                                           const Progress &progress, const std::atomic_bool *cancel,
                                                           QString *error);
};

} // namespace baokan::store
