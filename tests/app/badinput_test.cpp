// SPDX-License-Identifier: MIT
#include "store/notestore.h"
#include "testarchive.h"

#include <catch2/catch.hpp>

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QProcess>
#include <QSet>
#include <QSqlQuery>
#include <QTemporaryDir>

#include <sys/stat.h>

using namespace baokan::store;

namespace {

struct Run
{
    int exitCode = -1;
    QByteArray out;
    QString err;
};

Run runBaokan(const QStringList &args, const QString &stdoutFile = {})
{
    QProcess p;
    if (!stdoutFile.isEmpty())
        p.setStandardOutputFile(stdoutFile);
    p.start(QStringLiteral(BAOKAN_EXECUTABLE), args);
    REQUIRE(p.waitForFinished(120000));
    Run r;
    r.exitCode = p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1;
    r.out = p.readAllStandardOutput();
    r.err = QString::fromUtf8(p.readAllStandardError());
    return r;
}

void writeFile(const QString &path, const QByteArray &bytes)
{
    QFile f(path);
    REQUIRE(f.open(QIODevice::WriteOnly));
    REQUIRE(f.write(bytes) == bytes.size());
}

struct Fixture
{
    TestArchive archive;
    QString db = archive.path();
    Fixture()
    {
        const qint64 issue = archive.addIssue(QStringLiteral("第1期"), QStringLiteral("2023-11-16"));
        archive.addArticle(issue, QStringLiteral("k1"), QStringLiteral("会议"),
                           QStringLiteral("本报讯 自治区司法厅召开会议，部署普法工作。"));
        REQUIRE(NoteStore(archive.db()).setArticleNote(QStringLiteral("k1"), QStringLiteral("笔记")));
    }
};

} // namespace

TEST_CASE("baokan parse of an empty or blank file names it, says no articles were found and exits non-zero")
{
    Fixture f;
    for (const QByteArray &bytes : {QByteArray(), QByteArray(" \n\t\n  \r\n")}) {
        const QString file = f.archive.dirPath(QStringLiteral("blank.txt"));
        writeFile(file, bytes);
        const Run r = runBaokan({QStringLiteral("parse"), file});
        INFO(r.err.toStdString());
        CHECK(r.exitCode == 1);
        CHECK(r.err.contains(file));
        CHECK(r.err.contains(QStringLiteral("no articles")));
    }
}

TEST_CASE("baokan export-notes onto a full device fails with a message instead of reporting success")
{
    if (!QFileInfo::exists(QStringLiteral("/dev/full")))
        return; // only where the system has a device that is always full
    Fixture f;
    Run r = runBaokan({QStringLiteral("export-notes"), QStringLiteral("--db"), f.db, QStringLiteral("-o"),
                       QStringLiteral("/dev/full")});
    CHECK(r.exitCode == 1);
    CHECK(r.err.contains(QStringLiteral("/dev/full")));
    CHECK(r.err.contains(QStringLiteral("no file was written")));
    CHECK_FALSE(r.err.contains(QStringLiteral("wrote")));

    r = runBaokan({QStringLiteral("export-notes"), QStringLiteral("--db"), f.db}, QStringLiteral("/dev/full"));
    CHECK(r.exitCode == 1);
    CHECK(r.err.contains(QStringLiteral("cannot write")));
}

TEST_CASE("baokan search takes quotes, brackets, operators and a very long query without an error")
{
    Fixture f;
    const QStringList queries{QStringLiteral("\""),      QStringLiteral("("),          QStringLiteral("*"),
                              QStringLiteral("NEAR("),   QStringLiteral("-"),          QStringLiteral("\"司法厅"),
                              QStringLiteral("(普法"),   QStringLiteral("普法 OR"),    QStringLiteral("NOT"),
                              QStringLiteral("title:x"), QString(10000, QChar(0x6cd5))};
    for (const QString &q : queries) {
        const Run r = runBaokan({QStringLiteral("search"), QStringLiteral("--db"), f.db, q});
        INFO(q.left(20).toStdString() << ": " << r.err.toStdString());
        CHECK(r.exitCode == 0);
        CHECK_FALSE(r.err.contains(QStringLiteral("baokan search:"))); // its prefix of an error
    }
}

