// SPDX-License-Identifier: MIT
#include "archivetestsupport.h"
#include "parse/issueloader.h"
#include "store/articlematcher.h"
#include "store/articlestore.h"
#include "store/database.h"
#include "store/importer.h"
#include "store/issuestore.h"
#include "store/samplearchive.h"
#include "store/searchindex.h"

#include <catch2/catch.hpp>

#include <QDir>
#include <QSet>
#include <QSqlError>
#include <QSqlQuery>
#include <QStringEncoder>
#include <QTemporaryDir>
#include <QThread>

#include <sqlite3.h>
#include <unicode/ucnv.h>

#include <atomic>

#include <sys/stat.h>

using namespace baokan;
using store::Database;
using store::Importer;
using store::ImportSummary;

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
    QString path(const QString &name) const { return dir.filePath(name); }
};

QByteArray toGb18030(const QByteArray &utf8)
{
    UErrorCode status = U_ZERO_ERROR;
    QByteArray out(utf8.size() * 2 + 16, Qt::Uninitialized);
    const int32_t n = ucnv_convert("GB18030", "UTF-8", out.data(), int32_t(out.size()), utf8.constData(),
                                   int32_t(utf8.size()), &status);
    REQUIRE(U_SUCCESS(status));
    out.resize(n);
    return out;
}

bool hasSkipped(const ImportSummary &s, const QString &fileName, const QString &reasonPart)
{
    for (const store::SkippedFile &f : s.skipped) {
        if (f.path.endsWith(fileName) && f.reason.contains(reasonPart, Qt::CaseInsensitive))
            return true;
    }
    return false;
}

// The article with the longest body: the one a small edit is easiest to place in.
std::optional<store::ArticleRecord> longestArticle(const Database &db)
{
    QSqlQuery q(db.connection());
    q.exec(QStringLiteral("SELECT id FROM article ORDER BY length(body) DESC LIMIT 1"));
    if (!q.next())
        return std::nullopt;
    return store::ArticleStore(&db).article(q.value(0).toLongLong());
}

} // namespace

TEST_CASE("importing the same files twice adds and changes nothing and keeps every key")
{
    Archive a;
    Importer importer(&a.db);
    const ImportSummary first = importer.importPaths(test::samplePages());
    REQUIRE(first.error.isEmpty());
    CHECK(first.skipped.isEmpty());
    CHECK(first.issuesAdded == 5);
    REQUIRE(first.articlesAdded > 0);
    const QStringList keysBefore = test::keys(a.db);
    const QStringList dumpBefore = test::dump(a.db);

    const ImportSummary second = importer.importPaths(test::samplePages());
    CHECK(second.issuesAdded == 0);
    CHECK(second.issuesUpdated == 0);
    CHECK(second.issuesUnchanged == 5);
    CHECK(second.articlesAdded == 0);
    CHECK(second.articlesUpdated == 0);
    CHECK(second.articlesRemoved == 0);
    CHECK(second.articlesUnchanged == first.articlesAdded);
    CHECK(test::keys(a.db) == keysBefore);
    CHECK(test::dump(a.db) == dumpBefore);
}

TEST_CASE("parsing unchanged pages again matches every article to its stored self")
{
    Archive a;
    Importer importer(&a.db);
    const ImportSummary first = importer.importPaths(test::samplePages());
    REQUIRE(first.error.isEmpty());
    const QStringList keysBefore = test::keys(a.db);
    Importer::Options options;
    options.reparseUnchanged = true;
    importer.setOptions(options);
    const ImportSummary again = importer.importPaths(test::samplePages());
    CHECK(again.articlesAdded == 0);
    CHECK(again.articlesUpdated == 0);
    CHECK(again.articlesRemoved == 0);
    CHECK(again.articlesUnchanged == first.articlesAdded);
    CHECK(test::keys(a.db) == keysBefore);
}

