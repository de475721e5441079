// SPDX-License-Identifier: MIT
#include "archivetestsupport.h"
#include "store/database.h"
#include "store/importer.h"
#include "store/searchindex.h"
#include "store/searchindexwriter.h"

#include <catch2/catch.hpp>

#include <QMap>
#include <QSqlError>
#include <QSqlQuery>
#include <QTemporaryDir>

using namespace baokan;
using store::Database;
using store::SearchIndexWriter;

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
};

// Every article's stored columns run through textOf(), next to what the view makes of them.
void requireTextOfMatchesView(const QSqlDatabase &db)
{
    QSqlQuery q(db);
    REQUIRE(q.exec(QStringLiteral(
        "SELECT a.kicker, a.display_title, a.subtitle, a.dateline, a.reporters, a.correspondents, a.interns, "
        "a.photographers, a.source, a.body, a.captions, v.title, v.byline, v.body, v.captions, v.everything "
        "FROM article a JOIN article_search_text v ON v.id = a.id ORDER BY a.id")));
    int rows = 0;
    while (q.next()) {
        QStringList columns;
        for (int i = 0; i < 11; ++i)
            columns << (q.value(i).isNull() ? QString() : q.value(i).toString());
        const SearchIndexWriter::Text t = SearchIndexWriter::textOf(columns);
        CHECK(t.title == q.value(11).toString().toUtf8());
        CHECK(t.byline == q.value(12).toString().toUtf8());
        CHECK(t.body == q.value(13).toString().toUtf8());
        CHECK(t.captions == q.value(14).toString().toUtf8());
        CHECK(t.everything == q.value(15).toString().toUtf8());
        ++rows;
    }
    REQUIRE(rows > 0);
}

QMap<QString, qint64> indexedRows(const QSqlDatabase &db)
{
    QMap<QString, qint64> rows;
    QSqlQuery q(db);
    REQUIRE(
        q.exec(QStringLiteral("SELECT a.key, s.sort_key FROM article_search s JOIN article a ON a.id = s.article_id")));
    while (q.next())
        rows.insert(q.value(0).toString(), q.value(1).toLongLong());
    return rows;
}

QStringList vocabulary(const QSqlDatabase &db)
{
    QStringList rows;
    QSqlQuery q(db);
    REQUIRE(q.exec(QStringLiteral("SELECT pinyin, word FROM pinyin_word ORDER BY pinyin, word")));
    while (q.next())
        rows << q.value(0).toString() + QLatin1Char(' ') + q.value(1).toString();
    return rows;
}

} // namespace

TEST_CASE("textOf makes the text of the search view from stored columns, NULL columns included")
{
    Archive a;
    QSqlQuery q(a.db.connection());
    REQUIRE(q.exec(QStringLiteral("INSERT INTO issue (source, name, imported) VALUES ('/x', 'x', '2024-01-01')")));
    REQUIRE(q.prepare(QStringLiteral(
        "INSERT INTO article (key, issue_id, ordinal, title, display_title, kicker, subtitle, dateline, reporters, "
        "correspondents, interns, photographers, source, body, captions) "
        "VALUES (?, 1, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")));
    const QVariant null(QMetaType::fromType<QString>());
    const QString sep(QChar(0x1F));
    const auto t = [](const char *utf8) { return QVariant(QString::fromUtf8(utf8)); };
    const QVariant empty(QStringLiteral(""));
    const QList<QVariantList> articles = {
        QVariantList{t("k1"), 1, null, t("无题"), null, null, null, empty, empty, empty, empty, null, t("正文\n第二段"),
                     empty},
        QVariantList{t("k2"), 2, t("標題 Title"), t("標題 Title"), t("引题"), t("副题"), t("包头讯"),
                     QVariant(QString::fromUtf8("张三") + sep + QString::fromUtf8("李四")), t("王五"), t("赵六"),
                     t("摄影"), t("新华社"), t("含𠀀扩展字的正文"),
                     QVariant(QString::fromUtf8("图一") + sep + QString::fromUtf8("图二"))},
    };
    for (const QVariantList &values : articles) {
        for (int i = 0; i < values.size(); ++i)
            q.bindValue(i, values.at(i));
        INFO(q.lastError().text().toStdString());
        REQUIRE(q.exec());
    }
    requireTextOfMatchesView(a.db.connection());
}

TEST_CASE("an import indexes articles exactly as a rebuild of the index from the archive does")
{
    Archive a;
    store::Importer importer(&a.db);
    const store::ImportSummary summary = importer.importPaths(test::samplePages());
    REQUIRE(summary.error.isEmpty());
    REQUIRE(summary.articlesAdded > 0);
    requireTextOfMatchesView(a.db.connection());

    const auto imported = indexedRows(a.db.connection());
    const QStringList importedWords = vocabulary(a.db.connection());
    REQUIRE(imported.size() == summary.articlesAdded);
    QString error;
    REQUIRE(store::SearchIndex::rebuild(a.db.connection(), {}, nullptr, &error));
    CHECK(indexedRows(a.db.connection()) == imported);
    // The parser threads' names are the stored ones: the vocabulary comes out the same.
    CHECK(vocabulary(a.db.connection()) == importedWords);
    // Every recognized person, place and organization reached the vocabulary.
    QSqlQuery q(a.db.connection());
    REQUIRE(q.exec(QStringLiteral("SELECT count(DISTINCT text) FROM entity_mention WHERE type IN ('PER', 'LOC', 'ORG') "
                                  "AND length(text) BETWEEN 2 AND 16 AND text NOT IN (SELECT word FROM pinyin_word) "
                                  "AND text NOT GLOB '*[^一-龥]*'")));
    REQUIRE(q.next());
    CHECK(q.value(0).toInt() == 0);
}

TEST_CASE("articles an import indexed leave no trace in the index when deleted")
{
    Archive a;
    store::Importer importer(&a.db);
    REQUIRE(importer.importPaths(test::samplePages()).error.isEmpty());
    QString error;
    const auto before = store::SearchIndex::count(a.db.connection(), QString::fromUtf8("包头"), {}, &error);
    REQUIRE(before);
    REQUIRE(*before > 0);
    QSqlQuery q(a.db.connection());
    REQUIRE(q.exec(QStringLiteral("DELETE FROM article")));
    // A removal with other text than was indexed would leave the old postings behind.
    for (const char *term : {"包头", "包", "baotou"}) {
        const auto after = store::SearchIndex::count(a.db.connection(), QString::fromUtf8(term), {}, &error);
        REQUIRE(after);
        CHECK(*after == 0);
    }
}
