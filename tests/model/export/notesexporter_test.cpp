// SPDX-License-Identifier: MIT
#include "annotate/highlightanchor.h"
#include "export/notesexporter.h"
#include "export/notesimporter.h"
#include "store/issuestore.h"
#include "store/notestore.h"
#include "store/tagstore.h"
#include "testarchive.h"

#include <catch2/catch.hpp>

#include <QBuffer>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QProcess>
#include <QSqlRecord>

using baokan::annotate::HighlightAnchor;
using namespace baokan::exporting;
using namespace baokan::store;

namespace {

const QString kBody1 =
    QStringLiteral("本报讯（记者 刘琪）11月14日，包头市中级人民法院召开新闻发布会。会上，副院长白永平"
                   "介绍了有关情况。");
const QString kBody2 = QStringLiteral("呼和浩特讯 自治区司法厅部署全区普法工作，要求学习宣传宪法。");

qint64 cp(const QString &text, const QString &needle)
{
    const qsizetype at = text.indexOf(needle);
    REQUIRE(at >= 0);
    return HighlightAnchor::toCodePoint(text, at);
}

// Two issues, three articles, tags, an article note full of CSV hazards and two highlights.
void fill(TestArchive &archive, bool withHighlights = true)
{
    const qint64 older = archive.addIssue(QStringLiteral("北方法治报第1期"), QStringLiteral("2023-11-16"));
    const qint64 newer = archive.addIssue(QStringLiteral("北方法治报第2期"), QStringLiteral("2023-11-23"));
    const qint64 a1 = archive.addArticle(older, QStringLiteral("k1"), QStringLiteral("发布会, \"扫黑\""), kBody1, 0);
    archive.addArticle(older, QStringLiteral("k2"), QStringLiteral("普法"), kBody2, 1);
    archive.addArticle(newer, QStringLiteral("k3"), QStringLiteral("第二期"), QStringLiteral("无笔记"), 0);
    archive.addMention(a1, cp(kBody1, QStringLiteral("包头市中级人民法院")), cp(kBody1, QStringLiteral("召开")),
                       QStringLiteral("ORG"), QStringLiteral("包头市中级人民法院"));
    archive.addMention(a1, cp(kBody1, QStringLiteral("副院长")), cp(kBody1, QStringLiteral("白永平")),
                       QStringLiteral("POS"), QStringLiteral("副院长"));
    archive.addMention(a1, cp(kBody1, QStringLiteral("白永平")), cp(kBody1, QStringLiteral("介绍")),
                       QStringLiteral("PER"), QStringLiteral("白永平"));
    TagStore tags(archive.db());
    REQUIRE(tags.addTag({QStringLiteral("k1"), QStringLiteral("k2")}, QStringLiteral("普法")));
    REQUIRE(tags.addTag({QStringLiteral("k1")}, QStringLiteral("Courts")));
    NoteStore notes(archive.db());
    REQUIRE(notes.setArticleNote(QStringLiteral("k1"), QStringLiteral("第一行, 有逗号\n第二行 \"引号\"\r\n第三行")));
    REQUIRE(notes.setArticleNote(QStringLiteral("k2"), QStringLiteral("=HYPERLINK(\"http://x\")")));
    if (!withHighlights)
        return;
    const qint64 s = cp(kBody1, QStringLiteral("副院长白永平"));
    REQUIRE(notes.addHighlight(QStringLiteral("k1"), s, s + 6, QStringLiteral("#ffee00"), QStringLiteral("-人名")));
    const qint64 s2 = cp(kBody1, QStringLiteral("包头市中级人民法院召开"));
    REQUIRE(notes.addHighlight(QStringLiteral("k1"), s2, s2 + 11, QStringLiteral("#e15759"), QString()));
}

// Reads CSV back with Python's csv module in strict mode, which rejects malformed quoting.
QList<QStringList> parseCsv(const QString &path, const QString &encoding)
{
    QProcess python;
    python.start(QStringLiteral("/usr/bin/python3"),
                 {QStringLiteral("-c"),
                  QStringLiteral("import csv, json, sys\n"
                                 "with open(sys.argv[1], newline='', encoding=sys.argv[2]) as f:\n"
                                 "    rows = list(csv.reader(f, strict=True))\n"
                                 "sys.stdout.write(json.dumps(rows))\n"),
                  path, encoding});
    REQUIRE(python.waitForFinished(30000));
    const QByteArray err = python.readAllStandardError();
    INFO(err.toStdString());
    REQUIRE(python.exitCode() == 0);
    QList<QStringList> rows;
    for (const QJsonValue &row : QJsonDocument::fromJson(python.readAllStandardOutput()).array()) {
        QStringList cells;
        for (const QJsonValue &cell : row.toArray())
            cells << cell.toString();
        rows << cells;
    }
    return rows;
}

QByteArray exportCsv(TestArchive &archive, const QString &path, const NotesExportOptions &options)
{
    NotesExporter exporter(archive.db());
    QString error;
    const bool ok = exporter.writeFile(path, options, &error);
    INFO(error.toStdString());
    REQUIRE(ok);
    QFile f(path);
    REQUIRE(f.open(QIODevice::ReadOnly));
    return f.readAll();
}

QStringList rowFor(const QList<QStringList> &rows, const QString &kind, const QString &quote = {})
{
    for (const QStringList &r : rows)
        if (r.size() > 5 && r[4] == kind && r[5] == quote)
            return r;
    FAIL("no such row");
    return {};
}

QStringList userData(const QSqlDatabase &db)
{
    QStringList out;
    for (const QString &sql :
         {QStringLiteral("SELECT * FROM tag ORDER BY id"),
          QStringLiteral("SELECT * FROM article_tag ORDER BY article_key, tag_id"),
          QStringLiteral("SELECT * FROM note ORDER BY id"), QStringLiteral("SELECT * FROM correction ORDER BY id"),
          QStringLiteral("SELECT * FROM user_lexicon ORDER BY text")}) {
        QSqlQuery q(db);
        REQUIRE(q.exec(sql));
        while (q.next()) {
            QStringList row;
            for (int i = 0; i < q.record().count(); ++i)
                row << (q.value(i).isNull() ? QStringLiteral("NULL") : q.value(i).toString());
            out << row.join(QLatin1Char('|'));
        }
        out << QStringLiteral("--");
    }
    return out;
}

} // namespace

