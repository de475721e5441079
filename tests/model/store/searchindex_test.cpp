// SPDX-License-Identifier: MIT
#include "store/correctionedits.h"
#include "store/database.h"
#include "store/importer.h"
#include "store/reindexjob.h"
#include "store/searchindex.h"

#include <catch2/catch.hpp>

#include <QDir>
#include <QFile>
#include <QSignalSpy>
#include <QSqlError>
#include <QSqlQuery>
#include <QTemporaryDir>

#include <memory>
#include <thread>
#include <utility>

using baokan::store::Database;
using baokan::store::SearchIndex;
using baokan::store::SearchOptions;
using baokan::store::TextRange;

namespace {

QString u(const char *utf8)
{
    return QString::fromUtf8(utf8);
}

// A fresh archive with one issue per date and articles inserted with plain SQL, as the importer would.
class Archive
{
public:
    Archive()
    {
        m_db = std::make_unique<Database>(m_dir.filePath(QStringLiteral("archive.sqlite")));
        QString error;
        REQUIRE(m_db->open(&error));
    }

    QSqlDatabase connection() const { return m_db->connection(); }
    Database &database() { return *m_db; }
    // Closes the archive and opens it again, which applies the migrations it lacks.
    void reopen()
    {
        m_db.reset();
        m_db = std::make_unique<Database>(m_dir.filePath(QStringLiteral("archive.sqlite")));
        QString error;
        REQUIRE(m_db->open(&error));
    }

    qint64 issue(const QString &date)
    {
        QSqlQuery q(connection());
        q.prepare(QStringLiteral("INSERT INTO issue (source, name, date, imported) VALUES (?, ?, ?, '2024-01-01')"));
        q.addBindValue(QString(QStringLiteral("/tmp/") + date));
        q.addBindValue(date);
        q.addBindValue(date);
        REQUIRE(q.exec());
        return q.lastInsertId().toLongLong();
    }

    qint64 add(const QString &key, const QString &title, const QString &body, const QString &date = u("2023-11-17"),
               const QString &captions = QStringLiteral(""))
    {
        if (!m_issues.contains(date))
            m_issues.insert(date, issue(date));
        QSqlQuery q(connection());
        q.prepare(QStringLiteral("INSERT INTO article (key, issue_id, ordinal, title, display_title, body, captions) "
                                 "VALUES (?, ?, ?, ?, ?, ?, ?)"));
        q.addBindValue(key);
        q.addBindValue(m_issues.value(date));
        q.addBindValue(++m_ordinal);
        q.addBindValue(title);
        q.addBindValue(title);
        q.addBindValue(body);
        q.addBindValue(captions);
        const bool inserted = q.exec();
        INFO(q.lastError().text().toStdString());
        REQUIRE(inserted);
        const qint64 id = q.lastInsertId().toLongLong();
        QString error;
        REQUIRE(SearchIndex::indexArticles(connection(), {id}, &error));
        return id;
    }

    QStringList keys(const QString &query, SearchOptions options = {})
    {
        QString error;
        const auto result = SearchIndex::search(connection(), query, options, &error);
        INFO(error.toStdString());
        REQUIRE(result);
        QStringList out;
        for (const auto &hit : result->hits)
            out << hit.key;
        CHECK(result->total == out.size());
        return out;
    }

private:
    QTemporaryDir m_dir;
    std::unique_ptr<Database> m_db;
    QHash<QString, qint64> m_issues;
    int m_ordinal = 0;
};

QStringList sorted(QStringList list)
{
    list.sort();
    return list;
}

} // namespace

TEST_CASE("one- and two-character queries find text at the start, middle and end")
{
    Archive a;
    a.add(u("start"), u("会议"), u("包头市召开推进会"));
    a.add(u("middle"), u("会议"), u("推进会在包头市召开"));
    a.add(u("end"), u("会议"), u("推进会的地点是包头"));
    a.add(u("other"), u("会议"), u("推进会在呼和浩特召开"));

    CHECK(sorted(a.keys(u("包"))) == QStringList{u("end"), u("middle"), u("start")});
    CHECK(sorted(a.keys(u("头"))) == QStringList{u("end"), u("middle"), u("start")});
    CHECK(sorted(a.keys(u("包头"))) == QStringList{u("end"), u("middle"), u("start")});
    CHECK(sorted(a.keys(u("推进"))) == QStringList{u("end"), u("middle"), u("other"), u("start")});
    CHECK(a.keys(u("召开")).size() == 3);
    CHECK(a.keys(u("开")).size() == 3);
    CHECK(a.keys(u("浩特")) == QStringList{u("other")});
    CHECK(a.keys(u("头市")).size() == 2);
    CHECK(a.keys(u("市包")).isEmpty());
}

