// SPDX-License-Identifier: MIT
#include "archivetestsupport.h"
#include "entities/codepoints.h"
#include "store/correctionedits.h"
#include "store/correctionstore.h"
#include "store/database.h"
#include "store/entitystore.h"
#include "store/importer.h"
#include "store/recognitionjob.h"

#include <catch2/catch.hpp>

#include <QSignalSpy>
#include <QSqlQuery>
#include <QTemporaryDir>

#include <string>

using namespace baokan;
using store::CorrectionEdits;
using store::Database;
using store::EntityStore;
using store::Importer;

namespace {

struct Archive
{
    QTemporaryDir dir;
    Database db{dir.filePath(QStringLiteral("archive.sqlite"))};
    Archive()
    {
        QString error;
        REQUIRE(db.open(&error));
    }
    QSqlDatabase connection() const { return db.connection(); }
};

QByteArray seed000()
{
    const QByteArray bytes = test::readAll(test::samplePages().value(0));
    REQUIRE(bytes.contains("白永平"));
    return bytes;
}

store::ImportSummary importPage(const Archive &a, const QByteArray &bytes, bool reparse = false)
{
    Importer importer(&a.db);
    importer.setOptions(Importer::Options{reparse});
    const store::ImportSummary s = importer.importPages(QStringLiteral("000.txt"), QStringLiteral("test:000"),
                                                        {{QStringLiteral("000.txt"), bytes}});
    REQUIRE(s.error.isEmpty());
    return s;
}

struct Row
{
    QString key;
    QString field;
    int start = 0;
    int end = 0;
    QString type;
};

QList<Row> mentionsOf(const Archive &a, const QString &text)
{
    QSqlQuery q(a.connection());
    q.prepare(
        QStringLiteral("SELECT a.key, m.field, m.start, m.end, m.type FROM entity_mention m "
                       "JOIN article a ON a.id = m.article_id WHERE m.text = :t ORDER BY a.key, m.field, m.start"));
    q.bindValue(QStringLiteral(":t"), text);
    REQUIRE(q.exec());
    QList<Row> out;
    while (q.next())
        out.append(Row{q.value(0).toString(), q.value(1).toString(), q.value(2).toInt(), q.value(3).toInt(),
                       q.value(4).toString()});
    return out;
}

QString bodyOf(const Archive &a, const QString &key)
{
    QSqlQuery q(a.connection());
    q.prepare(QStringLiteral("SELECT body FROM article WHERE key = :k"));
    q.bindValue(QStringLiteral(":k"), key);
    REQUIRE(q.exec());
    REQUIRE(q.next());
    return q.value(0).toString();
}

// Every mention row of the archive, to compare states exactly.
QStringList allMentions(const Archive &a)
{
    QStringList out;
    QSqlQuery q(a.connection());
    REQUIRE(q.exec(QStringLiteral("SELECT a.key, m.field, m.start, m.end, m.type, m.text FROM entity_mention m "
                                  "JOIN article a ON a.id = m.article_id ORDER BY a.key, m.field, m.start, m.end")));
    while (q.next())
        out << QStringLiteral("%1|%2|%3|%4|%5|%6")
                   .arg(q.value(0).toString(), q.value(1).toString(), q.value(2).toString(), q.value(3).toString(),
                        q.value(4).toString(), q.value(5).toString());
    return out;
}

int codePointIndex(const QString &text, const QString &part, int nth = 0)
{
    const std::u32string t = text.toStdU32String();
    const std::u32string p = part.toStdU32String();
    size_t at = t.find(p);
    for (int i = 0; i < nth && at != std::u32string::npos; ++i)
        at = t.find(p, at + 1);
    return at == std::u32string::npos ? -1 : int(at);
}

bool apply(const Archive &a, store::Edit &edit)
{
    QString error;
    const bool ok = edit.apply(a.connection(), &error);
    INFO(error.toStdString());
    return ok;
}

} // namespace