TEST_CASE("re-importing a changed page keeps a note attached to its article")
{
    Archive a;
    const QString page = a.path(QStringLiteral("issue.txt"));
    QByteArray raw = test::readAll(test::samplePages().at(0));
    REQUIRE(test::writeFile(page, raw));
    Importer importer(&a.db);
    REQUIRE(importer.importPaths({page}).error.isEmpty());
    const auto article = longestArticle(a.db);
    REQUIRE(article);
    REQUIRE(test::addNote(a.db, article->key, QStringLiteral("check this")));
    const int articlesBefore = test::scalar(a.db, QStringLiteral("SELECT count(*) FROM article"));

    // Change one character inside the article: find a run of its body printed once on the page.
    const QString body = article->body();
    const QString text = QString::fromUtf8(raw);
    QString run;
    for (int i = int(body.size() / 2); i + 4 < body.size(); ++i) {
        const QString candidate = body.mid(i, 4);
        if (candidate.front().script() == QChar::Script_Han && candidate.back().script() == QChar::Script_Han &&
            text.count(candidate) == 1) {
            run = candidate;
            break;
        }
    }
    REQUIRE_FALSE(run.isEmpty());
    QString changed = run;
    changed[1] = changed.at(1) == QChar(0x67d0) ? QChar(0x7532) : QChar(0x67d0); // 某 or 甲
    raw = QString(text).replace(run, changed).toUtf8();
    REQUIRE(test::writeFile(page, raw));

    const ImportSummary second = importer.importPaths({page});
    REQUIRE(second.error.isEmpty());
    CHECK(second.issuesUpdated == 1);
    CHECK(second.articlesUpdated == 1);
    CHECK(second.articlesAdded == 0);
    CHECK(test::scalar(a.db, QStringLiteral("SELECT count(*) FROM article")) == articlesBefore);

    const auto after = store::ArticleStore(&a.db).articleByKey(article->key);
    REQUIRE(after);
    CHECK(after->body() != body);
    CHECK(after->body().contains(changed));
    CHECK(after->id == article->id);
    QSqlQuery q(a.db.connection());
    REQUIRE(q.exec(QStringLiteral("SELECT count(*) FROM note JOIN article ON article.key = note.article_key")));
    REQUIRE(q.next());
    CHECK(q.value(0).toInt() == 1);
}

TEST_CASE("a file that cannot be a page is reported and the rest of the folder goes in")
{
    Archive a;
    const QStringList samples = test::samplePages();
    const QString root = a.path(QStringLiteral("papers"));
    // One issue folder with a page and a picture; a folder with only an empty file; another page.
    REQUIRE(test::writeFile(root + QStringLiteral("/2023-11-15/p1.txt"), test::readAll(samples.at(0))));
    REQUIRE(test::writeFile(root + QStringLiteral("/2023-11-15/photo.jpg"),
                            QByteArray("\xff\xd8\xff\xe0\0\x10JFIF\0\x01\x02\0\0\x01", 16) + QByteArray(2000, '\0')));
    REQUIRE(test::writeFile(root + QStringLiteral("/2023-11-16/blank.txt"), QByteArray()));
    REQUIRE(test::writeFile(root + QStringLiteral("/2023-11-17/p1.txt"), test::readAll(samples.at(1))));

    Importer importer(&a.db);
    const ImportSummary s = importer.importPaths({root});
    CHECK(s.error.isEmpty());
    CHECK(s.issuesAdded == 2);
    CHECK(s.skipped.size() == 2);
    CHECK(hasSkipped(s, QStringLiteral("photo.jpg"), QStringLiteral("binary")));
    CHECK(hasSkipped(s, QStringLiteral("photo.jpg"), QStringLiteral("extract the text")));
    CHECK(hasSkipped(s, QStringLiteral("blank.txt"), QStringLiteral("empty")));
    const auto issue =
        store::IssueStore(&a.db).issueBySource(QFileInfo(root + QStringLiteral("/2023-11-15")).canonicalFilePath());
    REQUIRE(issue);
    CHECK(store::IssueStore(&a.db).pages(issue->id).size() == 1);
}

TEST_CASE("a page of only white space and a named pipe are reported, not written as issues")
{
    Archive a;
    const QString blank = a.path(QStringLiteral("blank/p1.txt"));
    REQUIRE(test::writeFile(blank, QByteArray(" \r\n\t\n\xe3\x80\x80\n"))); // U+3000 is white space too
    const QString pipe = a.path(QStringLiteral("pipe.txt"));
    // Reading a pipe nobody writes to would block the import for ever.
    REQUIRE(::mkfifo(QFile::encodeName(pipe).constData(), 0600) == 0);

    Importer importer(&a.db);
    const ImportSummary s = importer.importPaths({blank, pipe, test::samplePages().at(2)});
    CHECK(s.issuesAdded == 1);
    CHECK(hasSkipped(s, QStringLiteral("p1.txt"), QStringLiteral("white space")));
    CHECK(hasSkipped(s, QStringLiteral("pipe.txt"), QStringLiteral("not a regular file")));
    CHECK(test::scalar(a.db, QStringLiteral("SELECT count(*) FROM issue")) == 1);
}