TEST_CASE("one character next to a word matches at the start, middle or end of a run")
{
    Archive a;
    a.add(u("end"), u("会议"), u("会议于2024年。召开"));
    a.add(u("start"), u("会议"), u("2024年度报告发布"));
    a.add(u("alone"), u("会议"), u("2024年12月召开"));
    a.add(u("before"), u("会议"), u("今年3月召开"));
    a.add(u("other"), u("会议"), u("2024月报，年3"));
    CHECK(sorted(a.keys(u("2024年"))) == QStringList{u("alone"), u("end"), u("start")});
    CHECK(sorted(a.keys(u("2024年12月"))) == QStringList{u("alone")});
    CHECK(sorted(a.keys(u("年12"))) == QStringList{u("alone")});
    CHECK(sorted(a.keys(u("年3月"))) == QStringList{u("before")});
    CHECK(sorted(a.keys(u("今年3月召开"))) == QStringList{u("before")});
    CHECK(sorted(a.keys(u("\"2024年度\""))) == QStringList{u("start")});
    // Each hit's text contains the query: the reader marks it there.
    CHECK(SearchIndex::matchRanges(u("年3月"), u("今年3月召开")) == QList<TextRange>{{1, 4}});
}

TEST_CASE("longer strings match only where they are contiguous")
{
    Archive a;
    a.add(u("yes"), u("通知"), u("自治区司法厅召开会议"));
    a.add(u("split"), u("通知"), u("自治区召开会议，司法厅出席"));
    CHECK(a.keys(u("自治区司法厅")) == QStringList{u("yes")});
    CHECK(a.keys(u("区司法")) == QStringList{u("yes")});
    CHECK(sorted(a.keys(u("自治区 司法厅"))) == QStringList{u("split"), u("yes")});
}

TEST_CASE("a phrase is found across rejoined lines and spurious spaces between characters")
{
    Archive a;
    a.add(u("joined"), u("标题"), u("在11月17日下午召开的推进会上，昆都 仑区委政法委作了交流\n发言。"));
    CHECK(a.keys(u("\"昆都仑区委\"")) == QStringList{u("joined")});
    CHECK(a.keys(u("“交流发言”")) == QStringList{u("joined")});
    CHECK(a.keys(u("\"下午召开的推进会\"")) == QStringList{u("joined")});
    CHECK(a.keys(u("\"推进会下午\"")).isEmpty());
}

TEST_CASE("traditional and simplified characters find each other")
{
    Archive a;
    a.add(u("simplified"), u("新闻"), u("内蒙古自治区高级人民法院发布公告"));
    a.add(u("traditional"), u("新聞"), u("內蒙古自治區檢察院"));
    CHECK(sorted(a.keys(u("內蒙古自治區"))) == QStringList{u("simplified"), u("traditional")});
    CHECK(sorted(a.keys(u("内蒙古自治区"))) == QStringList{u("simplified"), u("traditional")});
    CHECK(a.keys(u("检察院")) == QStringList{u("traditional")});
    CHECK(a.keys(u("區")).size() == 2);
}

TEST_CASE("full-width and half-width forms and letter case find each other")
{
    Archive a;
    a.add(u("full"), u("报道"), u("在ＡＰＥＣ会议上，２０２３年"));
    a.add(u("half"), u("报道"), u("Apec 2023"));
    CHECK(sorted(a.keys(u("apec"))) == QStringList{u("full"), u("half")});
    CHECK(sorted(a.keys(u("２０２３"))) == QStringList{u("full"), u("half")});
    CHECK(a.keys(u("APEC会议")) == QStringList{u("full")});
}

TEST_CASE("pinyin finds characters in titles and entity names")
{
    Archive a;
    const qint64 title = a.add(u("title"), u("包头市召开推进会"), u("会议召开。"));
    const qint64 entity = a.add(u("entity"), u("推进会"), u("记者采访了白永平。"));
    a.add(u("none"), u("呼和浩特召开推进会"), u("会议召开。"));
    QSqlQuery q(a.connection());
    q.prepare(QStringLiteral("INSERT INTO entity_mention (article_id, field, start, end, type, text) "
                             "VALUES (?, 'body', 5, 8, 'PER', ?)"));
    q.addBindValue(entity);
    q.addBindValue(u("白永平"));
    REQUIRE(q.exec());
    QString error;
    REQUIRE(SearchIndex::indexArticles(a.connection(), {title, entity}, &error));

    CHECK(a.keys(u("baotou")) == QStringList{u("title")});
    CHECK(a.keys(u("bao tou")) == QStringList{u("title")});
    CHECK(a.keys(u("BaoTou")) == QStringList{u("title")});
    CHECK(a.keys(u("baiyongping")) == QStringList{u("entity")});
    CHECK(a.keys(u("huhehaote")) == QStringList{u("none")});
    CHECK(a.keys(u("baotoux")).isEmpty());
}