TEST_CASE("baokan parse of a named pipe says it is not a regular file instead of waiting for a writer")
{
    Fixture f;
    const QString fifo = f.archive.dirPath(QStringLiteral("pipe.txt"));
    REQUIRE(::mkfifo(QFile::encodeName(fifo).constData(), 0600) == 0);
    const Run r = runBaokan({QStringLiteral("parse"), fifo});
    CHECK(r.exitCode == 1);
    CHECK(r.err.contains(QStringLiteral("not a regular file")));
}

TEST_CASE("baokan on a file that is not an archive names it, says what it is not, and leaves it as it was")
{
    Fixture f;
    const QString junk = f.archive.dirPath(QStringLiteral("notes.sqlite"));
    const QByteArray bytes("issue,title\r\n第1期,会议\r\n");
    writeFile(junk, bytes);
    for (const QStringList &args :
         {QStringList{QStringLiteral("articles")},
          QStringList{QStringLiteral("tag"), QStringLiteral("add"), QStringLiteral("k1"), QStringLiteral("x")}}) {
        const Run r = runBaokan(args + QStringList{QStringLiteral("--db"), junk});
        INFO(r.err.toStdString());
        CHECK(r.exitCode == 1);
        CHECK(r.err.contains(junk));
        CHECK(r.err.contains(QStringLiteral("not a baokan archive")));
    }
    QFile back(junk);
    REQUIRE(back.open(QIODevice::ReadOnly));
    CHECK(back.readAll() == bytes);
    CHECK_FALSE(QFileInfo::exists(junk + QStringLiteral("-wal")));
}

TEST_CASE(
    "baokan import of a folder of mixed files names each file it left out and why, and a second run changes nothing")
{
    Fixture f;
    const QString folder = f.archive.dirPath(QStringLiteral("papers"));
    REQUIRE(QDir().mkpath(folder + QStringLiteral("/2023-11-16/sub")));
    QFile sample(QStringLiteral(BAOKAN_SAMPLE_DIR "/002_4a6160887b23c619.txt"));
    REQUIRE(sample.open(QIODevice::ReadOnly));
    const QString page = QString::fromUtf8(sample.readAll());
    writeFile(folder + QStringLiteral("/2023-11-16/p1.txt"), page.toUtf8());
    // The same page saved as UTF-16 without a byte order mark, in a folder of its own.
    QByteArray utf16;
    for (const QChar c : page)
        utf16.append(char(c.unicode() & 0xff)).append(char(c.unicode() >> 8));
    writeFile(folder + QStringLiteral("/2023-11-16/sub/p1.txt"), utf16);
    QFile ls(QStringLiteral("/bin/ls"));
    REQUIRE(ls.open(QIODevice::ReadOnly));
    writeFile(folder + QStringLiteral("/2023-11-16/p2.txt"), ls.readAll());
    writeFile(folder + QStringLiteral("/2023-11-16/p3.txt"), QByteArray());
    REQUIRE(QFile::link(QStringLiteral(".."), folder + QStringLiteral("/up")));
    const QString db = f.archive.dirPath(QStringLiteral("new.sqlite"));

    Run r = runBaokan({QStringLiteral("import"), QStringLiteral("--db"), db, folder});
    INFO(r.err.toStdString());
    CHECK(r.exitCode == 1); // files were left out
    CHECK(r.err.contains(QStringLiteral("p2.txt: not a text file")));
    CHECK(r.err.contains(QStringLiteral("extract the text")));
    CHECK(r.err.contains(QStringLiteral("p3.txt: empty file")));
    CHECK(r.err.contains(QStringLiteral("2 issues (2 new")));
    // The link back up does not pull in the folder around it (the fixture's archive is there).
    CHECK_FALSE(r.err.contains(QStringLiteral("archive.sqlite")));

    r = runBaokan({QStringLiteral("import"), QStringLiteral("--db"), db, folder});
    CHECK(r.err.contains(QStringLiteral("2 issues (0 new, 0 changed, 2 unchanged)")));
    r = runBaokan({QStringLiteral("articles"), QStringLiteral("--db"), db});
    // The UTF-16 copy gave the same articles as the UTF-8 page.
    QStringList utf8Titles;
    QStringList utf16Titles;
    for (const QString &line : QString::fromUtf8(r.out).split(QLatin1Char('\n'), Qt::SkipEmptyParts)) {
        const QStringList cells = line.split(QLatin1Char('\t'));
        REQUIRE(cells.size() == 4);
        (cells[1] == QStringLiteral("sub") ? utf16Titles : utf8Titles) << cells[3];
    }
    CHECK_FALSE(utf8Titles.isEmpty());
    CHECK(utf16Titles == utf8Titles);
}