TEST_CASE("import stores the recognized people of a page at code-point offsets that point at their names")
{
    Archive a;
    importPage(a, seed000());
    const QList<Row> rows = mentionsOf(a, QStringLiteral("白永平"));
    REQUIRE(rows.size() >= 3);
    for (const Row &r : rows) {
        CHECK(r.type == QLatin1String("PER"));
        if (r.field == QLatin1String("body")) {
            const QString body = bodyOf(a, r.key);
            CHECK(entities::CodePoints::mid(body, r.start, r.end) == QStringLiteral("白永平"));
        }
    }
    // The hover's who's-who: the page states his posts.
    const auto posts = EntityStore::postsOf(a.connection(), QStringLiteral("白永平"));
    REQUIRE(posts);
    QStringList names;
    for (const store::KnownPost &p : *posts)
        names << p.post;
    CHECK(names.contains(QStringLiteral("厅长")));
}

TEST_CASE("the archive index counts mentions and articles per entity, filters by text and pages")
{
    Archive a;
    importPage(a, seed000());
    const int expected = test::scalar(a.db, QStringLiteral("SELECT count(*) FROM entity_mention "
                                                           "WHERE type = 'PER' AND text = '白永平'"));
    REQUIRE(expected >= 3);
    const auto filtered = EntityStore::index(a.connection(), QStringLiteral("永平"), QStringLiteral("PER"), 50, 0);
    REQUIRE(filtered);
    REQUIRE(filtered->size() == 1);
    CHECK(filtered->first().text == QStringLiteral("白永平"));
    CHECK(filtered->first().mentions == expected);
    CHECK(filtered->first().articles == 1);

    const auto size = EntityStore::indexSize(a.connection(), {}, {});
    const auto all = EntityStore::index(a.connection(), {}, {}, 1000, 0);
    REQUIRE(size);
    REQUIRE(all);
    CHECK(*size == all->size());
    REQUIRE(all->size() > 3);
    for (int i = 1; i < all->size(); ++i)
        CHECK(all->at(i - 1).mentions >= all->at(i).mentions);
    const auto page2 = EntityStore::index(a.connection(), {}, {}, 2, 2);
    REQUIRE(page2);
    REQUIRE(page2->size() == 2);
    CHECK(page2->at(0).text == all->at(2).text);

    // Quotes and wildcards in a filter are text, not syntax.
    const auto odd = EntityStore::index(a.connection(), QStringLiteral("%'\"_"), {}, 10, 0);
    REQUIRE(odd);
    CHECK(odd->isEmpty());

    const auto articles =
        EntityStore::articlesMentioning(a.connection(), QStringLiteral("PER"), QStringLiteral("白永平"), 10, 0);
    REQUIRE(articles);
    REQUIRE(articles->size() == 1);
    CHECK(articles->first().key == mentionsOf(a, QStringLiteral("白永平")).first().key);
    CHECK(articles->first().mentions == expected);
}

TEST_CASE("the archive index is counted from an index alone, without looking up each mention's row")
{
    Archive a;
    importPage(a, seed000());
    const QStringList plan = EntityStore::indexQueryPlan(a.connection());
    INFO(plan.join(QLatin1Char('\n')).toStdString());
    REQUIRE_FALSE(plan.isEmpty());
    int reads = 0;
    for (const QString &step : plan) {
        if (!step.contains(QLatin1String("entity_mention")))
            continue;
        ++reads;
        // A row lookup per mention read the whole table: seconds on a large archive.
        CHECK(step.contains(QLatin1String("COVERING INDEX")));
    }
    CHECK(reads == 2);
}