TEST_CASE("names and the words inside them go into the pinyin vocabulary once, and pinyin finds them in bodies")
{
    Archive a;
    const qint64 id = a.add(u("k"), u("包头召开会议"), u("赤峰代表和包头代表出席内蒙古自治区会议。"));
    a.add(u("plain"), u("会议"), u("内蒙古的代表出席。"));
    a.add(u("other"), u("会议"), u("呼和浩特的代表出席。"));
    QSqlQuery q(a.connection());
    q.prepare(QStringLiteral("INSERT INTO entity_mention (article_id, field, start, end, type, text) "
                             "VALUES (?, 'body', 0, 1, ?, ?)"));
    for (const auto &[type, text] : {std::pair{"LOC", "包头"}, std::pair{"LOC", "内蒙古"},
                                     std::pair{"ORG", "内蒙古自治区"}, std::pair{"LOC", "赤峰"}}) {
        q.addBindValue(id);
        q.addBindValue(QString::fromLatin1(type));
        q.addBindValue(u(text));
        REQUIRE(q.exec());
    }
    QString error;
    REQUIRE(SearchIndex::indexArticles(a.connection(), {id}, &error));
    REQUIRE(q.exec(QStringLiteral("SELECT pinyin, word FROM pinyin_word")));
    QStringList rows;
    while (q.next())
        rows << q.value(0).toString() + QLatin1Char(' ') + q.value(1).toString();
    CHECK(rows.count(u("baotou 包头")) == 1);
    CHECK(rows.count(u("neimenggu 内蒙古")) == 1);
    CHECK(rows.count(u("neimengguzizhiqu 内蒙古自治区")) == 1);
    // A word inside a name is a word of its own.
    CHECK(rows.count(u("zizhiqu 自治区")) == 1);
    CHECK(rows.count(u("chifeng 赤峰")) == 1);
    // The article that only says 内蒙古 in its body, unrecognized, is found too: the pinyin
    // query searches the Chinese words.
    for (const char *query : {"neimenggu", "nei menggu", "Nei Meng Gu", "zizhiqu"}) {
        INFO(query);
        CHECK(sorted(a.keys(u(query))) ==
              (QString::fromLatin1(query).startsWith(u("z")) ? QStringList{u("k")} : QStringList{u("k"), u("plain")}));
    }
    CHECK(a.keys(u("chifeng")) == QStringList{u("k")});
    CHECK(a.keys(u("nei meng gu zi zhi qu")) == QStringList{u("k")});
    // Removing the article deletes exactly what was indexed; the word may stay.
    REQUIRE(q.exec(QStringLiteral("DELETE FROM article WHERE id = %1").arg(id)));
    CHECK(a.keys(u("neimenggu")) == QStringList{u("plain")});
    CHECK(q.exec(QStringLiteral("INSERT INTO article_fts (article_fts, rank) VALUES ('integrity-check', 0)")));
}

TEST_CASE("a polyphonic character is found by each of its common readings")
{
    Archive a;
    const qint64 id = a.add(u("city"), u("长春召开会议"), u("会议在长春召开。"));
    a.add(u("region"), u("自治区召开会议"), u("会议召开。"));
    a.add(u("bank"), u("银行开业"), u("银行开业。"));
    a.add(u("none"), u("会议"), u("会议召开。"));
    QString error;
    REQUIRE(SearchIndex::indexArticles(a.connection(), {id}, &error));
    // 长 reads chang and zhang, 区 qu (and ou as a surname), 行 hang and xing.
    CHECK(a.keys(u("changchun")) == QStringList{u("city")});
    CHECK(a.keys(u("zizhiqu")) == QStringList{u("region")});
    CHECK(a.keys(u("yinhang")) == QStringList{u("bank")});
    // And the reader marks the characters, whatever reading the query used.
    CHECK(SearchIndex::matchRanges(u("changchun"), u("会议在长春召开")) == QList<TextRange>{{3, 5}});
    CHECK(SearchIndex::matchRanges(u("zizhiqu"), u("内蒙古自治区")) == QList<TextRange>{{3, 6}});
}

TEST_CASE("a corrected entity becomes findable by pinyin")
{
    Archive a;
    a.add(u("k"), u("会议"), u("记者采访了乌日娜。"));
    a.add(u("other"), u("会议"), u("记者采访了代表。"));
    CHECK(a.keys(u("wurina")).isEmpty());
    baokan::store::Edit edit = baokan::store::CorrectionEdits::mark(u("k"), u("body"), 5, 8, u("PER"), u("mention"));
    QString error;
    REQUIRE(edit.apply(a.connection(), &error));
    CHECK(a.keys(u("wurina")) == QStringList{u("k")});
    CHECK(a.keys(u("wu rina")) == QStringList{u("k")});
}

