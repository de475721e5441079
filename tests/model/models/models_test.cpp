// SPDX-License-Identifier: MIT
#include "archivetestsupport.h"
#include "models/articlelistmodel.h"
#include "models/issuelistmodel.h"
#include "store/articlestore.h"
#include "store/database.h"
#include "store/importer.h"
#include "store/issuestore.h"
#include "store/tagstore.h"

#include <catch2/catch.hpp>

#include <QAbstractItemModelTester>
#include <QFont>
#include <QSet>
#include <QSignalSpy>
#include <QSqlQuery>
#include <QTemporaryDir>

#include <memory>

using namespace baokan;
using models::ArticleListModel;
using models::IssueListModel;

namespace {

using Mode = QAbstractItemModelTester::FailureReportingMode;

// Qt 6.4's tester fetches more rows from inside its modelReset handler and then reports the
// insertion as overlapping the reset; so each tester here is attached after the last reset.

struct Archive
{
    QTemporaryDir dir;
    store::Database db{dir.filePath(QStringLiteral("archive.sqlite"))};
    Archive()
    {
        REQUIRE(db.open());
        store::Importer importer(&db);
        REQUIRE(importer.importPaths(test::samplePages()).issuesAdded == 5);
    }
};

void fetchAll(QAbstractItemModel &model)
{
    while (model.canFetchMore({}))
        model.fetchMore({});
}

// Many small issues, to see paging cross batch boundaries.
void addIssues(const store::Database &db, int count)
{
    QSqlQuery q(db.connection());
    q.exec(QStringLiteral("BEGIN"));
    q.prepare(QStringLiteral("INSERT INTO issue (source, name, date, date_inferred, imported) "
                             "VALUES (:source, :name, :date, 0, datetime('now'))"));
    for (int i = 0; i < count; ++i) {
        q.bindValue(QStringLiteral(":source"), QStringLiteral("gen:%1").arg(i));
        q.bindValue(QStringLiteral(":name"), QStringLiteral("gen %1").arg(i));
        // Later than any sample page, so that the generated issues come first.
        q.bindValue(QStringLiteral(":date"), QDate(2100, 1, 1).addDays(i).toString(Qt::ISODate));
        q.exec();
    }
    QSqlQuery(db.connection()).exec(QStringLiteral("COMMIT"));
}

} // namespace

TEST_CASE("the issue model passes the model tester while it pages and edits")
{
    Archive a;
    addIssues(a.db, 450);
    IssueListModel model(&a.db);
    CHECK(model.rowCount() == 0);
    CHECK(model.canFetchMore({}));
    model.fetchMore({});
    CHECK(model.rowCount() == IssueListModel::kBatchSize);
    QAbstractItemModelTester tester(&model, Mode::Fatal);
    fetchAll(model);
    CHECK(model.rowCount() == 455);
    CHECK(model.totalCount() == 455);
    CHECK(model.columnCount() == IssueListModel::ColumnCount);

    // Newest first: the generated issues are dated, the later the newer.
    CHECK(model.index(0, IssueListModel::NameColumn).data().toString() == QStringLiteral("gen 449"));
    CHECK(model.index(1, IssueListModel::NameColumn).data().toString() == QStringLiteral("gen 448"));

    const QModelIndex name = model.index(3, IssueListModel::NameColumn);
    CHECK(model.flags(name).testFlag(Qt::ItemIsEditable));
    CHECK_FALSE(model.flags(model.index(3, IssueListModel::ArticleCountColumn)).testFlag(Qt::ItemIsEditable));
    QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
    REQUIRE(model.setData(name, QStringLiteral("创刊号")));
    CHECK(changed.count() == 1);
    CHECK(name.data().toString() == QStringLiteral("创刊号"));
    const qint64 id = name.data(IssueListModel::IssueIdRole).toLongLong();
    CHECK(store::IssueStore(&a.db).issue(id)->userName == QStringLiteral("创刊号"));

    const QModelIndex date = model.index(3, IssueListModel::DateColumn);
    CHECK_FALSE(model.setData(date, QStringLiteral("not a date")));
    REQUIRE(model.setData(date, QStringLiteral("1999-12-31")));
    CHECK(date.data().toString() == QStringLiteral("1999-12-31"));
    CHECK(store::IssueStore(&a.db).issue(id)->userDate == QDate(1999, 12, 31));
}

TEST_CASE("reloading the issue model starts again from the first batch")
{
    Archive a;
    addIssues(a.db, 450);
    IssueListModel model(&a.db);
    fetchAll(model);
    CHECK(model.rowCount() == 455);
    const qint64 id = model.issueId(300);
    model.reload();
    CHECK(model.rowCount() == 0);
    QAbstractItemModelTester tester(&model, Mode::Fatal);
    fetchAll(model);
    CHECK(model.rowCount() == 455);
    CHECK(model.indexOfIssue(id).isValid());
}

