// SPDX-License-Identifier: MIT
// Prints how long the tag views take on a large synthetic archive: the tag filter's article keys
// (any and all of two tags, across every issue), the article list's first page with its tags, a
// whole filtered list paged in, and refreshing the tags of every loaded row after an edit.
// Usage: bench_tags [ARTICLES] [TAGGED_PERCENT]
#include "models/articlelistmodel.h"
#include "store/database.h"
#include "store/tagstore.h"
#include "store/transaction.h"

#include <QCoreApplication>
#include <QDate>
#include <QElapsedTimer>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTextStream>

#include <algorithm>
#include <vector>

using namespace baokan;

namespace {

// Median of several runs, in milliseconds.
template<typename F>
double medianMs(int runs, F &&work)
{
    std::vector<double> ms;
    for (int i = 0; i < runs; ++i) {
        QElapsedTimer timer;
        timer.start();
        work();
        ms.push_back(timer.nsecsElapsed() / 1e6);
    }
    std::sort(ms.begin(), ms.end());
    return ms[ms.size() / 2];
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    const int articles = argc > 1 ? QString::fromLocal8Bit(argv[1]).toInt() : 100000;
    const int percent = argc > 2 ? QString::fromLocal8Bit(argv[2]).toInt() : 20;
    const int perIssue = 30;
    QTextStream out(stdout);
    QTemporaryDir dir;
    store::Database db(dir.filePath(QStringLiteral("tags.sqlite")));
    QString error;
    if (!db.open(&error)) {
        out << "cannot open: " << error << '\n';
        return 1;
    }

    // Rows written directly: the bench measures reading, not import.
    QStringList tagged;
    {
        store::Transaction t(db.connection());
        QSqlQuery issue(db.connection());
        issue.prepare(QStringLiteral("INSERT INTO issue (source, name, date, date_inferred, imported) "
                                     "VALUES (?, ?, ?, 0, '2024-01-01T00:00:00Z')"));
        QSqlQuery article(db.connection());
        article.prepare(QStringLiteral("INSERT INTO article (key, issue_id, ordinal, title, display_title, body, "
                                       "char_count) VALUES (?, ?, ?, ?, ?, '', 0)"));
        qint64 issueId = 0;
        for (int i = 0; i < articles; ++i) {
            if (i % perIssue == 0) {
                issue.addBindValue(QStringLiteral("gen:%1").arg(i));
                issue.addBindValue(QStringLiteral("第%1期").arg(i / perIssue));
                issue.addBindValue(QDate(1990, 1, 1).addDays(i / perIssue).toString(Qt::ISODate));
                issue.exec();
                issueId = issue.lastInsertId().toLongLong();
            }
            const QString key = QStringLiteral("k%1").arg(i);
            article.addBindValue(key);
            article.addBindValue(issueId);
            article.addBindValue(i % perIssue);
            article.addBindValue(QStringLiteral("第%1篇文章的标题").arg(i));
            article.addBindValue(QStringLiteral("第%1篇文章的标题").arg(i));
            article.exec();
            if (i % 100 < percent)
                tagged << key;
        }
        t.commit();
    }
    store::TagStore tags(&db);
    QElapsedTimer timer;
    timer.start();
    tags.addTag(tagged, QStringLiteral("法治"));
    tags.addTag(tagged.mid(0, tagged.size() / 2), QStringLiteral("包头"));
    out << articles << " articles, " << tagged.size() << " tagged 法治, " << tagged.size() / 2
        << " also 包头 (tagging took " << timer.elapsed() << " ms)\n";
    const qint64 law = tags.findByName(QStringLiteral("法治"))->id;
    const qint64 city = tags.findByName(QStringLiteral("包头"))->id;

    QStringList keys;
    out << "tag filter keys, any of two tags: "
        << medianMs(5,
                    [&] {
                        keys = tags.articlesInReadingOrder({law, city}, false);
                    })
        << " ms median (" << keys.size() << " keys)\n";
    out << "tag filter keys, all of two tags: "
        << medianMs(5,
                    [&] {
                        keys = tags.articlesInReadingOrder({law, city}, true);
                    })
        << " ms median (" << keys.size() << " keys)\n";
    keys = tags.articlesInReadingOrder({law, city}, false);

    models::ArticleListModel model(&db);
    const double issuePage = medianMs(9, [&] {
        model.setIssue(1);
        model.fetchMore({});
    });
    out << "first page of one issue with tags (" << model.rowCount() << " rows): " << issuePage << " ms median\n";
    const double filterPage = medianMs(9, [&] {
        model.setArticleKeys(keys);
        model.fetchMore({});
    });
    out << "first page of the filtered list with tags (" << model.rowCount() << " rows): " << filterPage
        << " ms median\n";
    const double all = medianMs(1, [&] {
        model.setArticleKeys(keys);
        while (model.canFetchMore({}))
            model.fetchMore({});
    });
    out << "whole filtered list paged in (" << model.rowCount() << " rows): " << all << " ms\n";
    tags.renameTag(city, QStringLiteral("包头市"));
    out << "refreshTags over " << model.rowCount()
        << " loaded rows after a rename: " << medianMs(3, [&] { model.refreshTags(); }) << " ms median\n";
    return 0;
}