TEST_CASE("a term with punctuation inside finds that punctuation there, not the parts run together")
{
    Archive a;
    a.add(u("comma"), u("会议"), u("截至2024，年度计划完成。"));
    a.add(u("ascii"), u("会议"), u("截至2024, 年度计划完成。"));
    a.add(u("joined"), u("会议"), u("2024年度计划完成。"));
    a.add(u("period"), u("会议"), u("截至2024。年度计划完成。"));
    a.add(u("version"), u("会议"), u("版本3.5发布，3 5不是。"));
    a.add(u("spaced"), u("会议"), u("版本3 5发布。"));
    // A user who types the comma means text with a comma there (either width, spaces aside).
    CHECK(sorted(a.keys(u("2024，年度"))) == QStringList{u("ascii"), u("comma")});
    CHECK(sorted(a.keys(u("2024,年度"))) == QStringList{u("ascii"), u("comma")});
    CHECK(a.keys(u("2024。年度")) == QStringList{u("period")});
    CHECK(a.keys(u("3.5")) == QStringList{u("version")});
    // Without punctuation the parts match in a row, with a separator or without.
    CHECK(sorted(a.keys(u("2024年度"))) == QStringList{u("ascii"), u("comma"), u("joined"), u("period")});
    // Punctuation at the ends of a term is no separator.
    CHECK(a.keys(u("，年度计划。")).size() == 4);
    // The reader marks only the place with the punctuation.
    CHECK(SearchIndex::matchRanges(u("3.5"), u("版本3.5发布，3 5不是")) == QList<TextRange>{{2, 5}});
}

TEST_CASE("Latin words do not match the pinyin of titles, only the syllables in a row do")
{
    Archive a;
    a.add(u("reading"), u("黎明报社出头"), u("会议召开。"));
    a.add(u("latin"), u("会议"), u("Li Na won, bao tou."));

    // "li" is one syllable of the title, but a word query looks at the text only.
    CHECK(a.keys(u("li")) == QStringList{u("latin")});
    // bao and tou are both syllables of the title, but no word of it reads baotou.
    CHECK(a.keys(u("bao tou")) == QStringList{u("latin")});
    CHECK(a.keys(u("liming")) == QStringList{u("reading")});
}

TEST_CASE("terms must all appear, OR offers alternatives and a minus excludes")
{
    Archive a;
    a.add(u("both"), u("会议"), u("包头 法院 apple"));
    a.add(u("first"), u("会议"), u("包头 检察院"));
    a.add(u("second"), u("会议"), u("赤峰 法院 banana"));
    CHECK(a.keys(u("包头 法院")) == QStringList{u("both")});
    CHECK(sorted(a.keys(u("包头 OR 法院"))) == QStringList{u("both"), u("first"), u("second")});
    CHECK(a.keys(u("包头 -法院")) == QStringList{u("first")});
    CHECK(a.keys(u("法院 -包")) == QStringList{u("second")});
    CHECK(a.keys(u("法 -包头")) == QStringList{u("second")});
    CHECK(a.keys(u("包 -apple")) == QStringList{u("first")});
    CHECK(sorted(a.keys(u("apple OR banana"))) == QStringList{u("both"), u("second")});
    CHECK(sorted(a.keys(u("检 OR banana"))) == QStringList{u("first"), u("second")});
    CHECK(sorted(a.keys(u("检 OR 赤"))) == QStringList{u("first"), u("second")});
    CHECK(a.keys(u("包 法院")) == QStringList{u("both")});
    CHECK(a.keys(u("\"包头 法\"")) == QStringList{u("both")});
    CHECK(a.keys(u("OR")).isEmpty());
    CHECK(a.keys(u("-法院")).isEmpty());
}

TEST_CASE("hostile queries are searched as text and never fail")
{
    Archive a;
    a.add(u("one"), u("会议"), u("包头 near(法院) a*b \"引号 x:y"));
    const QStringList hostile = {
        u("\""),
        u("\"包头"),
        u("包头\""),
        u("(包头"),
        u("包头)"),
        u("*"),
        u("包*"),
        u("a*b"),
        u("x:y"),
        u(":"),
        u("NEAR("),
        u("NEAR(包头"),
        u("near(法院)"),
        u("^包头"),
        u("-"),
        u("- -"),
        u("--"),
        u("AND"),
        u("NOT"),
        u("OR OR OR"),
        u("包头 OR"),
        u("{body}: 包头"),
        u("body:包头"),
        u("'; DROP TABLE article; --"),
        u("\"\""),
        u("()"),
        u("\\"),
        u("\x01\x02"),
        u("\xEE\x80\x80"),
        QString(10000, QLatin1Char('a')),
        QString(10000, QChar(0x5305)),
        u("包头 ").repeated(2000),
        QString(10000, QLatin1Char('"')),
        u("(").repeated(10000),
        u("'"),
        u("xi'an"),
        u("v"),
        u("bao tou ").repeated(2000),
        u("a,b,c,d,e,f"),
        u(",.;").repeated(3000),
        u("包,头.").repeated(2000),
    };
    for (const QString &query : hostile) {
        INFO(query.left(40).toStdString());
        QString error;
        const auto result = SearchIndex::search(a.connection(), query, {}, &error);
        CHECK(result);
        CHECK(error.isEmpty());
    }
    CHECK(a.keys(u("\"包头")) == QStringList{u("one")});
    CHECK(a.keys(u("NEAR(法院")) == QStringList{u("one")});
    CHECK(a.keys(u("x:y")) == QStringList{u("one")});
    CHECK(a.keys(u("a*b")) == QStringList{u("one")});
    CHECK(a.keys(u("包头 ").repeated(2000)) == QStringList{u("one")});
    CHECK(a.keys(u("'; DROP TABLE article; --")).isEmpty());
    CHECK(a.keys(u("包头")) == QStringList{u("one")});
}