TEST_CASE("mention and archive corrections survive re-import of the same and of a changed page, and re-recognition")
{
    Archive a;
    const QByteArray original = seed000();
    importPage(a, original);
    const QList<Row> before = mentionsOf(a, QStringLiteral("白永平"));
    REQUIRE(before.size() >= 2);
    const Row second = before.at(1);
    REQUIRE(second.field == QLatin1String("body"));
    REQUIRE(mentionsOf(a, QStringLiteral("王向东")).size() >= 1);

    // This one place becomes a location; 王向东 is no entity anywhere.
    store::Edit local = CorrectionEdits::mark(second.key, second.field, second.start, second.end, QStringLiteral("LOC"),
                                              QStringLiteral("mention"));
    REQUIRE(apply(a, local));
    const Row firstOne = before.at(0);
    const auto fields = EntityStore::fields(a.connection(), firstOne.key);
    REQUIRE(fields);
    QString body;
    for (const auto &f : *fields)
        if (f.field == QLatin1String("body"))
            body = f.text;
    const int wang = codePointIndex(body, QStringLiteral("王向东"));
    REQUIRE(wang >= 0);
    store::Edit everywhere =
        CorrectionEdits::remove(firstOne.key, QStringLiteral("body"), wang, wang + 3, QStringLiteral("archive"));
    REQUIRE(apply(a, everywhere));

    auto check = [&](int shift) {
        const QList<Row> now = mentionsOf(a, QStringLiteral("白永平"));
        REQUIRE(now.size() == before.size());
        for (int i = 0; i < now.size(); ++i) {
            CHECK(now.at(i).type == QLatin1String(i == 1 ? "LOC" : "PER"));
        }
        CHECK(now.at(1).start == second.start + shift);
        CHECK(mentionsOf(a, QStringLiteral("王向东")).isEmpty());
    };
    check(0);

    importPage(a, original, true);
    check(0);

    // Two characters more before the corrected place: the correction follows its quote.
    QByteArray changed = original;
    const QByteArray from = QStringLiteral("本次培训").toUtf8();
    REQUIRE(changed.contains(from));
    changed.replace(from, QStringLiteral("本次专题培训").toUtf8());
    const store::ImportSummary s = importPage(a, changed);
    REQUIRE(s.articlesUpdated >= 1);
    check(2);

    QString error;
    const auto all = EntityStore::recognizeAll(a.connection(), 2, {}, nullptr, &error);
    REQUIRE(all);
    CHECK(!all->cancelled);
    check(2);
    CHECK(test::scalar(a.db, QStringLiteral("SELECT count(*) FROM correction")) == 2);
}

TEST_CASE("a mention correction whose quote is gone is not applied but kept")
{
    Archive a;
    const QByteArray original = seed000();
    importPage(a, original);
    const Row r = mentionsOf(a, QStringLiteral("王向东")).value(0);
    REQUIRE(!r.key.isEmpty());
    store::Edit edit =
        CorrectionEdits::mark(r.key, r.field, r.start, r.end, QStringLiteral("ORG"), QStringLiteral("mention"));
    REQUIRE(apply(a, edit));
    REQUIRE(mentionsOf(a, QStringLiteral("王向东")).value(0).type == QLatin1String("ORG"));

    QByteArray changed = original;
    changed.replace(QStringLiteral("王向东").toUtf8(), QStringLiteral("李向前").toUtf8());
    importPage(a, changed);
    CHECK(mentionsOf(a, QStringLiteral("王向东")).isEmpty());
    for (const Row &m : mentionsOf(a, QStringLiteral("李向前")))
        CHECK(m.type != QLatin1String("ORG"));
    CHECK(test::scalar(a.db, QStringLiteral("SELECT count(*) FROM correction")) == 1);
    const auto unplaced = store::CorrectionStore::unplaced(a.connection(), r.key);
    REQUIRE(unplaced);
    REQUIRE(unplaced->size() == 1);
    CHECK(unplaced->first().text == QStringLiteral("王向东"));
}

TEST_CASE("user lexicon entries: never an entity removes a name, always a type marks every occurrence")
{
    Archive a;
    importPage(a, seed000());
    REQUIRE(!mentionsOf(a, QStringLiteral("白永平")).isEmpty());
    const QString phrase = QStringLiteral("法治培训中心");
    REQUIRE(mentionsOf(a, phrase).isEmpty());

    store::Edit never = CorrectionEdits::setLexiconEntry(QStringLiteral("白永平"), QString());
    REQUIRE(apply(a, never));
    CHECK(mentionsOf(a, QStringLiteral("白永平")).isEmpty());

    store::Edit always = CorrectionEdits::setLexiconEntry(phrase, QStringLiteral("ORG"));
    REQUIRE(apply(a, always));
    const QList<Row> marked = mentionsOf(a, phrase);
    REQUIRE(!marked.isEmpty());
    for (const Row &m : marked)
        CHECK(m.type == QLatin1String("ORG"));

    // Both hold after a full re-recognition, and undoing the entry brings the name back.
    QString error;
    REQUIRE(EntityStore::recognizeAll(a.connection(), 100, {}, nullptr, &error));
    CHECK(mentionsOf(a, QStringLiteral("白永平")).isEmpty());
    CHECK(mentionsOf(a, phrase).size() == marked.size());
    REQUIRE(never.revert(a.connection(), &error));
    CHECK(!mentionsOf(a, QStringLiteral("白永平")).isEmpty());
}

