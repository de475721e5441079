// SPDX-License-Identifier: MIT
#include "export/notesexporter.h"
#include "store/notestore.h"
#include "testarchive.h"

#include <catch2/catch.hpp>

#include <QFile>
#include <QFileInfo>

#include <csignal>

#include <sys/resource.h>

using namespace baokan::exporting;
using namespace baokan::store;

namespace {

void fillNotes(TestArchive &archive)
{
    const qint64 issue = archive.addIssue(QStringLiteral("北方法治报第1期"), QStringLiteral("2023-11-16"));
    archive.addArticle(issue, QStringLiteral("k1"), QStringLiteral("发布会"), QStringLiteral("本报讯 正文。"));
    NoteStore notes(archive.db());
    // Longer than the file-size limit below, so the export cannot fit.
    REQUIRE(notes.setArticleNote(QStringLiteral("k1"), QString(400, QChar(0x7b14))));
}

// Files this process writes may not grow past `bytes`, as on a disk that is full: write() fails
// with EFBIG instead of the process being killed.
struct FileSizeLimit
{
    rlimit old{};
    void (*oldHandler)(int) = nullptr;
    explicit FileSizeLimit(rlim_t bytes)
    {
        REQUIRE(getrlimit(RLIMIT_FSIZE, &old) == 0);
        oldHandler = std::signal(SIGXFSZ, SIG_IGN);
        rlimit small = old;
        small.rlim_cur = bytes;
        REQUIRE(setrlimit(RLIMIT_FSIZE, &small) == 0);
    }
    ~FileSizeLimit()
    {
        setrlimit(RLIMIT_FSIZE, &old);
        std::signal(SIGXFSZ, oldHandler);
    }
};

} // namespace

TEST_CASE("an export to a device that is full fails and names the file")
{
    if (!QFileInfo::exists(QStringLiteral("/dev/full")))
        return; // only where the system has a device that is always full
    TestArchive archive;
    fillNotes(archive);
    NotesExporter exporter(archive.db());
    QString error;
    CHECK_FALSE(exporter.writeFile(QStringLiteral("/dev/full"), {}, &error));
    CHECK(error.contains(QStringLiteral("/dev/full")));
}

TEST_CASE("an export that runs out of disk space leaves the older export as it was")
{
    TestArchive archive;
    fillNotes(archive);
    const QString path = archive.dirPath(QStringLiteral("notes.csv"));
    {
        QFile f(path);
        REQUIRE(f.open(QIODevice::WriteOnly));
        REQUIRE(f.write("good old export\n") == 16);
    }
    NotesExporter exporter(archive.db());
    QString error;
    bool written = true;
    {
        const FileSizeLimit full(64);
        written = exporter.writeFile(path, {}, &error);
    }
    CHECK_FALSE(written);
    CHECK(error.contains(path));
    QFile f(path);
    REQUIRE(f.open(QIODevice::ReadOnly));
    CHECK(f.readAll() == "good old export\n");
}