TEST_CASE("the CSV export reads back with a strict CSV parser, one row per note, columns in order")
{
    TestArchive archive;
    fill(archive);
    const QString path = archive.dirPath(QStringLiteral("notes.csv"));
    const QByteArray bytes = exportCsv(archive, path, {});
    CHECK(bytes.startsWith("\xEF\xBB\xBF"));
    CHECK(bytes.count("\xEF\xBB\xBF") == 1);
    // Every record ends in CRLF; the only bare LF is the one kept inside the note.
    CHECK(bytes.endsWith("\r\n"));
    CHECK(bytes.count("\r\n") == 5 + 1); // header + 4 records, plus the CRLF inside the note
    CHECK(bytes.count('\n') - bytes.count("\r\n") == 1);

    const QList<QStringList> rows = parseCsv(path, QStringLiteral("utf-8-sig"));
    REQUIRE(rows.size() == 5);
    CHECK(rows[0] == NotesExporter::csvColumns());
    CHECK(rows[0].join(QLatin1Char(',')) == QStringLiteral("issue_date,issue,article_key,article_title,kind,quote,note,"
                                                           "color,tags,entities,created,modified"));
    const QStringList note = rowFor(rows, QStringLiteral("article-note"));
    CHECK(note[0] == QStringLiteral("2023-11-16"));
    CHECK(note[1] == QStringLiteral("北方法治报第1期"));
    CHECK(note[2] == QStringLiteral("k1"));
    CHECK(note[3] == QStringLiteral("发布会, \"扫黑\""));
    CHECK(note[6] == QStringLiteral("第一行, 有逗号\n第二行 \"引号\"\r\n第三行"));
    CHECK(note[8] == QStringLiteral("Courts; 普法"));
    CHECK(QDateTime::fromString(note[10], Qt::ISODateWithMs).isValid());
    CHECK(QDateTime::fromString(note[11], Qt::ISODateWithMs).isValid());

    const QStringList person = rowFor(rows, QStringLiteral("highlight"), QStringLiteral("副院长白永平"));
    CHECK(person[6] == QStringLiteral("'-人名"));
    CHECK(person[7] == QStringLiteral("#ffee00"));
    CHECK(person[9] == QStringLiteral("副院长/POS; 白永平/PER"));
    const QStringList court = rowFor(rows, QStringLiteral("highlight"), QStringLiteral("包头市中级人民法院召开"));
    CHECK(court[9] == QStringLiteral("包头市中级人民法院/ORG"));

    bool guarded = false;
    for (const QStringList &r : rows)
        guarded = guarded || (r[2] == QStringLiteral("k2") && r[6] == QStringLiteral("'=HYPERLINK(\"http://x\")"));
    CHECK(guarded);
    // Reading order: issue 1 article k1 (note, then highlights by position), then k2.
    CHECK(rows[1][2] == QStringLiteral("k1"));
    CHECK(rows[1][4] == QStringLiteral("article-note"));
    CHECK(rows[2][5] == QStringLiteral("包头市中级人民法院召开"));
    CHECK(rows[4][2] == QStringLiteral("k2"));
}