TEST_CASE("undo and redo of a correction restore the corrections and the mentions exactly")
{
    Archive a;
    importPage(a, seed000());
    const QStringList original = allMentions(a);
    const Row r = mentionsOf(a, QStringLiteral("白永平")).value(0);
    REQUIRE(!r.key.isEmpty());
    store::Edit edit =
        CorrectionEdits::mark(r.key, r.field, r.start, r.end, QStringLiteral("ORG"), QStringLiteral("article"));
    REQUIRE(apply(a, edit));
    const QStringList corrected = allMentions(a);
    CHECK(corrected != original);

    QString error;
    REQUIRE(edit.revert(a.connection(), &error));
    CHECK(allMentions(a) == original);
    CHECK(test::scalar(a.db, QStringLiteral("SELECT count(*) FROM correction")) == 0);

    REQUIRE(edit.apply(a.connection(), &error));
    CHECK(allMentions(a) == corrected);
    QSqlQuery q(a.connection());
    REQUIRE(q.exec(QStringLiteral("SELECT id, scope, article_key, text, type, created FROM correction")));
    REQUIRE(q.next());
    CHECK(q.value(0).toLongLong() == edit.after().corrections.first().id);
    CHECK(q.value(5).toString() == edit.after().corrections.first().created);
    CHECK(q.value(4).toString() == QLatin1String("ORG"));
    CHECK(!q.next());
}

TEST_CASE("a correction with an unknown type or an empty selection is refused and writes nothing")
{
    Archive a;
    importPage(a, seed000());
    const Row r = mentionsOf(a, QStringLiteral("白永平")).value(0);
    store::Edit badType =
        CorrectionEdits::mark(r.key, r.field, r.start, r.end, QStringLiteral("XYZ"), QStringLiteral("mention"));
    QString error;
    CHECK(!badType.apply(a.connection(), &error));
    CHECK(!error.isEmpty());
    store::Edit empty =
        CorrectionEdits::mark(r.key, r.field, r.start, r.start, QStringLiteral("PER"), QStringLiteral("mention"));
    CHECK(!empty.apply(a.connection(), &error));
    CHECK(test::scalar(a.db, QStringLiteral("SELECT count(*) FROM correction")) == 0);
}

TEST_CASE("mention offsets count a character outside the BMP as one code point")
{
    Archive a;
    QByteArray bytes = seed000();
    // U+20000 twice, in the same paragraph before the name.
    const QByteArray from = QStringLiteral("书记、厅长白永平").toUtf8();
    REQUIRE(bytes.contains(from));
    bytes.replace(from, QString(QStringLiteral("书记、") + QString::fromUcs4(U"\U00020000\U00020001") +
                                QStringLiteral("厅长白永平"))
                            .toUtf8());
    importPage(a, bytes);
    const QList<Row> rows = mentionsOf(a, QStringLiteral("白永平"));
    REQUIRE(!rows.isEmpty());
    const Row r = rows.first();
    REQUIRE(r.field == QLatin1String("body"));
    const QString body = bodyOf(a, r.key);
    const int expected = codePointIndex(body, QStringLiteral("白永平"));
    REQUIRE(expected >= 0);
    CHECK(r.start == expected);
    CHECK(r.end == expected + 3);
    // In UTF-16 the name starts two units later than its code-point offset.
    CHECK(body.indexOf(QStringLiteral("白永平")) == expected + 2);
}

