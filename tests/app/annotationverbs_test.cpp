// SPDX-License-Identifier: MIT
#include "store/notestore.h"
#include "store/tagstore.h"
#include "testarchive.h"

#include <catch2/catch.hpp>

#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>

using namespace baokan::store;

namespace {

struct Run
{
    int exitCode = -1;
    QByteArray out;
    QString err;
};

Run runBaokan(const QStringList &args)
{
    QProcess p;
    p.start(QStringLiteral(BAOKAN_EXECUTABLE), args);
    REQUIRE(p.waitForFinished(60000));
    Run r;
    r.exitCode = p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1;
    r.out = p.readAllStandardOutput();
    r.err = QString::fromUtf8(p.readAllStandardError());
    return r;
}

const QString kBody = QStringLiteral("本报讯 自治区司法厅召开会议。会上，厅长部署了普法工作，要求学习宪法。");

struct Fixture
{
    TestArchive archive;
    QString db = archive.path();
    Fixture()
    {
        const qint64 issue = archive.addIssue(QStringLiteral("第1期"), QStringLiteral("2023-11-16"));
        archive.addArticle(issue, QStringLiteral("k1"), QStringLiteral("会议"), kBody);
    }
};

} // namespace

TEST_CASE("baokan tag adds and removes a tag on an article")
{
    Fixture f;
    Run r = runBaokan({QStringLiteral("tag"), QStringLiteral("add"), QStringLiteral("--db"), f.db, QStringLiteral("k1"),
                       QStringLiteral("普法")});
    INFO(r.err.toStdString());
    REQUIRE(r.exitCode == 0);
    TagStore tags(f.archive.db());
    REQUIRE(tags.tagsFor(QStringLiteral("k1")).size() == 1);
    CHECK(tags.tagsFor(QStringLiteral("k1")).first().name == QStringLiteral("普法"));
    r = runBaokan({QStringLiteral("tag"), QStringLiteral("remove"), QStringLiteral("--db"), f.db, QStringLiteral("k1"),
                   QStringLiteral("普法")});
    REQUIRE(r.exitCode == 0);
    CHECK(tags.tagsFor(QStringLiteral("k1")).isEmpty());
}

TEST_CASE("baokan tag and note refuse an unknown article key with a message")
{
    Fixture f;
    Run r = runBaokan({QStringLiteral("tag"), QStringLiteral("add"), QStringLiteral("--db"), f.db,
                       QStringLiteral("nope"), QStringLiteral("x")});
    CHECK(r.exitCode != 0);
    CHECK(r.err.contains(QStringLiteral("nope")));
    r = runBaokan({QStringLiteral("note"), QStringLiteral("add"), QStringLiteral("--db"), f.db, QStringLiteral("nope"),
                   QStringLiteral("x")});
    CHECK(r.exitCode != 0);
    CHECK(r.err.contains(QStringLiteral("nope")));
    CHECK(f.archive.count(QStringLiteral("SELECT count(*) FROM tag")) == 0);
    CHECK(f.archive.count(QStringLiteral("SELECT count(*) FROM note")) == 0);
}

TEST_CASE("baokan note adds an article note or highlights the first occurrence of the quote")
{
    Fixture f;
    Run r = runBaokan({QStringLiteral("note"), QStringLiteral("add"), QStringLiteral("--db"), f.db,
                       QStringLiteral("k1"), QStringLiteral("值得跟进")});
    INFO(r.err.toStdString());
    REQUIRE(r.exitCode == 0);
    NoteStore notes(f.archive.db());
    REQUIRE(notes.articleNote(QStringLiteral("k1")));
    CHECK(notes.articleNote(QStringLiteral("k1"))->note == QStringLiteral("值得跟进"));

    r = runBaokan({QStringLiteral("note"), QStringLiteral("add"), QStringLiteral("--db"), f.db, QStringLiteral("k1"),
                   QStringLiteral("--quote"), QStringLiteral("会"), QStringLiteral("第一个")});
    REQUIRE(r.exitCode == 0);
    const QList<Note> highlights = notes.highlights(QStringLiteral("k1"));
    REQUIRE(highlights.size() == 1);
    CHECK(highlights[0].quote == QStringLiteral("会"));
    CHECK(highlights[0].start == kBody.indexOf(QStringLiteral("会")));
    CHECK(highlights[0].note == QStringLiteral("第一个"));

    r = runBaokan({QStringLiteral("note"), QStringLiteral("add"), QStringLiteral("--db"), f.db, QStringLiteral("k1"),
                   QStringLiteral("--quote"), QStringLiteral("不在文中"), QStringLiteral("x")});
    CHECK(r.exitCode != 0);
    CHECK(r.err.contains(QStringLiteral("不在文中")));
    CHECK(notes.highlights(QStringLiteral("k1")).size() == 1);
}