TEST_CASE("an inferred date is shown in italics with a tooltip, a known one is not")
{
    Archive a;
    addIssues(a.db, 1);
    // Only two dated issues: one generated with a known date, one sample page with an inferred one.
    QSqlQuery(a.db.connection()).exec(QStringLiteral("UPDATE issue SET date = NULL WHERE source NOT LIKE 'gen:%'"));
    QSqlQuery(a.db.connection())
        .exec(QStringLiteral("UPDATE issue SET date = '2023-11-15', date_inferred = 1 WHERE source LIKE '%000_%'"));
    IssueListModel model(&a.db);
    QAbstractItemModelTester tester(&model, Mode::Fatal);
    fetchAll(model);
    int inferred = 0;
    int known = 0;
    for (int row = 0; row < model.rowCount(); ++row) {
        const QModelIndex date = model.index(row, IssueListModel::DateColumn);
        if (date.data().toString().isEmpty())
            continue;
        if (date.data(IssueListModel::DateInferredRole).toBool()) {
            ++inferred;
            CHECK(qvariant_cast<QFont>(date.data(Qt::FontRole)).italic());
            CHECK(date.data(Qt::ToolTipRole).toString() == QStringLiteral("date inferred from the text"));
        } else {
            ++known;
            CHECK_FALSE(date.data(Qt::FontRole).isValid());
        }
    }
    CHECK(inferred == 1);
    CHECK(known == 1);
}

TEST_CASE("the article model lists an issue's articles in page order under the model tester")
{
    Archive a;
    ArticleListModel model(&a.db);
    CHECK(model.rowCount() == 0);
    CHECK_FALSE(model.canFetchMore({}));
    const store::IssueRecord issue = store::IssueStore(&a.db).issues(0, 1).value(0);
    model.setIssue(issue.id);
    QAbstractItemModelTester tester(&model, Mode::Fatal);
    fetchAll(model);
    REQUIRE(model.rowCount() == issue.articleCount);
    const QStringList keys = store::ArticleStore(&a.db).keysInIssue(issue.id);
    for (int row = 0; row < model.rowCount(); ++row) {
        const QModelIndex title = model.index(row, ArticleListModel::TitleColumn);
        CHECK(title.data(ArticleListModel::ArticleKeyRole).toString() == keys.at(row));
        const auto article = store::ArticleStore(&a.db).articleByKey(keys.at(row));
        REQUIRE(article);
        CHECK(title.data(ArticleListModel::ArticleIdRole).toLongLong() == article->id);
        CHECK(title.data(ArticleListModel::HasPrintedTitleRole).toBool() == article->hasPrintedTitle());
        CHECK(title.data().toString() == (article->hasPrintedTitle() ? article->title : article->displayTitle));
        CHECK(qvariant_cast<QFont>(title.data(Qt::FontRole)).italic() == !article->hasPrintedTitle());
        CHECK(title.data(Qt::ForegroundRole).isValid() == !article->hasPrintedTitle());
        CHECK(model.index(row, ArticleListModel::ReportersColumn).data().toString() ==
              article->reporters.join(QStringLiteral("、")));
        const QString detail = article->kicker.isEmpty() ? article->subtitle : article->kicker;
        CHECK(model.index(row, ArticleListModel::DetailColumn).data().toString() == detail);
    }
    CHECK(model.indexOfKey(keys.last()).row() == keys.size() - 1);
    CHECK_FALSE(model.indexOfKey(QStringLiteral("no-such-key")).isValid());
}

TEST_CASE("the article model lists given keys in their order and skips keys of removed articles")
{
    Archive a;
    QStringList keys = test::keys(a.db);
    REQUIRE(keys.size() >= 3);
    // More keys than one batch, with unknown keys in between, to cross batch boundaries.
    QStringList wanted;
    for (int i = 0; i < 150; ++i)
        wanted << QStringLiteral("gone-%1").arg(i);
    wanted << keys.at(2) << keys.at(0);
    for (int i = 0; i < 100; ++i)
        wanted << QStringLiteral("later-%1").arg(i);
    wanted << keys.at(1);
    ArticleListModel model(&a.db);
    model.setArticleKeys(wanted);
    auto tester = std::make_unique<QAbstractItemModelTester>(&model, Mode::Fatal);
    fetchAll(model);
    REQUIRE(model.rowCount() == 3);
    CHECK(model.articleKey(0) == keys.at(2));
    CHECK(model.articleKey(1) == keys.at(0));
    CHECK(model.articleKey(2) == keys.at(1));

    // Keys limited to one issue.
    const auto first = store::ArticleStore(&a.db).articleByKey(keys.at(0));
    ArticleListModel::Filter filter;
    filter.keys = keys;
    filter.issueId = first->issueId;
    tester.reset();
    model.setFilter(filter);
    tester = std::make_unique<QAbstractItemModelTester>(&model, Mode::Fatal);
    fetchAll(model);
    CHECK(model.rowCount() == store::ArticleStore(&a.db).countInIssue(first->issueId));
}