TEST_CASE("a GB18030 page is imported as the same text as its UTF-8 original")
{
    Archive a;
    const QString original = test::samplePages().at(1);
    const QString page = a.path(QStringLiteral("gb/p1.txt"));
    REQUIRE(test::writeFile(page, toGb18030(test::readAll(original))));
    Importer importer(&a.db);
    const ImportSummary s = importer.importPaths({page});
    CHECK(s.skipped.isEmpty());
    REQUIRE(s.issuesAdded == 1);
    const auto issue = store::IssueStore(&a.db).issueBySource(QFileInfo(page).canonicalFilePath());
    REQUIRE(issue);
    const parse::Issue expected =
        parse::IssueLoader::fromTexts(QStringLiteral("x"), {QString::fromUtf8(test::readAll(original))});
    CHECK(issue->articleCount == expected.articles.size());
    const QStringList keys = store::ArticleStore(&a.db).keysInIssue(issue->id);
    REQUIRE_FALSE(keys.isEmpty());
    CHECK(store::ArticleStore(&a.db).articleByKey(keys.first())->body() == expected.articles.first().body());
}

TEST_CASE("a UTF-16 page saved without a byte order mark is imported, a binary file beside it is not")
{
    Archive a;
    const QString original = test::samplePages().at(1);
    const QString folder = a.path(QStringLiteral("utf16"));
    const QString text = QString::fromUtf8(test::readAll(original));
    QStringEncoder encoder(QStringConverter::Utf16LE);
    REQUIRE(test::writeFile(folder + QStringLiteral("/p1.txt"), encoder.encode(text)));
    QByteArray binary("\x7f"
                      "ELF\x02\x01\x01",
                      7);
    for (int i = 0; i < 3000; ++i)
        binary.append(char(i % 5 == 0 ? 0 : i * 31 % 256));
    REQUIRE(test::writeFile(folder + QStringLiteral("/p2.txt"), binary));

    Importer importer(&a.db);
    const ImportSummary s = importer.importPaths({folder});
    CHECK(s.error.isEmpty());
    REQUIRE(s.issuesAdded == 1);
    CHECK(s.skipped.size() == 1);
    CHECK(hasSkipped(s, QStringLiteral("p2.txt"), QStringLiteral("not a text file")));
    const auto issue = store::IssueStore(&a.db).issueBySource(QFileInfo(folder).canonicalFilePath());
    REQUIRE(issue);
    const parse::Issue expected = parse::IssueLoader::fromTexts(QStringLiteral("x"), {text});
    CHECK(issue->articleCount == expected.articles.size());
    const QStringList keys = store::ArticleStore(&a.db).keysInIssue(issue->id);
    REQUIRE_FALSE(keys.isEmpty());
    CHECK(store::ArticleStore(&a.db).articleByKey(keys.first())->body() == expected.articles.first().body());

    // Nothing changed: the second run finds the issue as it is, the binary file skipped again.
    const ImportSummary again = importer.importPaths({folder});
    CHECK(again.issuesAdded == 0);
    CHECK(again.issuesUpdated == 0);
}

TEST_CASE("links in a folder are reported by their name in the folder: a page, a loop, a dead link, an unreadable file")
{
    Archive a;
    const QString folder = a.path(QStringLiteral("links"));
    const QString target = a.path(QStringLiteral("elsewhere/real-name.txt"));
    REQUIRE(test::writeFile(target, test::readAll(test::samplePages().at(2))));
    REQUIRE(QDir().mkpath(folder));
    REQUIRE(QFile::link(target, folder + QStringLiteral("/p1.txt")));
    REQUIRE(QFile::link(QStringLiteral(".."), folder + QStringLiteral("/loop")));
    REQUIRE(QFile::link(a.path(QStringLiteral("gone.txt")), folder + QStringLiteral("/p2.txt")));
    // Root reads any file whatever its mode; a process's own memory file fails to read at offset 0.
    const bool unreadable = QFileInfo::exists(QStringLiteral("/proc/self/mem"));
    if (unreadable)
        REQUIRE(QFile::link(QStringLiteral("/proc/self/mem"), folder + QStringLiteral("/p3.txt")));

    Importer importer(&a.db);
    const ImportSummary s = importer.importPaths({folder});
    CHECK(s.error.isEmpty());
    CHECK(s.issuesAdded == 1);
    CHECK(hasSkipped(s, QStringLiteral("links/p2.txt"), QStringLiteral("does not exist")));
    if (unreadable)
        CHECK(hasSkipped(s, QStringLiteral("links/p3.txt"), QStringLiteral("cannot read")));
    CHECK(s.skipped.size() == (unreadable ? 2 : 1));
    const auto issue = store::IssueStore(&a.db).issueBySource(QFileInfo(folder).canonicalFilePath());
    REQUIRE(issue);
    const auto pages = store::IssueStore(&a.db).pages(issue->id);
    REQUIRE(pages.size() == 1);
    CHECK(pages.first().file == QStringLiteral("p1.txt"));
}

