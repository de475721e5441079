// SPDX-License-Identifier: MIT
#include "parse/issuejson.h"
#include "parse/issueloader.h"

#include <catch2/catch.hpp>

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QStringEncoder>
#include <QTemporaryDir>

using baokan::parse::Issue;
using baokan::parse::IssueJson;
using baokan::parse::IssueLoader;

namespace {

QString page()
{
    return QString::fromUtf16(u"社区运动会开幕\n\n"
                              u"本报讯（记者 周涛）11月3日，某社区举办居民运动会，三百余名居民参加比赛。\n\n"
                              u"冬季供暖平稳运行\n\n"
                              u"本报讯（记者 高峰）2023年11月5日，全市供暖企业加强设备巡检，保障居民温暖过冬。\n");
}

QString write(const QTemporaryDir &dir, const QString &name, const QByteArray &bytes)
{
    const QString path = dir.filePath(name);
    QFile f(path);
    REQUIRE(f.open(QIODevice::WriteOnly));
    f.write(bytes);
    return path;
}

void checkSamePage(const Issue &issue)
{
    REQUIRE(issue.articles.size() == 2);
    CHECK(issue.articles.at(0).title == QString::fromUtf16(u"社区运动会开幕"));
    CHECK(issue.articles.at(1).title == QString::fromUtf16(u"冬季供暖平稳运行"));
    CHECK(issue.articles.at(1).reporters == QStringList{QString::fromUtf16(u"高峰")});
}

} // namespace

TEST_CASE("a UTF-8 page file loads as one issue with an inferred date")
{
    QTemporaryDir dir;
    const auto issue = IssueLoader::load(write(dir, QStringLiteral("p.txt"), page().toUtf8()));
    REQUIRE(issue);
    checkSamePage(*issue);
    CHECK(issue->name == QStringLiteral("p.txt"));
    CHECK(issue->date == QDate(2023, 11, 5));
    CHECK(issue->dateInferred);
}

TEST_CASE("GB18030, UTF-16 and CRLF files give the same articles as UTF-8")
{
    QTemporaryDir dir;
    QStringEncoder gb("GB18030");
    QStringEncoder utf16(QStringConverter::Utf16LE, QStringConverter::Flag::WriteBom);
    QString crlf = page();
    crlf.replace(QLatin1Char('\n'), QStringLiteral("\r\n"));
    const QByteArray gbBytes = gb.encode(page());
    const QByteArray utf16Bytes = utf16.encode(page());
    const QByteArray withBom = QByteArray("\xEF\xBB\xBF") + page().toUtf8();
    for (const QByteArray &bytes : {gbBytes, utf16Bytes, crlf.toUtf8(), withBom}) {
        QString error;
        const auto issue = IssueLoader::load(write(dir, QStringLiteral("p.txt"), bytes), &error);
        INFO(error.toStdString());
        REQUIRE(issue);
        checkSamePage(*issue);
    }
}

TEST_CASE("a binary file is refused with a message naming it")
{
    QTemporaryDir dir;
    const QString path = write(dir, QStringLiteral("scan.pdf"), QByteArray("%PDF-1.4\n\0\x01\x02\xff", 14));
    QString error;
    CHECK_FALSE(IssueLoader::load(path, &error));
    CHECK(error.contains(QStringLiteral("scan.pdf")));
}

TEST_CASE("a missing file is refused with a message naming it")
{
    QString error;
    CHECK_FALSE(IssueLoader::load(QStringLiteral("/nonexistent/page.txt"), &error));
    CHECK(error.contains(QStringLiteral("page.txt")));
}

TEST_CASE("an empty file is an issue without articles")
{
    QTemporaryDir dir;
    QString error;
    const auto issue = IssueLoader::load(write(dir, QStringLiteral("empty.txt"), QByteArray()), &error);
    REQUIRE(issue);
    CHECK(issue->articles.isEmpty());
    CHECK_FALSE(issue->date.isValid());
}

