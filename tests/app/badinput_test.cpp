// SPDX-License-Identifier: MIT
#include "store/notestore.h"
#include "testarchive.h"

#include <catch2/catch.hpp>

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QProcess>

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