TEST_CASE("an issue with more articles of one date than the search index holds is skipped with advice, the rest go in")
{
    Archive a;
    Importer importer(&a.db);
    REQUIRE(importer.importPaths({test::samplePages().at(0)}).error.isEmpty());
    const QStringList before = test::dump(a.db);

    // A year of short items glued into one file: one issue, one date, thousands of articles.
    QString text = QStringLiteral("2023年11月16日 星期四\n\n");
    for (int i = 0; i < 4200; ++i)
        text += QStringLiteral("第%1次普法宣传活动举行\n\n本报讯（记者 刘琪）11月15日，自治区司法厅在呼和浩特举办第%1次"
                               "普法宣传活动，干部群众参加。\n\n")
                    .arg(i);
    const QString huge = a.path(QStringLiteral("year.txt"));
    REQUIRE(test::writeFile(huge, text.toUtf8()));
    const ImportSummary s = importer.importPaths({huge, test::samplePages().at(1)});
    CHECK(s.error.isEmpty());
    CHECK(s.issuesAdded == 1);
    CHECK(hasSkipped(s, QStringLiteral("year.txt"), QStringLiteral("split it into one file")));
    CHECK_FALSE(store::IssueStore(&a.db).issueBySource(QFileInfo(huge).canonicalFilePath()));
    // Only the second page was added: what was there before is untouched.
    const QStringList after = test::dump(a.db);
    for (const QString &row : before)
        CHECK(after.contains(row));
}

TEST_CASE("a file too large for a page is left unread with its size and what to do")
{
    Archive a;
    const QString huge = a.path(QStringLiteral("all-years.txt"));
    QFile f(huge);
    REQUIRE(f.open(QIODevice::WriteOnly));
    REQUIRE(f.resize(300ll * 1024 * 1024)); // sparse: no disk space, never read
    f.close();
    Importer importer(&a.db);
    const ImportSummary s = importer.importPaths({huge, test::samplePages().at(2)});
    CHECK(s.issuesAdded == 1);
    CHECK(hasSkipped(s, QStringLiteral("all-years.txt"), QStringLiteral("300 MB")));
    CHECK(hasSkipped(s, QStringLiteral("all-years.txt"), QStringLiteral("split it")));
}

TEST_CASE("a path that does not exist is reported and the other paths go in")
{
    Archive a;
    Importer importer(&a.db);
    const ImportSummary s = importer.importPaths({a.path(QStringLiteral("missing.txt")), test::samplePages().at(2)});
    CHECK(s.issuesAdded == 1);
    CHECK(hasSkipped(s, QStringLiteral("missing.txt"), QStringLiteral("no such")));
}

TEST_CASE("cancel between issues keeps the issues written and nothing of the next")
{
    Archive a;
    std::atomic_bool cancel{false};
    Importer importer(&a.db);
    importer.setCancelFlag(&cancel);
    importer.setProgress([&](int done, int, const ImportSummary &) {
        if (done == 2)
            cancel = true;
    });
    const ImportSummary s = importer.importPaths(test::samplePages());
    CHECK(s.cancelled);
    CHECK(s.issuesAdded == 2);
    CHECK(test::scalar(a.db, QStringLiteral("SELECT count(*) FROM issue")) == 2);
    CHECK(test::scalar(a.db, QStringLiteral("SELECT sum(article_count) FROM issue")) ==
          test::scalar(a.db, QStringLiteral("SELECT count(*) FROM article")));
}

TEST_CASE("a cancelled re-import of changed pages leaves the archive exactly as it was")
{
    Archive a;
    const QStringList samples = test::samplePages();
    const QString page = a.path(QStringLiteral("issue.txt"));
    REQUIRE(test::writeFile(page, test::readAll(samples.at(3))));
    Importer importer(&a.db);
    REQUIRE(importer.importPaths({page}).error.isEmpty());
    REQUIRE(test::addNote(a.db, test::keys(a.db).value(0), QStringLiteral("mine")));
    const QStringList before = test::dump(a.db);

    REQUIRE(test::writeFile(page, test::readAll(samples.at(4))));
    std::atomic_bool cancel{true};
    importer.setCancelFlag(&cancel);
    const ImportSummary s = importer.importPaths({page});
    CHECK(s.cancelled);
    CHECK(test::dump(a.db) == before);
}