TEST_CASE("the index follows an article that is updated, removed or deleted with its issue")
{
    Archive a;
    const qint64 id = a.add(u("k"), u("会议"), u("包头市召开会议"), u("2023-11-17"));
    a.add(u("other"), u("会议"), u("赤峰市召开会议"), u("2023-11-18"));
    REQUIRE(a.keys(u("包头")) == QStringList{u("k")});

    QSqlQuery q(a.connection());
    q.prepare(QStringLiteral("UPDATE article SET body = ? WHERE id = ?"));
    q.addBindValue(u("通辽市召开会议"));
    q.addBindValue(id);
    REQUIRE(q.exec());
    CHECK(a.keys(u("包头")).isEmpty());
    QString error;
    REQUIRE(SearchIndex::indexArticles(a.connection(), {id}, &error));
    CHECK(a.keys(u("包头")).isEmpty());
    CHECK(a.keys(u("通辽")) == QStringList{u("k")});
    CHECK(a.keys(u("会议")).size() == 2);

    // Indexing twice replaces rather than duplicates.
    REQUIRE(SearchIndex::indexArticles(a.connection(), {id, id}, &error));
    CHECK(a.keys(u("通辽")) == QStringList{u("k")});

    REQUIRE(SearchIndex::removeArticles(a.connection(), {id}, &error));
    CHECK(a.keys(u("通辽")).isEmpty());
    REQUIRE(SearchIndex::indexArticles(a.connection(), {id}, &error));
    REQUIRE(q.exec(QStringLiteral("DELETE FROM article WHERE id = %1").arg(id)));
    CHECK(a.keys(u("通辽")).isEmpty());
    CHECK(a.keys(u("会议")) == QStringList{u("other")});

    REQUIRE(q.exec(QStringLiteral("DELETE FROM issue")));
    CHECK(a.keys(u("会议")).isEmpty());
    REQUIRE(q.exec(QStringLiteral("SELECT count(*) FROM article_search")));
    REQUIRE(q.next());
    CHECK(q.value(0).toInt() == 0);
    // FTS5's own consistency check fails if a deleted article left tokens behind.
    CHECK(q.exec(QStringLiteral("INSERT INTO article_fts (article_fts, rank) VALUES ('integrity-check', 0)")));
}

TEST_CASE("rebuilding the index finds the same articles and reports progress")
{
    Archive a;
    for (int i = 0; i < 30; ++i)
        a.add(QStringLiteral("k%1").arg(i), u("会议"), i % 3 ? u("赤峰市召开会议") : u("包头市召开会议"));
    QList<qint64> seen;
    QString error;
    REQUIRE(SearchIndex::rebuild(
        a.connection(), [&](qint64 done, qint64 total) { seen << done << total; }, nullptr, &error));
    CHECK(a.keys(u("包头")).size() == 10);
    CHECK(a.keys(u("赤")).size() == 20);
    REQUIRE(seen.size() >= 4);
    CHECK(seen.last() == 30);
    CHECK(seen[seen.size() - 2] == 30);

    std::atomic<bool> cancel{true};
    CHECK_FALSE(SearchIndex::rebuild(a.connection(), {}, &cancel, &error));
    CHECK(error.contains(u("cancelled")));
}

TEST_CASE("hits come in issue date order and honour the date and issue filters")
{
    Archive a;
    a.add(u("late"), u("会议"), u("包头"), u("2023-12-01"));
    a.add(u("early"), u("会议"), u("包头"), u("2001-02-03"));
    a.add(u("middle"), u("会议"), u("包头"), u("2010-06-15"));
    CHECK(a.keys(u("包头")) == QStringList{u("early"), u("middle"), u("late")});
    SearchOptions options;
    options.sort = SearchOptions::Sort::DateDescending;
    CHECK(a.keys(u("包"), options) == QStringList{u("late"), u("middle"), u("early")});
    options = {};
    options.from = QDate(2005, 1, 1);
    options.to = QDate(2010, 6, 15);
    CHECK(a.keys(u("包头"), options) == QStringList{u("middle")});
    options = {};
    options.limit = 1;
    options.offset = 1;
    QString error;
    const auto page = SearchIndex::search(a.connection(), u("包头"), options, &error);
    REQUIRE(page);
    CHECK(page->total == 3);
    REQUIRE(page->hits.size() == 1);
    CHECK(page->hits.first().key == u("middle"));
    CHECK(page->hits.first().issueDate == u("2010-06-15"));
}