TEST_CASE("the CSV export without BOM starts directly with the header")
{
    TestArchive archive;
    fill(archive);
    NotesExportOptions options;
    options.byteOrderMark = false;
    const QString path = archive.dirPath(QStringLiteral("nobom.csv"));
    const QByteArray bytes = exportCsv(archive, path, options);
    CHECK(bytes.startsWith("issue_date,"));
    const QList<QStringList> rows = parseCsv(path, QStringLiteral("utf-8"));
    CHECK(rows[0][0] == QStringLiteral("issue_date"));
}

TEST_CASE("the CSV export in GB18030 keeps the Chinese")
{
    TestArchive archive;
    fill(archive);
    NotesExportOptions options;
    options.encoding = CsvWriter::Encoding::Gb18030;
    const QString path = archive.dirPath(QStringLiteral("gb.csv"));
    const QByteArray bytes = exportCsv(archive, path, options);
    CHECK_FALSE(bytes.startsWith("\xEF\xBB\xBF"));
    CHECK(bytes.contains("\xB0\xFC\xCD\xB7")); // 包头
    const QList<QStringList> rows = parseCsv(path, QStringLiteral("gb18030"));
    REQUIRE(rows.size() == 5);
    CHECK(rowFor(rows, QStringLiteral("highlight"), QStringLiteral("副院长白永平"))[9] ==
          QStringLiteral("副院长/POS; 白永平/PER"));
}

TEST_CASE("the export can be limited by tag, issue and a list of articles")
{
    TestArchive archive;
    fill(archive);
    NotesExporter exporter(archive.db());
    auto count = [&](const NotesExportOptions &options) {
        QBuffer out;
        out.open(QIODevice::WriteOnly);
        int rows = -1;
        QString error;
        const bool ok = exporter.write(&out, options, &error, &rows);
        INFO(error.toStdString());
        REQUIRE(ok);
        return rows;
    };
    NotesExportOptions byTag;
    byTag.tags = {QStringLiteral("courts")};
    CHECK(count(byTag) == 3);
    NotesExportOptions byIssue;
    byIssue.issue = QStringLiteral("北方法治报第2期");
    CHECK(count(byIssue) == 0);
    byIssue.issue = QStringLiteral("2023-11-16");
    CHECK(count(byIssue) == 4);
    NotesExportOptions selected;
    selected.articleKeys = QStringList{QStringLiteral("k2"), QStringLiteral("k3")};
    CHECK(count(selected) == 1);

    NotesExportOptions unknown;
    unknown.tags = {QStringLiteral("没有这个标签")};
    QBuffer out;
    out.open(QIODevice::WriteOnly);
    QString error;
    CHECK_FALSE(exporter.write(&out, unknown, &error));
    CHECK(error.contains(QStringLiteral("没有这个标签")));
}