TEST_CASE("a cancel while an issue is written keeps the issues before it in its transaction and nothing of it")
{
    Archive a;
    Archive twoFirst;
    const QStringList samples = test::samplePages();
    std::atomic_bool cancel{false};
    // The flag goes up while the third issue's articles are written, after the cancel check
    // between issues: the import finds it at the next article.
    sqlite3 *handle = Database::handle(a.db.connection());
    REQUIRE(handle);
    REQUIRE(sqlite3_create_function(
                handle, "test_cancel", 0, SQLITE_UTF8, &cancel,
                [](sqlite3_context *context, int, sqlite3_value **) {
                    static_cast<std::atomic_bool *>(sqlite3_user_data(context))->store(true);
                    sqlite3_result_null(context);
                },
                nullptr, nullptr) == SQLITE_OK);
    QSqlQuery q(a.db.connection());
    REQUIRE(q.exec(QStringLiteral("CREATE TEMP TRIGGER cancel_in_third AFTER INSERT ON main.article "
                                  "WHEN new.issue_id = 3 BEGIN SELECT test_cancel(); END")));
    Importer importer(&a.db);
    importer.setCancelFlag(&cancel);
    // One transaction for all issues, so the first two are rolled back with the third.
    Importer::Options options;
    options.batchArticles = 1000000;
    options.batchMilliseconds = 1000000;
    importer.setOptions(options);
    const ImportSummary s = importer.importPaths(samples);
    CHECK(s.cancelled);
    CHECK(s.error.isEmpty());
    CHECK(s.issuesAdded == 2);
    CHECK(test::scalar(a.db, QStringLiteral("SELECT count(*) FROM issue")) == 2);
    CHECK(s.articlesAdded == test::scalar(a.db, QStringLiteral("SELECT count(*) FROM article")));

    REQUIRE(Importer(&twoFirst.db).importPaths(samples.mid(0, 2)).issuesAdded == 2);
    CHECK(test::dump(a.db) == test::dump(twoFirst.db));
    // The search index and the mentions hold the articles written, and nothing of the third issue.
    CHECK(test::scalar(a.db, QStringLiteral("SELECT count(*) FROM article_search")) ==
          test::scalar(twoFirst.db, QStringLiteral("SELECT count(*) FROM article_search")));
    CHECK(test::scalar(a.db, QStringLiteral("SELECT count(*) FROM entity_mention")) ==
          test::scalar(twoFirst.db, QStringLiteral("SELECT count(*) FROM entity_mention")));
}

TEST_CASE("an issue the archive refuses stops the import and the issues before it in its transaction go in")
{
    Archive a;
    Archive twoFirst;
    const QStringList samples = test::samplePages();
    QSqlQuery q(a.db.connection());
    REQUIRE(q.exec(QStringLiteral("CREATE TEMP TRIGGER refuse_third BEFORE INSERT ON main.issue "
                                  "WHEN (SELECT count(*) FROM main.issue) = 2 "
                                  "BEGIN SELECT RAISE(ABORT, 'the third issue is refused'); END")));
    Importer importer(&a.db);
    Importer::Options options;
    options.batchArticles = 1000000;
    options.batchMilliseconds = 1000000;
    importer.setOptions(options);
    const ImportSummary s = importer.importPaths(samples);
    CHECK(s.error.contains(QStringLiteral("the third issue is refused")));
    CHECK(s.issuesAdded == 2);
    CHECK(s.articlesAdded == test::scalar(a.db, QStringLiteral("SELECT count(*) FROM article")));
    REQUIRE(Importer(&twoFirst.db).importPaths(samples.mid(0, 2)).issuesAdded == 2);
    CHECK(test::dump(a.db) == test::dump(twoFirst.db));
    CHECK(test::scalar(a.db, QStringLiteral("SELECT count(*) FROM article_search")) ==
          test::scalar(twoFirst.db, QStringLiteral("SELECT count(*) FROM article_search")));
}