TEST_CASE("a folder is one issue with its pages in natural name order; files that are not text are skipped")
{
    QTemporaryDir dir;
    QDir(dir.path()).mkdir(QStringLiteral("issue"));
    const QString folder = dir.filePath(QStringLiteral("issue"));
    auto put = [&](const QString &name, const QByteArray &bytes) {
        QFile f(folder + QLatin1Char('/') + name);
        REQUIRE(f.open(QIODevice::WriteOnly));
        f.write(bytes);
    };
    put(QStringLiteral("page10.txt"),
        QString::fromUtf16(u"第十版标题\n\n本报讯（记者 高峰）第十版的正文。\n").toUtf8());
    put(QStringLiteral("page2.txt"), QString::fromUtf16(u"第二版标题\n\n本报讯（记者 周涛）第二版的正文。\n").toUtf8());
    put(QStringLiteral("photo.jpg"), QByteArray("\xff\xd8\xff\xe0\0\x10JFIF", 10));
    QString error;
    QStringList skipped;
    const auto issue = IssueLoader::load(folder, &error, &skipped);
    REQUIRE(issue);
    CHECK(issue->name == QStringLiteral("issue"));
    REQUIRE(issue->pages.size() == 2);
    CHECK(issue->pages.at(0).endsWith(QStringLiteral("page2.txt")));
    REQUIRE(issue->articles.size() == 2);
    CHECK(issue->articles.at(0).title == QString::fromUtf16(u"第二版标题"));
    CHECK(issue->articles.at(1).title == QString::fromUtf16(u"第十版标题"));
    CHECK(issue->articles.at(0).page == 0);
    CHECK(issue->articles.at(1).page == 1);
    REQUIRE(skipped.size() == 1);
    CHECK(skipped.first().contains(QStringLiteral("photo.jpg")));
}

TEST_CASE("the JSON of an issue has exactly the documented fields, null where nothing is printed")
{
    const Issue issue = IssueLoader::fromTexts(QStringLiteral("p.txt"), {page()});
    const QJsonObject json = IssueJson::issue(issue);
    CHECK(json.keys() == QStringList{QStringLiteral("articles"), QStringLiteral("date"),
                                     QStringLiteral("date_inferred"), QStringLiteral("file")});
    CHECK(json.value(QStringLiteral("date")).toString() == QStringLiteral("2023-11-05"));
    CHECK(json.value(QStringLiteral("date_inferred")).toBool());
    const QJsonObject first = json.value(QStringLiteral("articles")).toArray().first().toObject();
    QStringList keys = first.keys();
    CHECK(keys == QStringList{QStringLiteral("body"), QStringLiteral("captions"), QStringLiteral("correspondents"),
                              QStringLiteral("dateline"), QStringLiteral("interns"), QStringLiteral("kicker"),
                              QStringLiteral("photographers"), QStringLiteral("reporters"), QStringLiteral("source"),
                              QStringLiteral("subtitle"), QStringLiteral("title")});
    CHECK(first.value(QStringLiteral("kicker")).isNull());
    CHECK(first.value(QStringLiteral("dateline")).isNull());
    CHECK(first.value(QStringLiteral("title")).toString() == QString::fromUtf16(u"社区运动会开幕"));
    CHECK(first.value(QStringLiteral("reporters")).toArray() == QJsonArray{QString::fromUtf16(u"周涛")});
}

TEST_CASE("the parse document is valid JSON with its keys in the documented order")
{
    const Issue issue = IssueLoader::fromTexts(QStringLiteral("p.txt"), {page()});
    const QByteArray doc = IssueJson::document({issue, IssueLoader::fromTexts(QStringLiteral("e.txt"), {QString()})});
    QJsonParseError error;
    const QJsonDocument parsed = QJsonDocument::fromJson(doc, &error);
    REQUIRE(error.error == QJsonParseError::NoError);
    const QJsonArray issues = parsed.object().value(QStringLiteral("issues")).toArray();
    REQUIRE(issues.size() == 2);
    CHECK(issues.at(0).toObject() == IssueJson::issue(issue));
    CHECK(issues.at(1).toObject().value(QStringLiteral("articles")).toArray().isEmpty());
    CHECK(doc.startsWith("{\"issues\": [{\"file\": \"p.txt\", \"date\": \"2023-11-05\", \"date_inferred\": true, "
                         "\"articles\": [{\"title\": "));
    CHECK(doc.indexOf("\"kicker\"") < doc.indexOf("\"subtitle\""));
    CHECK(doc.indexOf("\"body\"") < doc.indexOf("\"captions\""));
}

TEST_CASE("a page header date makes the issue date certain and stays out of the articles")
{
    const QString withHeader = QString::fromUtf16(u"2023年12月1日 星期五\n\n责任编辑：某某\n\n") + page();
    const Issue issue = IssueLoader::fromTexts(QStringLiteral("p.txt"), {withHeader});
    CHECK(issue.date == QDate(2023, 12, 1));
    CHECK_FALSE(issue.dateInferred);
    checkSamePage(issue);
    for (const auto &a : issue.articles)
        CHECK_FALSE(a.body().contains(QString::fromUtf16(u"责任编辑")));
}

TEST_CASE("a file that cannot be read is refused with the read error, not taken for an empty page")
{
    // The kernel lets this file be opened but refuses to read it from its start.
    const QString path = QStringLiteral("/proc/self/mem");
    if (!QFileInfo::exists(path))
        return;
    QString error;
    CHECK_FALSE(IssueLoader::load(path, &error));
    CHECK(error.contains(QStringLiteral("cannot read")));
}