TEST_CASE("the CSV issue column and the issue filter use the name the window shows, the user's rename first")
{
    TestArchive archive;
    // Imported file names, as the importer stores them: with extension and a content hash.
    const qint64 plain = archive.addIssue(QStringLiteral("000_8cb0eb0426f5551b.txt"), QStringLiteral("2023-11-16"));
    const qint64 renamed = archive.addIssue(QStringLiteral("001_77aa00bb11cc22dd.txt"), QStringLiteral("2023-11-23"));
    archive.addArticle(plain, QStringLiteral("k1"), QStringLiteral("发布会"), kBody1, 0);
    archive.addArticle(renamed, QStringLiteral("k2"), QStringLiteral("普法"), kBody2, 0);
    QString error;
    REQUIRE(IssueStore(&archive.database()).setUserName(renamed, QStringLiteral("北方法治报 第2期"), &error));
    NoteStore notes(archive.db());
    REQUIRE(notes.setArticleNote(QStringLiteral("k1"), QStringLiteral("一")));
    REQUIRE(notes.setArticleNote(QStringLiteral("k2"), QStringLiteral("二")));

    const QString path = archive.dirPath(QStringLiteral("names.csv"));
    const QByteArray bytes = exportCsv(archive, path, {});
    CHECK(bytes.startsWith("\xEF\xBB\xBF"));
    const QList<QStringList> rows = parseCsv(path, QStringLiteral("utf-8-sig"));
    REQUIRE(rows.size() == 3);
    const QString shownPlain = IssueRecord::readableName(QStringLiteral("000_8cb0eb0426f5551b.txt"));
    REQUIRE(shownPlain == QStringLiteral("000"));
    CHECK(rows[1][2] == QStringLiteral("k1"));
    CHECK(rows[1][1] == shownPlain);
    CHECK(rows[2][2] == QStringLiteral("k2"));
    CHECK(rows[2][1] == QStringLiteral("北方法治报 第2期"));

    NotesExporter exporter(archive.db());
    auto count = [&](const QString &issue) {
        QBuffer out;
        out.open(QIODevice::WriteOnly);
        NotesExportOptions options;
        options.issue = issue;
        int n = -1;
        QString why;
        return exporter.write(&out, options, &why, &n) ? n : -1;
    };
    CHECK(count(QStringLiteral("000")) == 1);
    CHECK(count(QStringLiteral("000_8cb0eb0426f5551b.txt")) == 1); // what `baokan articles` prints
    CHECK(count(QStringLiteral("北方法治报 第2期")) == 1);
    CHECK(count(QStringLiteral("001")) == -1); // renamed: the old readable name is no longer shown
}

TEST_CASE("a cancelled or failed export leaves no file and an existing one untouched")
{
    TestArchive archive;
    fill(archive);
    const QString path = archive.dirPath(QStringLiteral("keep.csv"));
    {
        QFile f(path);
        REQUIRE(f.open(QIODevice::WriteOnly));
        f.write("old");
    }
    NotesExporter exporter(archive.db());
    qint64 seenTotal = 0;
    exporter.setProgress([&seenTotal](qint64 done, qint64 total) {
        seenTotal = total;
        return done < 2;
    });
    QString error;
    CHECK_FALSE(exporter.writeFile(path, {}, &error));
    CHECK(error.contains(QStringLiteral("cancel")));
    CHECK(seenTotal == 4);
    QFile f(path);
    REQUIRE(f.open(QIODevice::ReadOnly));
    CHECK(f.readAll() == "old");

    exporter.setProgress({});
    CHECK_FALSE(exporter.writeFile(archive.dirPath(QStringLiteral("no/such/dir/x.csv")), {}, &error));
    CHECK(error.contains(QStringLiteral("no/such/dir")));
}