TEST_CASE("issues imported in one transaction and one transaction each make the same archive")
{
    Archive batched;
    Archive single;
    const QStringList samples = test::samplePages();
    Importer importer(&batched.db);
    Importer::Options options;
    options.batchArticles = 1000000;
    options.batchMilliseconds = 1000000;
    importer.setOptions(options);
    const ImportSummary b = importer.importPaths(samples);
    Importer alone(&single.db);
    options.batchArticles = 1;
    alone.setOptions(options);
    const ImportSummary s = alone.importPaths(samples);
    REQUIRE(b.ok());
    REQUIRE(s.ok());
    CHECK(b.text() == s.text());
    CHECK(test::dump(batched.db) == test::dump(single.db));
    const QString searched = QStringLiteral("SELECT group_concat(article_id || ':' || sort_key, ' ') FROM "
                                            "(SELECT article_id, sort_key FROM article_search ORDER BY article_id)");
    QSqlQuery qb(batched.db.connection());
    QSqlQuery qs(single.db.connection());
    REQUIRE(qb.exec(searched));
    REQUIRE(qs.exec(searched));
    REQUIRE(qb.next());
    REQUIRE(qs.next());
    CHECK(!qb.value(0).toString().isEmpty());
    CHECK(qb.value(0).toString() == qs.value(0).toString());
    // The full-text rows, written in rowid order at the commit, find the same articles.
    for (const QString &query :
         {QStringLiteral("包头"), QStringLiteral("法"), QStringLiteral("\"社会治理\""), QStringLiteral("baotou")}) {
        QString error;
        const auto fromBatch = store::SearchIndex::search(batched.db.connection(), query, {}, &error);
        const auto fromSingle = store::SearchIndex::search(single.db.connection(), query, {}, &error);
        REQUIRE(fromBatch);
        REQUIRE(fromSingle);
        QStringList batchKeys;
        QStringList singleKeys;
        for (const store::SearchHit &h : fromBatch->hits)
            batchKeys << h.key;
        for (const store::SearchHit &h : fromSingle->hits)
            singleKeys << h.key;
        CHECK(!batchKeys.isEmpty());
        CHECK(batchKeys == singleKeys);
    }
}

TEST_CASE("an issue imported twice in one transaction is indexed once, with its latest text")
{
    // The second import of the folder re-indexes its articles within the transaction that
    // indexed them first: their rows must be in the full-text index before they are taken out.
    Archive a;
    const QString folder = a.path(QStringLiteral("issue"));
    REQUIRE(QDir().mkpath(folder));
    REQUIRE(test::writeFile(folder + QStringLiteral("/p1.txt"), test::readAll(test::samplePages().at(1))));
    Importer importer(&a.db);
    Importer::Options options;
    options.reparseUnchanged = true;
    options.batchArticles = 1000000;
    options.batchMilliseconds = 1000000;
    importer.setOptions(options);
    // A batch that fails is written again one issue at a time and the import goes on: only the
    // warning tells that the batch failed.
    static QStringList warnings;
    warnings.clear();
    const QtMessageHandler previous =
        qInstallMessageHandler([](QtMsgType type, const QMessageLogContext &, const QString &message) {
            if (type == QtWarningMsg)
                warnings << message;
        });
    const ImportSummary s = importer.importPaths({folder, folder});
    qInstallMessageHandler(previous);
    CHECK(warnings.isEmpty());
    REQUIRE(s.error.isEmpty());
    CHECK(s.issuesAdded == 1);
    const int articles = test::scalar(a.db, QStringLiteral("SELECT count(*) FROM article"));
    CHECK(articles > 0);
    CHECK(test::scalar(a.db, QStringLiteral("SELECT count(*) FROM article_search")) == articles);
    QString error;
    const auto hits = store::SearchIndex::search(a.db.connection(), QStringLiteral("包头"), {}, &error);
    REQUIRE(hits);
    QSet<QString> keys;
    for (const store::SearchHit &h : hits->hits)
        keys.insert(h.key);
    CHECK(!keys.isEmpty());
    CHECK(keys.size() == hits->hits.size());
    // A contentless index that was told to delete rows it never held fails its own check.
    QSqlQuery q(a.db.connection());
    CHECK(q.exec(QStringLiteral("INSERT INTO article_uni (article_uni, rank) VALUES ('integrity-check', 0)")));
}

TEST_CASE("issues imported in one transaction add one segment to each search table")
{
    // FTS5 writes what it indexed as a new segment at each commit and at each savepoint, a
    // statement's own included: a statement that opens one for every article (INSERT OR REPLACE
    // or RETURNING on a table with a foreign key) makes the import rewrite the index many times.
    Archive a;
    Importer importer(&a.db);
    Importer::Options options;
    options.batchArticles = 1000000;
    options.batchMilliseconds = 1000000;
    importer.setOptions(options);
    REQUIRE(importer.importPaths(test::samplePages()).ok());
    CHECK(test::scalar(a.db, QStringLiteral("SELECT count(DISTINCT segid) FROM article_fts_idx")) == 1);
    CHECK(test::scalar(a.db, QStringLiteral("SELECT count(DISTINCT segid) FROM article_uni_idx")) == 1);
}