TEST_CASE("the article model pages an issue larger than one batch")
{
    Archive a;
    const store::IssueRecord issue = store::IssueStore(&a.db).issues(0, 1).value(0);
    QSqlQuery q(a.db.connection());
    q.exec(QStringLiteral("BEGIN"));
    q.prepare(QStringLiteral("INSERT INTO article (key, issue_id, ordinal, display_title, body) "
                             "VALUES (:key, :issue, :ordinal, :title, '')"));
    for (int i = 0; i < 450; ++i) {
        q.bindValue(QStringLiteral(":key"), QStringLiteral("gen-%1").arg(i));
        q.bindValue(QStringLiteral(":issue"), issue.id);
        q.bindValue(QStringLiteral(":ordinal"), 1000 + i);
        q.bindValue(QStringLiteral(":title"), QStringLiteral("第%1篇").arg(i));
        REQUIRE(q.exec());
    }
    QSqlQuery(a.db.connection()).exec(QStringLiteral("COMMIT"));
    ArticleListModel model(&a.db);
    model.setIssue(issue.id);
    model.fetchMore({});
    CHECK(model.rowCount() == ArticleListModel::kBatchSize);
    QAbstractItemModelTester tester(&model, Mode::Fatal);
    const QModelIndex found = model.indexOfKey(QStringLiteral("gen-449"));
    REQUIRE(found.isValid());
    CHECK(found.data().toString() == QStringLiteral("第449篇"));
    fetchAll(model);
    CHECK(model.rowCount() == issue.articleCount + 450);
}

TEST_CASE("article rows carry their tags and colours, read with the batch, not per paint")
{
    Archive a;
    const store::IssueRecord issue = store::IssueStore(&a.db).issues(0, 1).value(0);
    const QStringList keys = store::ArticleStore(&a.db).keysInIssue(issue.id);
    REQUIRE(keys.size() >= 3);
    store::TagStore tags(&a.db);
    REQUIRE(tags.addTag({keys.at(0), keys.at(2)}, QStringLiteral("法治")));
    REQUIRE(tags.addTag({keys.at(0)}, QStringLiteral("包头")));
    const store::Tag law = *tags.findByName(QStringLiteral("法治"));
    const store::Tag city = *tags.findByName(QStringLiteral("包头"));

    ArticleListModel model(&a.db);
    model.setIssue(issue.id);
    QAbstractItemModelTester tester(&model, Mode::Fatal);
    fetchAll(model);
    const QModelIndex first = model.index(0, ArticleListModel::TitleColumn);
    // Sorted by name: 包 (U+5305) before 法 (U+6CD5).
    CHECK(first.data(ArticleListModel::TagNamesRole).toStringList() == QStringList{city.name, law.name});
    CHECK(first.data(ArticleListModel::TagColorsRole).toStringList() == QStringList{city.color, law.color});
    CHECK(model.index(1, 0).data(ArticleListModel::TagNamesRole).toStringList().isEmpty());
    CHECK(first.data(Qt::ToolTipRole).toString().contains(QStringLiteral("包头、法治")));
    CHECK(model.index(2, 0).data(ArticleListModel::TagNamesRole).toStringList() == QStringList{law.name});

    // Served from memory: a change in the archive shows only once the model is told.
    REQUIRE(tags.renameTag(law.id, QStringLiteral("法治建设")));
    CHECK(first.data(ArticleListModel::TagNamesRole).toStringList() == QStringList{city.name, law.name});
    QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
    model.refreshTags();
    REQUIRE(changed.count() == 2); // rows 0 and 2, the rows carrying the renamed tag
    CHECK(changed.at(0).at(0).toModelIndex().row() == 0);
    CHECK(changed.at(1).at(0).toModelIndex().row() == 2);
    CHECK(changed.at(0).at(2).value<QList<int>>().contains(ArticleListModel::TagNamesRole));
    CHECK(first.data(ArticleListModel::TagNamesRole).toStringList() ==
          QStringList{city.name, QStringLiteral("法治建设")});
    changed.clear();
    model.refreshTags();
    CHECK(changed.isEmpty());
}