TEST_CASE("a JSON export imported into a fresh archive with the same articles restores every field")
{
    TestArchive source;
    fill(source);
    {
        QSqlQuery q(source.db());
        REQUIRE(q.exec(QStringLiteral("INSERT INTO correction (scope, article_key, field, start, end, text, prefix, "
                                      "suffix, type, created) VALUES ('mention', 'k1', 'body', 3, 5, '刘琪', '记者 ', "
                                      "'）', 'PER', '2024-01-01T00:00:00.000Z')")));
        REQUIRE(q.exec(QStringLiteral("INSERT INTO correction (scope, text, type, created) VALUES ('archive', "
                                      "'普法', NULL, '2024-01-02T00:00:00.000Z')")));
        REQUIRE(q.exec(QStringLiteral("INSERT INTO user_lexicon (text, type, created) VALUES ('白永平', 'PER', "
                                      "'2024-01-03T00:00:00.000Z'), ('司法', NULL, '2024-01-04T00:00:00.000Z')")));
    }
    TagStore(source.db())
        .setColor(TagStore(source.db()).findByName(QStringLiteral("普法"))->id, QStringLiteral("#123456"));
    QBuffer json;
    json.open(QIODevice::WriteOnly);
    NotesExportOptions options;
    options.format = NotesExportOptions::Format::Json;
    QString error;
    REQUIRE(NotesExporter(source.db()).write(&json, options, &error));

    TestArchive target(QStringLiteral("target.sqlite"));
    fill(target, false);
    {
        // The target has the articles but none of the user's work.
        QSqlQuery q(target.db());
        REQUIRE(q.exec(QStringLiteral("DELETE FROM article_tag")));
        REQUIRE(q.exec(QStringLiteral("DELETE FROM tag")));
        REQUIRE(q.exec(QStringLiteral("DELETE FROM note")));
    }
    NotesImportResult result;
    const bool imported = NotesImporter(target.db()).importJson(json.data(), &result, &error);
    INFO(error.toStdString());
    REQUIRE(imported);
    CHECK(result.notesAdded == 4);
    CHECK(result.tagsAdded == 2);
    CHECK(result.correctionsAdded == 2);
    CHECK(result.lexiconAdded == 2);
    CHECK(result.inReview == 0);
    CHECK(userData(target.db()) == userData(source.db()));

    // Importing the same file again adds nothing.
    NotesImportResult again;
    REQUIRE(NotesImporter(target.db()).importJson(json.data(), &again, &error));
    CHECK(again.notesAdded == 0);
    CHECK(again.notesSkipped == 4);
    CHECK(userData(target.db()) == userData(source.db()));
}

TEST_CASE("notes for articles the archive lacks are kept and wait in Needs review")
{
    TestArchive source;
    fill(source);
    QBuffer json;
    json.open(QIODevice::WriteOnly);
    NotesExportOptions options;
    options.format = NotesExportOptions::Format::Json;
    QString error;
    REQUIRE(NotesExporter(source.db()).write(&json, options, &error));

    TestArchive empty(QStringLiteral("empty.sqlite"));
    NotesImportResult result;
    REQUIRE(NotesImporter(empty.db()).importJson(json.data(), &result, &error));
    CHECK(result.notesAdded == 4);
    CHECK(result.inReview == 4);
    NoteStore notes(empty.db());
    CHECK(notes.needingReview().size() == 4);
    CHECK(TagStore(empty.db()).tags().size() == 2);

    // When the article arrives (an import), its notes come back.
    const qint64 issue = empty.addIssue(QStringLiteral("i"), QStringLiteral("2023-11-16"));
    empty.addArticle(issue, QStringLiteral("k1"), QStringLiteral("t"), kBody1);
    REQUIRE(NoteStore::reanchorArticle(empty.db(), QStringLiteral("k1"), kBody1));
    CHECK(notes.needingReview().size() == 1); // only k2's note is still waiting
}

TEST_CASE("a file that is not a notes export is refused without changes")
{
    TestArchive archive;
    fill(archive);
    const QStringList before = userData(archive.db());
    QString error;
    CHECK_FALSE(NotesImporter(archive.db()).importJson("{\"format\": \"other\"}", nullptr, &error));
    CHECK(error.contains(QStringLiteral("baokan")));
    CHECK_FALSE(NotesImporter(archive.db()).importJson("\x89PNG\r\n", nullptr, &error));
    CHECK(userData(archive.db()) == before);
}