TEST_CASE("indexing again the articles of issues out of date order adds one segment to each search table")
{
    Archive a;
    REQUIRE(Importer(&a.db).importPaths(test::samplePages()).ok());
    QSqlQuery q(a.db.connection());
    for (const char *sql :
         {"INSERT INTO article_fts (article_fts) VALUES ('delete-all')",
          "INSERT INTO article_uni (article_uni) VALUES ('delete-all')", "DELETE FROM article_search"})
        REQUIRE(q.exec(QString::fromLatin1(sql)));
    // The sample issues are not in date order, and some have no date.
    REQUIRE(test::scalar(a.db, QStringLiteral("SELECT count(*) FROM issue i JOIN issue j ON j.id = i.id + 1 "
                                              "WHERE coalesce(j.date, '') < coalesce(i.date, '')")) > 0);
    QString error;
    REQUIRE(store::SearchIndex::indexMissing(a.db.connection(), {}, nullptr, &error) ==
            test::scalar(a.db, QStringLiteral("SELECT count(*) FROM article")));
    CHECK(test::scalar(a.db, QStringLiteral("SELECT count(DISTINCT segid) FROM article_fts_idx")) == 1);
    CHECK(test::scalar(a.db, QStringLiteral("SELECT count(DISTINCT segid) FROM article_uni_idx")) == 1);
    const auto hits = store::SearchIndex::search(a.db.connection(), QStringLiteral("包头"), {}, &error);
    REQUIRE(hits);
    CHECK(!hits->hits.isEmpty());
}

TEST_CASE("a full disk stops the import with a clear message and rolls the issue back")
{
    Archive a;
    Importer importer(&a.db);
    REQUIRE(importer.importPaths({test::samplePages().at(0)}).error.isEmpty());
    const QStringList before = test::dump(a.db);
    // Let the file grow by two pages only: the next issue cannot fit.
    QSqlQuery q(a.db.connection());
    REQUIRE(q.exec(QStringLiteral("PRAGMA page_count")));
    REQUIRE(q.next());
    const int pages = q.value(0).toInt();
    q.finish();
    REQUIRE(q.exec(QStringLiteral("PRAGMA max_page_count = %1").arg(pages + 2)));
    q.finish();

    const ImportSummary s = importer.importPaths(test::samplePages().mid(1));
    CHECK(s.error.contains(QStringLiteral("full")));
    // The summary a user reads says what to do and that what was there is kept.
    CHECK(s.text().contains(QStringLiteral("free some space")));
    CHECK_FALSE(s.text().contains(QStringLiteral("Unable to fetch row")));
    CHECK(s.issuesAdded == 0);
    CHECK(test::dump(a.db) == before);
}

TEST_CASE("two connections import and write notes at once without a locked error")
{
    Archive a;
    // Two Database objects on one file behave like two processes: separate connections.
    const QStringList samples = test::samplePages();
    ImportSummary first;
    ImportSummary second;
    auto importInto = [&](const QStringList &pages, ImportSummary *out) {
        Database db(a.db.path());
        {
            Importer importer(&db);
            *out = importer.importPaths(pages);
        }
        db.closeThreadConnection();
    };
    std::atomic_int notesWritten{0};
    QString noteError;
    QThread *one = QThread::create(importInto, samples.mid(0, 3), &first);
    QThread *two = QThread::create(importInto, samples.mid(3), &second);
    QThread *three = QThread::create([&] {
        Database db(a.db.path());
        for (int i = 0; i < 50; ++i) {
            if (test::addNote(db, QStringLiteral("k-%1").arg(i), QStringLiteral("note")))
                ++notesWritten;
            else
                noteError = db.connection().lastError().text();
        }
        db.closeThreadConnection();
    });
    for (QThread *t : {one, two, three})
        t->start();
    for (QThread *t : {one, two, three}) {
        t->wait();
        delete t;
    }
    CHECK(first.error.isEmpty());
    CHECK(second.error.isEmpty());
    CHECK(noteError.isEmpty());
    CHECK(first.issuesAdded == 3);
    CHECK(second.issuesAdded == 2);
    CHECK(notesWritten == 50);
    CHECK(test::scalar(a.db, QStringLiteral("SELECT count(*) FROM issue")) == 5);
    CHECK(test::scalar(a.db, QStringLiteral("SELECT count(*) FROM note")) == 50);
}