TEST_CASE("baokan note highlights a quote found only in the title on the title")
{
    Fixture f;
    const qint64 issue = f.archive.addIssue(QStringLiteral("第2期"), QStringLiteral("2023-11-17"));
    f.archive.addArticle(issue, QStringLiteral("k2"), QStringLiteral("普法宣传月启动"), kBody);
    const Run r =
        runBaokan({QStringLiteral("note"), QStringLiteral("add"), QStringLiteral("--db"), f.db, QStringLiteral("k2"),
                   QStringLiteral("--quote"), QStringLiteral("宣传月"), QStringLiteral("标题")});
    INFO(r.err.toStdString());
    REQUIRE(r.exitCode == 0);
    const QList<Note> highlights = NoteStore(f.archive.db()).highlights(QStringLiteral("k2"));
    REQUIRE(highlights.size() == 1);
    CHECK(highlights[0].field == QStringLiteral("title"));
    CHECK(highlights[0].start == 2);
    CHECK(highlights[0].quote == QStringLiteral("宣传月"));
}

TEST_CASE("baokan export-notes writes CSV to stdout and JSON that import-notes restores")
{
    Fixture f;
    REQUIRE(TagStore(f.archive.db()).addTag({QStringLiteral("k1")}, QStringLiteral("普法")));
    REQUIRE(NoteStore(f.archive.db()).setArticleNote(QStringLiteral("k1"), QStringLiteral("笔记, 一")));
    Run csv = runBaokan({QStringLiteral("export-notes"), QStringLiteral("--db"), f.db, QStringLiteral("--tag"),
                         QStringLiteral("普法")});
    INFO(csv.err.toStdString());
    REQUIRE(csv.exitCode == 0);
    CHECK(csv.out.startsWith("\xEF\xBB\xBFissue_date,issue,article_key"));
    CHECK(QString::fromUtf8(csv.out).contains(QStringLiteral(",\"笔记, 一\",")));

    const QString json = f.archive.dirPath(QStringLiteral("notes.json"));
    Run exported = runBaokan({QStringLiteral("export-notes"), QStringLiteral("--db"), f.db, QStringLiteral("--format"),
                              QStringLiteral("json"), QStringLiteral("-o"), json});
    REQUIRE(exported.exitCode == 0);
    QFile file(json);
    REQUIRE(file.open(QIODevice::ReadOnly));
    CHECK(QJsonDocument::fromJson(file.readAll()).object().value(QStringLiteral("format")).toString() ==
          QStringLiteral("baokan-notes"));

    const QString fresh = f.archive.dirPath(QStringLiteral("fresh.sqlite"));
    Run imported = runBaokan({QStringLiteral("import-notes"), QStringLiteral("--db"), fresh, json});
    INFO(imported.err.toStdString());
    REQUIRE(imported.exitCode == 0);
    CHECK(imported.out.contains("notes added: 1"));

    Run badEncoding = runBaokan({QStringLiteral("export-notes"), QStringLiteral("--db"), f.db,
                                 QStringLiteral("--encoding"), QStringLiteral("latin1")});
    CHECK(badEncoding.exitCode != 0);
    Run noArchive = runBaokan(
        {QStringLiteral("export-notes"), QStringLiteral("--db"), f.archive.dirPath(QStringLiteral("missing.sqlite"))});
    CHECK(noArchive.exitCode != 0);
    CHECK_FALSE(QFile::exists(f.archive.dirPath(QStringLiteral("missing.sqlite"))));
}