TEST_CASE("a title match ranks above a body match")
{
    Archive a;
    a.add(u("body"), u("会议"), u("赤峰市会议，包头代表出席。赤峰市会议。"));
    a.add(u("title"), u("包头召开会议"), u("赤峰市会议，代表出席。赤峰市会议。"));
    SearchOptions options;
    options.sort = SearchOptions::Sort::Relevance;
    CHECK(a.keys(u("包头"), options) == QStringList{u("title"), u("body")});
}

TEST_CASE("relevance ranks the newest matches and pages on through older ones newest first")
{
    Archive a;
    a.add(u("old-title"), u("包头会议"), u("代表出席。"), u("2001-01-01"));
    for (int year = 2002; year <= 2005; ++year)
        a.add(QStringLiteral("b%1").arg(year), u("会议"), u("赤峰市会议，包头代表出席。"),
              QStringLiteral("%1-01-01").arg(year));
    a.add(u("new-title"), u("包头会议"), u("代表出席。"), u("2006-01-01"));
    SearchOptions options;
    options.sort = SearchOptions::Sort::Relevance;
    // Without a window the oldest title match ranks right after the newest one.
    const QStringList unbounded = a.keys(u("包头"), options);
    REQUIRE(unbounded.size() == 6);
    CHECK(unbounded.mid(0, 2) == QStringList{u("new-title"), u("old-title")});

    options.rankWindow = 3;
    const QStringList expected{u("new-title"), u("b2005"), u("b2004"), u("b2003"), u("b2002"), u("old-title")};
    CHECK(a.keys(u("包头"), options) == expected);
    // Pages of two: the second straddles the window's edge, the third lies past it.
    QStringList paged;
    for (int offset = 0; offset < 8; offset += 2) {
        options.limit = 2;
        options.offset = offset;
        QString error;
        const auto page = SearchIndex::search(a.connection(), u("包头"), options, &error);
        REQUIRE(page);
        CHECK(page->total == 6);
        for (const auto &hit : page->hits)
            paged << hit.key;
    }
    CHECK(paged == expected);
}

TEST_CASE("undated articles sort before dated ones, however many there are")
{
    Archive a;
    // More undated articles than one date may hold, inserted and indexed in one go as import does.
    constexpr int Undated = 4200;
    QSqlQuery q(a.connection());
    REQUIRE(q.exec(QStringLiteral("INSERT INTO issue (source, name, date, imported) "
                                  "VALUES ('/tmp/undated', 'undated', NULL, '2024-01-01')")));
    const qint64 issueId = q.lastInsertId().toLongLong();
    const qint64 dated = a.add(u("dated"), u("会议"), u("包头代表出席。"), u("1950-01-01"));
    REQUIRE(q.exec(QStringLiteral("BEGIN")));
    QList<qint64> ids;
    REQUIRE(q.prepare(QStringLiteral("INSERT INTO article (key, issue_id, ordinal, title, display_title, body) "
                                     "VALUES (?, ?, ?, '会议', '会议', '包头代表出席。')")));
    for (int i = 0; i < Undated; ++i) {
        q.addBindValue(QStringLiteral("u%1").arg(i));
        q.addBindValue(issueId);
        q.addBindValue(i);
        REQUIRE(q.exec());
        ids << q.lastInsertId().toLongLong();
    }
    QString error;
    const bool indexed = SearchIndex::indexArticles(a.connection(), ids, &error);
    INFO(error.toStdString());
    REQUIRE(indexed);
    REQUIRE(q.exec(QStringLiteral("COMMIT")));
    CHECK(dated < ids.first());

    SearchOptions options;
    options.limit = 1;
    options.offset = Undated;
    auto result = SearchIndex::search(a.connection(), u("包头"), options, &error);
    REQUIRE(result);
    CHECK(result->total == Undated + 1);
    REQUIRE(result->hits.size() == 1);
    CHECK(result->hits.first().key == u("dated"));
    options.offset = 0;
    result = SearchIndex::search(a.connection(), u("包"), options, &error);
    REQUIRE(result);
    REQUIRE(result->hits.size() == 1);
    CHECK(result->hits.first().key == u("u0"));
    options = {};
    options.from = QDate(1900, 1, 1);
    CHECK(a.keys(u("包头"), options) == QStringList{u("dated")});
}