TEST_CASE("the sample archive fills an empty archive once and leaves a filled one alone")
{
    Archive a;
    QString error;
    REQUIRE(store::SampleArchive::fillIfEmpty(&a.db, &error));
    CHECK(test::scalar(a.db, QStringLiteral("SELECT count(*) FROM issue")) == 5);
    const QStringList before = test::dump(a.db);
    REQUIRE(store::SampleArchive::fillIfEmpty(&a.db, &error));
    CHECK(test::dump(a.db) == before);
}

TEST_CASE("the user's name and date of an issue survive re-import")
{
    Archive a;
    const QString page = a.path(QStringLiteral("issue.txt"));
    REQUIRE(test::writeFile(page, test::readAll(test::samplePages().at(2))));
    Importer importer(&a.db);
    REQUIRE(importer.importPaths({page}).issuesAdded == 1);
    store::IssueStore issues(&a.db);
    const qint64 id = issues.issues(0, 1).value(0).id;
    REQUIRE(issues.setUserName(id, QStringLiteral("第一期")));
    REQUIRE(issues.setUserDate(id, QDate(2001, 2, 3)));

    REQUIRE(test::writeFile(page, test::readAll(test::samplePages().at(3))));
    const ImportSummary s = importer.importPaths({page});
    CHECK(s.issuesUpdated == 1);
    const auto issue = issues.issue(id);
    REQUIRE(issue);
    CHECK(issue->displayName() == QStringLiteral("第一期"));
    CHECK(issue->displayDate() == QDate(2001, 2, 3));
    CHECK(issue->name == QStringLiteral("issue.txt"));
}

TEST_CASE("two connections importing the same pages at once make each issue once")
{
    Archive a;
    const QStringList samples = test::samplePages();
    ImportSummary results[2];
    auto importInto = [&](int which) {
        Database db(a.db.path());
        {
            Importer importer(&db);
            results[which] = importer.importPaths(samples);
        }
        db.closeThreadConnection();
    };
    QThread *one = QThread::create(importInto, 0);
    QThread *two = QThread::create(importInto, 1);
    one->start();
    two->start();
    one->wait();
    two->wait();
    delete one;
    delete two;
    CHECK(results[0].error.isEmpty());
    CHECK(results[1].error.isEmpty());
    CHECK(results[0].issuesAdded + results[1].issuesAdded == 5);
    CHECK(results[0].issues() == 5);
    CHECK(results[1].issues() == 5);
    CHECK(results[0].articlesUpdated + results[1].articlesUpdated == 0);
    CHECK(test::scalar(a.db, QStringLiteral("SELECT count(*) FROM issue")) == 5);
    CHECK(test::scalar(a.db, QStringLiteral("SELECT count(*) FROM article")) ==
          results[0].articlesAdded + results[1].articlesAdded);
}

TEST_CASE("a page repeating its articles gives each copy the first free key, in page order")
{
    Archive a;
    const QByteArray page = test::readAll(test::samplePages().at(4));
    QByteArray repeated;
    for (int i = 0; i < 6; ++i)
        repeated += page + "\n\n";
    const QString file = a.path(QStringLiteral("repeated.txt"));
    REQUIRE(test::writeFile(file, repeated));
    Importer importer(&a.db);
    const ImportSummary summary = importer.importPaths({file});
    REQUIRE(summary.error.isEmpty());
    REQUIRE(summary.articlesAdded >= 6);

    QSqlQuery q(a.db.connection());
    REQUIRE(q.exec(QStringLiteral("SELECT key, title, body, captions FROM article ORDER BY ordinal")));
    // Each article takes the first attempt no earlier article took.
    QSet<QString> taken;
    int rows = 0;
    while (q.next()) {
        const QString text = q.value(2).toString() + QLatin1Char('\n') + q.value(3).toString();
        QString expected;
        for (int attempt = 0; expected.isEmpty(); ++attempt) {
            const QString candidate =
                store::ArticleMatcher::mintKey(QStringLiteral("repeated.txt"), q.value(1).toString(), text, attempt);
            if (!taken.contains(candidate))
                expected = candidate;
        }
        taken.insert(expected);
        CHECK(q.value(0).toString() == expected);
        ++rows;
    }
    CHECK(rows == summary.articlesAdded);
}