TEST_CASE("two baokan import processes on one archive at once make each issue once and keep a note written meanwhile")
{
    Fixture f;
    const QString folder = QStringLiteral(BAOKAN_SAMPLE_DIR);
    QProcess first;
    QProcess second;
    first.start(QStringLiteral(BAOKAN_EXECUTABLE), {QStringLiteral("import"), QStringLiteral("--db"), f.db, folder});
    second.start(QStringLiteral(BAOKAN_EXECUTABLE), {QStringLiteral("import"), QStringLiteral("--db"), f.db,
                                                     folder + QStringLiteral("/000_8cb0eb0426f5551b.txt"), folder});
    const Run note = runBaokan({QStringLiteral("note"), QStringLiteral("add"), QStringLiteral("--db"), f.db,
                                QStringLiteral("k1"), QStringLiteral("写于导入之时")});
    REQUIRE(first.waitForFinished(120000));
    REQUIRE(second.waitForFinished(120000));
    const QString errors = QString::fromUtf8(first.readAllStandardError() + second.readAllStandardError());
    INFO(errors.toStdString() << note.err.toStdString());
    CHECK(first.exitCode() == 0);
    CHECK(second.exitCode() == 0);
    CHECK(note.exitCode == 0);
    CHECK_FALSE(errors.contains(QStringLiteral("locked")));

    // The fixture's issue, the folder as one issue, and the single page as another.
    const Run list = runBaokan({QStringLiteral("articles"), QStringLiteral("--db"), f.db});
    QSet<QString> keys;
    int lines = 0;
    for (const QString &line : QString::fromUtf8(list.out).split(QLatin1Char('\n'), Qt::SkipEmptyParts)) {
        keys.insert(line.section(QLatin1Char('\t'), 0, 0));
        ++lines;
    }
    CHECK(lines == keys.size()); // no article twice
    QSqlDatabase db = f.archive.db();
    QSqlQuery q(db);
    REQUIRE(q.exec(QStringLiteral("SELECT count(*) FROM issue")));
    REQUIRE(q.next());
    CHECK(q.value(0).toInt() == 3);
    REQUIRE(q.exec(QStringLiteral("SELECT note FROM note WHERE article_key = 'k1'")));
    REQUIRE(q.next());
    CHECK(q.value(0).toString().contains(QStringLiteral("写于导入之时")));
}

TEST_CASE("a verb asked for help prints its usage and opens no archive")
{
    QTemporaryDir home;
    REQUIRE(home.isValid());
    for (const QString &verb : {QStringLiteral("search"), QStringLiteral("import"), QStringLiteral("articles")}) {
        QProcess p;
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("HOME"), home.path());
        env.insert(QStringLiteral("XDG_DATA_HOME"), home.filePath(QStringLiteral("data")));
        p.setProcessEnvironment(env);
        p.start(QStringLiteral(BAOKAN_EXECUTABLE), {verb, QStringLiteral("--help")});
        REQUIRE(p.waitForFinished(60000));
        INFO(verb.toStdString());
        CHECK(p.exitCode() == 0);
        CHECK(QString::fromUtf8(p.readAllStandardOutput()).startsWith(QStringLiteral("usage: baokan ") + verb));
        // The default archive would have been made under the data folder.
        CHECK_FALSE(QDir(home.filePath(QStringLiteral("data"))).exists());
    }
}