TEST_CASE("an index emptied by a change of its format is filled again in the background")
{
    Archive a;
    a.add(u("a"), u("会议"), u("包头市召开会议。"), u("2001-01-01"));
    a.add(u("b"), u("包头新闻"), u("赤峰市。"), u("2002-01-01"));
    a.add(u("c"), u("会议"), u("赤峰市召开会议。"), u("2003-01-01"));
    REQUIRE(a.keys(u("包头")) == QStringList{u("a"), u("b")});
    {
        // An archive of the previous format: migration 0007 runs again when it opens.
        QSqlQuery q(a.connection());
        REQUIRE(q.exec(QStringLiteral("DROP TABLE pinyin_word")));
        REQUIRE(q.exec(QStringLiteral("PRAGMA user_version = 6"))); // the version before 0007
    }
    CHECK_FALSE(SearchIndex::isEmptyForArticles(a.connection()));
    a.reopen();
    CHECK(a.keys(u("包头")).isEmpty());
    CHECK(SearchIndex::isEmptyForArticles(a.connection()));

    baokan::store::ReindexJob job(&a.database());
    QSignalSpy progress(&job, &baokan::store::ReindexJob::progressChanged);
    QSignalSpy finished(&job, &baokan::store::ReindexJob::finished);
    QSignalSpy failed(&job, &baokan::store::ReindexJob::failed);
    job.start();
    REQUIRE(finished.wait(30000));
    CHECK(failed.isEmpty());
    CHECK(finished.first().first().toLongLong() == 3);
    REQUIRE(!progress.isEmpty());
    CHECK(progress.last().at(0).toLongLong() == 3);
    CHECK(a.keys(u("包头")) == QStringList{u("a"), u("b")});
    CHECK(a.keys(u("赤")) == QStringList{u("b"), u("c")});
    // The rebuilt index filled the pinyin vocabulary again.
    CHECK(a.keys(u("baotou")) == QStringList{u("a"), u("b")});
    CHECK_FALSE(SearchIndex::isEmptyForArticles(a.connection()));

    // Nothing is missing now: a second run indexes nothing.
    QString error;
    const auto again = SearchIndex::indexMissing(a.connection(), {}, nullptr, &error);
    REQUIRE(again);
    CHECK(*again == 0);
    QSqlQuery q(a.connection());
    CHECK(q.exec(QStringLiteral("INSERT INTO article_fts (article_fts, rank) VALUES ('integrity-check', 0)")));
}

TEST_CASE("match ranges are code points and snippets mark every match")
{
    // U+20000 takes two UTF-16 units but one code point.
    const QString text = QString::fromUcs4(U"\U00020000包头市，包 头，包");
    CHECK(SearchIndex::matchRanges(u("包头"), text) == QList<TextRange>{{1, 3}, {5, 8}});
    CHECK(SearchIndex::matchRanges(u("包"), text) == QList<TextRange>{{1, 2}, {5, 6}, {9, 10}});
    CHECK(SearchIndex::matchRanges(u("包头市"), text) == QList<TextRange>{{1, 4}});
    CHECK(SearchIndex::matchRanges(u("-包头 赤峰"), text).isEmpty());
    CHECK(SearchIndex::matchRanges(u("baotou"), text) == QList<TextRange>{{1, 3}});
    CHECK(SearchIndex::matchRanges(u("bao tou shi"), text) == QList<TextRange>{{1, 4}});
    const QString snippet = SearchIndex::snippet(u("在包头召开"), SearchIndex::matchRanges(u("包头"), u("在包头召开")));
    CHECK(snippet == u("在") + QChar(SearchIndex::MatchOpen) + u("包头") + QChar(SearchIndex::MatchClose) + u("召开"));
}

TEST_CASE("a second thread searches through its own connection")
{
    Archive a;
    a.add(u("k"), u("会议"), u("包头市召开会议"));
    Database &database = a.database();
    QStringList keys;
    QString error;
    std::thread worker([&] {
        const auto result = SearchIndex::search(database.connection(), u("包头"), {}, &error);
        if (result) {
            for (const auto &hit : result->hits)
                keys << hit.key;
        }
        database.closeThreadConnection();
    });
    worker.join();
    CHECK(error.isEmpty());
    CHECK(keys == QStringList{u("k")});
}

namespace {

QStringList keysContaining(const QSqlDatabase &db, const QString &text)
{
    QSqlQuery q(db);
    q.prepare(QStringLiteral("SELECT a.key FROM article_search_text v JOIN article a ON a.id = v.id "
                             "WHERE instr(v.everything, ?) > 0"));
    q.addBindValue(text);
    REQUIRE(q.exec());
    QStringList keys;
    while (q.next())
        keys << q.value(0).toString();
    keys.sort();
    return keys;
}

bool indexIsConsistent(const QSqlDatabase &db)
{
    QSqlQuery q(db);
    return q.exec(QStringLiteral("INSERT INTO article_fts (article_fts, rank) VALUES ('integrity-check', 0)")) &&
           q.exec(QStringLiteral("INSERT INTO article_uni (article_uni, rank) VALUES ('integrity-check', 0)"));
}

} // namespace