TEST_CASE("a cancelled recognition job leaves every article either as it was or fully recognized")
{
    Archive a;
    Importer importer(&a.db);
    REQUIRE(importer.importPaths(test::samplePages()).error.isEmpty());
    const QStringList complete = allMentions(a);
    REQUIRE(!complete.isEmpty());
    QSqlQuery q(a.connection());
    REQUIRE(q.exec(QStringLiteral("DELETE FROM entity_mention")));
    REQUIRE(q.exec(QStringLiteral("DELETE FROM person_post")));

    store::RecognitionJob job({&a.db, 1});
    QSignalSpy finished(&job, &store::RecognitionJob::finished);
    QSignalSpy failed(&job, &store::RecognitionJob::failed);
    QObject::connect(&job, &store::RecognitionJob::progressChanged, &job, [&](int done, int) {
        if (done >= 1)
            job.cancel();
    });
    job.start();
    REQUIRE(finished.wait(60000));
    CHECK(failed.isEmpty());
    const auto summary = finished.first().first().value<store::RecognitionSummary>();
    CHECK(summary.articles >= 1);

    // Each article has none of its mentions, or exactly those a full run gives it.
    const QStringList partial = allMentions(a);
    QSet<QString> keysDone;
    for (const QString &row : partial)
        keysDone.insert(row.section(QLatin1Char('|'), 0, 0));
    QStringList expected;
    for (const QString &row : complete)
        if (keysDone.contains(row.section(QLatin1Char('|'), 0, 0)))
            expected << row;
    CHECK(partial == expected);
    CHECK(test::scalar(a.db, QStringLiteral("PRAGMA integrity_check")) != -1);

    store::RecognitionJob again({&a.db, 50});
    QSignalSpy done(&again, &store::RecognitionJob::finished);
    again.start();
    REQUIRE(done.wait(120000));
    CHECK(allMentions(a) == complete);
}

TEST_CASE("deleting a correction gives the recognizer's mentions back, and the article's entity counts follow")
{
    Archive a;
    importPage(a, seed000());
    const QStringList original = allMentions(a);
    const Row r = mentionsOf(a, QStringLiteral("白永平")).value(0);
    REQUIRE(!r.key.isEmpty());
    const qint64 articleId =
        test::scalar(a.db, QStringLiteral("SELECT article_id FROM entity_mention WHERE text = '白永平' LIMIT 1"));
    auto countOf = [&](const QString &type) {
        const auto counts = EntityStore::articleEntities(a.connection(), articleId);
        REQUIRE(counts);
        for (const store::EntityCount &c : *counts)
            if (c.type == type && c.text == QStringLiteral("白永平"))
                return c.mentions;
        return 0;
    };
    const int people = countOf(QStringLiteral("PER"));
    REQUIRE(people >= 2);

    store::Edit removal = CorrectionEdits::remove(r.key, r.field, r.start, r.end, QStringLiteral("mention"));
    REQUIRE(apply(a, removal));
    CHECK(countOf(QStringLiteral("PER")) == people - 1);

    store::Edit takeBack = CorrectionEdits::deleteCorrection(removal.after().corrections.first().id);
    REQUIRE(apply(a, takeBack));
    CHECK(allMentions(a) == original);
    CHECK(test::scalar(a.db, QStringLiteral("SELECT count(*) FROM correction")) == 0);
}

TEST_CASE("mentions written at import carry the recognizer's version, so a freshly imported archive is not stale")
{
    Archive a;
    importPage(a, seed000());
    const int articles = test::scalar(a.db, QStringLiteral("SELECT count(*) FROM article"));
    REQUIRE(articles > 0);
    CHECK(test::scalar(a.db, QStringLiteral("SELECT count(*) FROM article_recognition")) == articles);
    CHECK(EntityStore::staleArticles(a.connection(), nullptr) == qint64(0));
    CHECK_FALSE(EntityStore::isStale(a.connection()));
}

TEST_CASE("articles recognized by another version, or before versions were kept, are stale until recognized again")
{
    Archive a;
    importPage(a, seed000());
    QSqlQuery q(a.connection());
    REQUIRE(q.exec(QStringLiteral("UPDATE article_recognition SET version = 'older' WHERE article_id = "
                                  "(SELECT min(article_id) FROM article_recognition)")));
    REQUIRE(q.exec(QStringLiteral("DELETE FROM article_recognition WHERE article_id = "
                                  "(SELECT max(article_id) FROM article_recognition)")));
    CHECK(EntityStore::staleArticles(a.connection(), nullptr) == qint64(2));
    CHECK(EntityStore::isStale(a.connection()));

    store::RecognitionJob::Params params{&a.db, 50};
    params.onlyStale = true;
    store::RecognitionJob job(params);
    QSignalSpy finished(&job, &store::RecognitionJob::finished);
    job.start();
    REQUIRE(finished.wait(60000));
    CHECK(finished.first().first().value<store::RecognitionSummary>().articles == 2);
    CHECK_FALSE(EntityStore::isStale(a.connection()));
}