TEST_CASE("a tag filter's list holds articles of several issues with their issue dates under the model tester")
{
    Archive a;
    const QList<store::IssueRecord> issues = store::IssueStore(&a.db).issues(0, 5);
    REQUIRE(issues.size() == 5);
    store::TagStore tags(&a.db);
    QStringList tagged;
    for (const store::IssueRecord &issue : issues)
        tagged << store::ArticleStore(&a.db).keysInIssue(issue.id).value(0);
    REQUIRE(tags.addTag(tagged, QStringLiteral("法治")));
    const qint64 law = tags.findByName(QStringLiteral("法治"))->id;

    ArticleListModel model(&a.db);
    model.setArticleKeys(tags.articlesInReadingOrder({law}, false));
    CHECK(model.isKeyList());
    QAbstractItemModelTester tester(&model, Mode::Fatal);
    fetchAll(model);
    REQUIRE(model.rowCount() == 5);
    QSet<qint64> issueIds;
    QDate previous;
    for (int row = 0; row < model.rowCount(); ++row) {
        const auto article = store::ArticleStore(&a.db).articleByKey(model.articleKey(row));
        REQUIRE(article);
        issueIds << article->issueId;
        const QDate date = model.index(row, 0).data(ArticleListModel::IssueDateRole).toDate();
        CHECK(date == article->issueDate);
        CHECK(model.index(row, ArticleListModel::IssueDateColumn).data().toString() ==
              (date.isValid() ? date.toString(Qt::ISODate) : QString()));
        // Newest issue first; undated issues last.
        if (previous.isValid() && date.isValid())
            CHECK(date <= previous);
        if (!previous.isValid() && row > 0)
            CHECK_FALSE(date.isValid());
        previous = date;
        CHECK(model.index(row, 0).data(ArticleListModel::TagNamesRole).toStringList() ==
              QStringList{QStringLiteral("法治")});
    }
    CHECK(issueIds.size() == 5);
    ArticleListModel oneIssue(&a.db);
    oneIssue.setIssue(issues.first().id);
    CHECK_FALSE(oneIssue.isKeyList());
}

TEST_CASE("an issue imported from a file is listed without its extension and content hash, stored as imported")
{
    CHECK(store::IssueRecord::readableName(QStringLiteral("000_8cb0eb0426f5551b.txt")) == QStringLiteral("000"));
    CHECK(store::IssueRecord::readableName(QStringLiteral("法治日报-2023-11-15.TXT")) ==
          QStringLiteral("法治日报-2023-11-15"));
    // A date in the name is not a hash, a folder's dot is not an extension, a word is kept.
    CHECK(store::IssueRecord::readableName(QStringLiteral("page_20231115.txt")) == QStringLiteral("page_20231115"));
    CHECK(store::IssueRecord::readableName(QStringLiteral("2023.11")) == QStringLiteral("2023.11"));
    CHECK(store::IssueRecord::readableName(QStringLiteral("第一期_deadbeef")) == QStringLiteral("第一期_deadbeef"));
    // Nothing left but the hash: the name stays as it was.
    CHECK(store::IssueRecord::readableName(QStringLiteral("8cb0eb0426f5551b.txt")) ==
          QStringLiteral("8cb0eb0426f5551b"));

    Archive a;
    IssueListModel model(&a.db);
    fetchAll(model);
    REQUIRE(model.rowCount() == 5);
    QStringList shown;
    for (int row = 0; row < model.rowCount(); ++row)
        shown << model.index(row, IssueListModel::NameColumn).data().toString();
    shown.sort();
    CHECK(shown == QStringList{QStringLiteral("000"), QStringLiteral("001"), QStringLiteral("002"),
                               QStringLiteral("003"), QStringLiteral("004")});

    // Committing the editor unchanged pins nothing; a new name is the user's, the stored name stays.
    const QModelIndex name = model.index(0, IssueListModel::NameColumn);
    const qint64 id = name.data(IssueListModel::IssueIdRole).toLongLong();
    const QString stored = store::IssueStore(&a.db).issue(id)->name;
    CHECK(stored.endsWith(QStringLiteral(".txt")));
    REQUIRE(model.setData(name, name.data(Qt::EditRole)));
    CHECK(store::IssueStore(&a.db).issue(id)->userName.isNull());
    REQUIRE(model.setData(name, QStringLiteral("创刊号")));
    CHECK(store::IssueStore(&a.db).issue(id)->userName == QStringLiteral("创刊号"));
    CHECK(store::IssueStore(&a.db).issue(id)->name == stored);
}