TEST_CASE("imported pages are searchable and a re-import of a changed page keeps the index in step")
{
    Archive a;
    QTemporaryDir pages;
    const QDir samples(QStringLiteral(BAOKAN_SAMPLE_DIR));
    QStringList files;
    for (const QString &name : samples.entryList({QStringLiteral("*.txt")}, QDir::Files, QDir::Name)) {
        const QString copy = pages.filePath(name);
        REQUIRE(QFile::copy(samples.filePath(name), copy));
        files << copy;
    }
    REQUIRE(files.size() == 5);
    baokan::store::Importer importer(&a.database());
    REQUIRE(importer.importPaths(files).error.isEmpty());

    const QStringList expected = keysContaining(a.connection(), u("包头"));
    REQUIRE(expected.size() >= 3);
    CHECK(sorted(a.keys(u("包头"))) == expected);
    CHECK(sorted(a.keys(u("baotou"))).size() >= 1);
    CHECK(indexIsConsistent(a.connection()));

    // A page rewritten so that 包头 disappears from it.
    QString text;
    QFile page;
    for (const QString &file : files) {
        page.setFileName(file);
        REQUIRE(page.open(QIODevice::ReadOnly));
        text = QString::fromUtf8(page.readAll());
        page.close();
        if (text.contains(u("包头")))
            break;
    }
    REQUIRE(text.contains(u("包头")));
    text.replace(u("包头"), u("赤峰"));
    REQUIRE(page.open(QIODevice::WriteOnly | QIODevice::Truncate));
    page.write(text.toUtf8());
    page.close();
    REQUIRE(importer.importPaths(files).error.isEmpty());

    const QStringList after = keysContaining(a.connection(), u("包头"));
    CHECK(after.size() < expected.size());
    CHECK(sorted(a.keys(u("包头"))) == after);
    CHECK(sorted(a.keys(u("赤峰"))) == keysContaining(a.connection(), u("赤峰")));
    CHECK(indexIsConsistent(a.connection()));
}

TEST_CASE("the issue, tag and entity filters narrow the hits")
{
    Archive a;
    const qint64 first = a.add(u("first"), u("会议"), u("包头市召开会议"), u("2023-11-17"));
    a.add(u("second"), u("会议"), u("包头市召开会议"), u("2023-11-18"));
    QSqlQuery q(a.connection());
    REQUIRE(q.exec(QStringLiteral("SELECT issue_id FROM article WHERE id = %1").arg(first)));
    REQUIRE(q.next());
    const qint64 issue = q.value(0).toLongLong();
    REQUIRE(q.exec(QStringLiteral("INSERT INTO tag (id, name, created) VALUES (7, 'x', 'now')")));
    REQUIRE(
        q.exec(QStringLiteral("INSERT INTO article_tag (article_key, tag_id, created) VALUES ('second', 7, 'now')")));
    q.prepare(QStringLiteral("INSERT INTO entity_mention (article_id, field, start, end, type, text) "
                             "VALUES (?, 'body', 0, 3, 'LOC', ?)"));
    q.addBindValue(first);
    q.addBindValue(u("包头市"));
    REQUIRE(q.exec());

    SearchOptions options;
    options.issueId = issue;
    CHECK(a.keys(u("包头"), options) == QStringList{u("first")});
    CHECK(a.keys(u("包"), options) == QStringList{u("first")});
    options = {};
    options.tagId = 7;
    CHECK(a.keys(u("包头"), options) == QStringList{u("second")});
    options = {};
    options.entity = u("包头市");
    CHECK(a.keys(u("会议"), options) == QStringList{u("first")});
}

TEST_CASE("a person named only in an article's body is found by pinyin right after import")
{
    Archive a;
    baokan::store::Importer importer(&a.database());
    REQUIRE(importer.importPaths({QStringLiteral(BAOKAN_SAMPLE_DIR "/000_8cb0eb0426f5551b.txt")}).error.isEmpty());

    QSqlQuery q(a.connection());
    REQUIRE(q.exec(QStringLiteral("SELECT DISTINCT a.key, a.display_title FROM entity_mention m "
                                  "JOIN article a ON a.id = m.article_id WHERE m.type = 'PER' AND m.text = '白永平'")));
    QStringList expected;
    while (q.next()) {
        CHECK_FALSE(q.value(1).toString().contains(u("白永平")));
        expected << q.value(0).toString();
    }
    REQUIRE_FALSE(expected.isEmpty());
    // No reindex in between: the importer must have indexed the names it recognized.
    CHECK(sorted(a.keys(u("baiyongping"))) == sorted(expected));
}
