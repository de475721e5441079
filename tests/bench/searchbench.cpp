// SPDX-License-Identifier: MIT
// Search benchmark (issue 6): builds synthetic archives by recombining sentences of the sample
// pages, indexes them the way import does, and prints latencies, build rate and index size next
// to ripgrep over the same text. Prints figures; asserts nothing. Not part of CTest.
//
//   searchbench --help

#include "store/database.h"
#include "store/searchindex.h"

#include <QCoreApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QProcess>
#include <QRegularExpression>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTextStream>

#include <sqlite3.h>
#include <sys/resource.h>

#include <algorithm>
#include <cstdio>
#include <ctime>
#include <random>
#include <vector>

using baokan::store::Database;
using baokan::store::SearchIndex;
using baokan::store::SearchOptions;

namespace {

constexpr int ArticlesPerIssue = 20;
constexpr int ArticlesPerFile = 1000;
// Injected once in this many articles, so "rare" stays rare at every archive size.
constexpr int RareEvery = 49999;

const char Usage[] = "usage: searchbench [--articles N]... [--dir DIR] [--runs R] [--no-rg] [--optimize] [--keep]\n"
                     "                   [--schema FILE.sql]\n"
                     "       searchbench --db ARCHIVE [--raw DIR] [--runs R] [--no-rg]\n"
                     "\n"
                     "The first form generates archives of N articles (default 100000) from sentences of the sample\n"
                     "pages, indexes them as import does, and prints the index build rate, index size / raw text and\n"
                     "query latencies beside ripgrep over the same text written to DIR/searchbench-XXXXXX/raw.\n"
                     "  --articles N   archive size; repeat for several sizes\n"
                     "  --dir DIR      where the temporary archive and raw files go (default: the temp dir)\n"
                     "  --keep         keep them (then query again with --db DIR/searchbench-XXXXXX/bench.sqlite)\n"
                     "  --runs R       timed runs per query after one warm-up (default 20)\n"
                     "  --no-rg        skip the ripgrep baseline\n"
                     "  --optimize     also merge the index into one segment and query again\n"
                     "  --schema FILE  run FILE's SQL after opening the fresh archive (to try other FTS5 options)\n"
                     "The second form only queries an existing archive, e.g. one `baokan import` made of the pages\n"
                     "of bench_generate_archive; --raw names the text for ripgrep (default: raw/ beside ARCHIVE).\n";

QTextStream &out()
{
    static QTextStream s(stdout);
    return s;
}

QStringList sampleSentences()
{
    QStringList sentences;
    const QDir dir(QStringLiteral(BAOKAN_SAMPLE_DIR));
    for (const QString &name : dir.entryList({QStringLiteral("*.txt")}, QDir::Files, QDir::Name)) {
        QFile f(dir.filePath(name));
        if (!f.open(QIODevice::ReadOnly))
            continue;
        QString text = QString::fromUtf8(f.readAll());
        // The pages' hard wraps and spurious spaces would make odd sentences; rejoin them.
        text.remove(QRegularExpression(QStringLiteral("(?<=\\p{Han})[ \\n](?=\\p{Han})")));
        for (QString s : text.split(QRegularExpression(QStringLiteral("(?<=[。！？!?])|\\n")), Qt::SkipEmptyParts)) {
            s = s.trimmed();
            if (s.size() >= 6)
                sentences << s;
        }
    }
    return sentences;
}

struct Generated
{
    qint64 rawBytes = 0;
    double indexSeconds = 0;
    double indexCpuSeconds = 0;
    double totalSeconds = 0;
};

double threadCpuMs()
{
    timespec ts{};
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
    return ts.tv_sec * 1e3 + ts.tv_nsec / 1e6;
}

// CPU time of finished child processes (ripgrep), user + system.
double childrenCpuMs()
{
    rusage usage{};
    getrusage(RUSAGE_CHILDREN, &usage);
    return (usage.ru_utime.tv_sec + usage.ru_stime.tv_sec) * 1e3 +
           (usage.ru_utime.tv_usec + usage.ru_stime.tv_usec) / 1e3;
}

QString loadAverage()
{
    QFile f(QStringLiteral("/proc/loadavg"));
    return f.open(QIODevice::ReadOnly) ? QString::fromLatin1(f.readAll()).section(QLatin1Char(' '), 0, 2)
                                       : QStringLiteral("?");
}

double percentile(std::vector<double> v, double p)
{
    if (v.empty())
        return 0;
    std::sort(v.begin(), v.end());
    const size_t i = std::min(v.size() - 1, size_t(p * double(v.size() - 1) + 0.5));
    return v[i];
}

bool exec(sqlite3 *h, const char *sql)
{
    char *message = nullptr;
    if (sqlite3_exec(h, sql, nullptr, nullptr, &message) == SQLITE_OK)
        return true;
    std::fprintf(stderr, "%s: %s\n", sql, message);
    sqlite3_free(message);
    return false;
}

// Inserts rows with plain SQL (no parser) and indexes each batch in the same transaction, as
// the importer does; writes the same text to files for ripgrep.
std::optional<Generated> generate(Database &db, int count, const QString &rawDir)
{
    const QStringList sentences = sampleSentences();
    if (sentences.isEmpty()) {
        std::fprintf(stderr, "no sample sentences in %s\n", BAOKAN_SAMPLE_DIR);
        return std::nullopt;
    }
    std::mt19937_64 random(20231117);
    auto pick = [&](int n) { return int(random() % quint64(n)); };
    QSqlDatabase connection = db.connection();
    sqlite3 *h = Database::handle(connection);
    sqlite3_stmt *issue = nullptr, *article = nullptr;
    sqlite3_prepare_v2(h, "INSERT INTO issue (source, name, date, imported) VALUES (?1, ?1, ?2, '2024-01-01')", -1,
                       &issue, nullptr);
    sqlite3_prepare_v2(h,
                       "INSERT INTO article (key, issue_id, ordinal, title, display_title, reporters, body) "
                       "VALUES (?, ?, ?, ?, ?, ?, ?)",
                       -1, &article, nullptr);
    Generated g;
    QElapsedTimer total, part;
    total.start();
    const QDate first(1990, 1, 1);
    qint64 issueId = 0;
    QFile raw;
    QList<qint64> batch;
    for (int i = 0; i < count; ++i) {
        if (i % ArticlesPerFile == 0) {
            if (i > 0) {
                part.start();
                const double cpu = threadCpuMs();
                QString error;
                if (!SearchIndex::indexArticles(connection, batch, &error)) {
                    std::fprintf(stderr, "index: %s\n", qPrintable(error));
                    return std::nullopt;
                }
                batch.clear();
                g.indexSeconds += part.nsecsElapsed() / 1e9;
                g.indexCpuSeconds += (threadCpuMs() - cpu) / 1e3;
                exec(h, "COMMIT");
            }
            exec(h, "BEGIN IMMEDIATE");
            raw.close();
            raw.setFileName(QStringLiteral("%1/%2.txt").arg(rawDir).arg(i / ArticlesPerFile, 5, 10, QLatin1Char('0')));
            raw.open(QIODevice::WriteOnly);
        }
        if (i % ArticlesPerIssue == 0) {
            const QByteArray date = first.addDays(i / ArticlesPerIssue).toString(Qt::ISODate).toUtf8();
            const QByteArray source = "/bench/" + date;
            sqlite3_bind_text(issue, 1, source.constData(), int(source.size()), SQLITE_TRANSIENT);
            sqlite3_bind_text(issue, 2, date.constData(), int(date.size()), SQLITE_TRANSIENT);
            sqlite3_step(issue);
            sqlite3_reset(issue);
            issueId = sqlite3_last_insert_rowid(h);
        }
        QString title = sentences[pick(int(sentences.size()))].left(4 + pick(16));
        QStringList paragraphs;
        const int n = 6 + pick(15);
        QString paragraph;
        for (int s = 0; s < n; ++s) {
            paragraph += sentences[pick(int(sentences.size()))];
            if (pick(3) == 0) {
                paragraphs << paragraph;
                paragraph.clear();
            }
        }
        if (i % RareEvery == 7)
            paragraph += QString::fromUtf8("本次鲲鹏计划顺利完成。");
        paragraphs << paragraph;
        const QByteArray key = "bench-" + QByteArray::number(i);
        const QByteArray titleUtf8 = title.toUtf8();
        const QByteArray body = paragraphs.join(QLatin1Char('\n')).toUtf8();
        const QByteArray reporters = QByteArray("记者") + QByteArray::number(pick(100));
        sqlite3_bind_text(article, 1, key.constData(), int(key.size()), SQLITE_TRANSIENT);
        sqlite3_bind_int64(article, 2, issueId);
        sqlite3_bind_int(article, 3, i % ArticlesPerIssue);
        sqlite3_bind_text(article, 4, titleUtf8.constData(), int(titleUtf8.size()), SQLITE_TRANSIENT);
        sqlite3_bind_text(article, 5, titleUtf8.constData(), int(titleUtf8.size()), SQLITE_TRANSIENT);
        sqlite3_bind_text(article, 6, reporters.constData(), int(reporters.size()), SQLITE_TRANSIENT);
        sqlite3_bind_text(article, 7, body.constData(), int(body.size()), SQLITE_TRANSIENT);
        if (sqlite3_step(article) != SQLITE_DONE) {
            std::fprintf(stderr, "insert: %s\n", sqlite3_errmsg(h));
            return std::nullopt;
        }
        sqlite3_reset(article);
        batch << sqlite3_last_insert_rowid(h);
        g.rawBytes += titleUtf8.size() + body.size() + reporters.size();
        // One article per line, so that rg -c counts articles.
        raw.write(titleUtf8 + ' ' + QByteArray(body).replace('\n', ' ') + '\n');
    }
    QString error;
    part.start();
    const double cpu = threadCpuMs();
    if (!SearchIndex::indexArticles(connection, batch, &error)) {
        std::fprintf(stderr, "index: %s\n", qPrintable(error));
        return std::nullopt;
    }
    g.indexSeconds += part.nsecsElapsed() / 1e9;
    g.indexCpuSeconds += (threadCpuMs() - cpu) / 1e3;
    exec(h, "COMMIT");
    raw.close();
    sqlite3_finalize(issue);
    sqlite3_finalize(article);
    g.totalSeconds = total.nsecsElapsed() / 1e9;
    return g;
}

qint64 indexBytes(Database &db)
{
    QSqlQuery q(db.connection());
    if (q.exec(QStringLiteral("SELECT sum(pgsize) FROM dbstat WHERE name LIKE 'article_fts%' "
                              "OR name LIKE 'article_uni%' OR name LIKE '%article_search%' OR name = 'pinyin_word'")) &&
        q.next())
        return q.value(0).toLongLong();
    return -1;
}

// Where the index's bytes are, table by table: what each FTS5 option would save.
void printIndexTables(Database &db)
{
    QSqlQuery q(db.connection());
    if (!q.exec(QStringLiteral("SELECT name, sum(pgsize) FROM dbstat WHERE name LIKE 'article_fts%' "
                               "OR name LIKE 'article_uni%' OR name LIKE '%article_search%' OR name = 'pinyin_word' "
                               "GROUP BY name "
                               "ORDER BY 2 DESC")))
        return;
    out() << "index tables (MB):";
    while (q.next())
        out() << ' ' << q.value(0).toString() << ' ' << QString::number(q.value(1).toDouble() / 1e6, 'f', 1);
    out() << '\n';
}

// For an archive made elsewhere (baokan import): the indexed text's size is what raw text means.
void printArchiveSize(Database &db)
{
    QSqlQuery q(db.connection());
    qint64 raw = -1, articles = 0;
    if (q.exec(QStringLiteral("SELECT count(*), sum(length(CAST(everything AS BLOB))) FROM article_search_text")) &&
        q.next()) {
        articles = q.value(0).toLongLong();
        raw = q.value(1).toLongLong();
    }
    const qint64 bytes = indexBytes(db);
    out() << QStringLiteral("%1 articles, indexed text %2 MB; index %3 MB = %4 x indexed text; load average %5\n")
                 .arg(articles)
                 .arg(raw / 1e6, 0, 'f', 1)
                 .arg(bytes / 1e6, 0, 'f', 1)
                 .arg(raw > 0 ? double(bytes) / double(raw) : 0.0, 0, 'f', 3)
                 .arg(loadAverage());
    printIndexTables(db);
    out().flush();
}

void runQueries(Database &db, const QString &rawDir, int runs, bool withRg)
{
    const QStringList queries = {
        QString::fromUtf8("法"),       QString::fromUtf8("的"),       QString::fromUtf8("包头"),
        QString::fromUtf8("内蒙古"),   QString::fromUtf8("人民法院"), QString::fromUtf8("周强"),
        QString::fromUtf8("孙建民"),   QStringLiteral("baotou"),      QString::fromUtf8("\"社会治理现代化\""),
        QString::fromUtf8("鲲鹏计划"), QString::fromUtf8("內蒙古"),   QString::fromUtf8("包头 -法院"),
        QString::fromUtf8("工作"),
    };
    out() << QStringLiteral("%1 %2 %3 %4 %5 %6 %7 %8 %9\n")
                 .arg(QStringLiteral("query"), -20)
                 .arg(QStringLiteral("total"), 8)
                 .arg(QStringLiteral("page p50"), 9)
                 .arg(QStringLiteral("p95"), 7)
                 .arg(QStringLiteral("cpu p95"), 8)
                 .arg(QStringLiteral("count p50"), 10)
                 .arg(QStringLiteral("p95"), 7)
                 .arg(QStringLiteral("cpu p95"), 8)
                 .arg(QStringLiteral("rg -c p50"), 10)
          << QStringLiteral("%1 %2 %3 %4 %5 %6\n")
                 .arg(QStringLiteral("rg/page"), 8)
                 .arg(QStringLiteral("rel p50"), 8)
                 .arg(QStringLiteral("rel p95"), 8)
                 .arg(QStringLiteral("cpu p95"), 8)
                 .arg(QStringLiteral("rg cpu"), 8)
                 .arg(QStringLiteral("rg/page cpu"), 12)
          << "(ms, wall clock unless cpu; page = first 50 hits by date; rel = first 50 by relevance)\n";
    out().flush();
    QSqlDatabase connection = db.connection();
    for (const QString &query : queries) {
        SearchOptions options;
        options.limit = 50;
        options.countTotal = false;
        std::vector<double> page, count, pageCpu, countCpu, relevance, relevanceCpu;
        SearchOptions ranked = options;
        ranked.sort = SearchOptions::Sort::Relevance;
        qint64 total = -1;
        QString error;
        for (int r = 0; r <= runs; ++r) {
            QElapsedTimer t;
            t.start();
            double cpu = threadCpuMs();
            const auto result = SearchIndex::search(connection, query, options, &error);
            const double pageMs = t.nsecsElapsed() / 1e6;
            const double pageCpuMs = threadCpuMs() - cpu;
            t.start();
            cpu = threadCpuMs();
            const auto n = SearchIndex::count(connection, query, options, &error);
            const double countMs = t.nsecsElapsed() / 1e6;
            const double countCpuMs = threadCpuMs() - cpu;
            t.start();
            cpu = threadCpuMs();
            const auto byRelevance = SearchIndex::search(connection, query, ranked, &error);
            const double relevanceMs = t.nsecsElapsed() / 1e6;
            const double relevanceCpuMs = threadCpuMs() - cpu;
            if (!result || !n || !byRelevance) {
                std::fprintf(stderr, "%s: %s\n", qPrintable(query), qPrintable(error));
                break;
            }
            total = *n;
            if (r == 0)
                continue; // warm-up
            page.push_back(pageMs);
            count.push_back(countMs);
            pageCpu.push_back(pageCpuMs);
            countCpu.push_back(countCpuMs);
            relevance.push_back(relevanceMs);
            relevanceCpu.push_back(relevanceCpuMs);
        }
        double rgMs = 0, rgCpuMs = 0;
        if (withRg) {
            // ripgrep counting matching articles (one per line) reads all the text for every
            // query: what a user without an index waits for to know what matches.
            std::vector<double> rg, rgCpu;
            QString literal = query;
            literal.remove(QLatin1Char('"'));
            literal = literal.section(QLatin1Char(' '), 0, 0);
            for (int r = 0; r < 3; ++r) {
                QElapsedTimer t;
                t.start();
                const double cpu = childrenCpuMs();
                QProcess p;
                p.setStandardOutputFile(QProcess::nullDevice());
                p.start(QStringLiteral("rg"), {QStringLiteral("-c"), QStringLiteral("-F"), QStringLiteral("-j2"),
                                               QStringLiteral("--"), literal, rawDir});
                p.waitForFinished(-1);
                rg.push_back(t.nsecsElapsed() / 1e6);
                rgCpu.push_back(childrenCpuMs() - cpu);
            }
            rgMs = percentile(rg, 0.5);
            rgCpuMs = percentile(rgCpu, 0.5);
        }
        const double pageP95 = percentile(page, 0.95);
        out() << QStringLiteral("%1 %2 %3 %4 %5 %6 %7 %8 %9")
                     .arg(query.left(18), -20)
                     .arg(total, 8)
                     .arg(percentile(page, 0.5), 9, 'f', 2)
                     .arg(pageP95, 7, 'f', 2)
                     .arg(percentile(pageCpu, 0.95), 8, 'f', 2)
                     .arg(percentile(count, 0.5), 10, 'f', 2)
                     .arg(percentile(count, 0.95), 7, 'f', 2)
                     .arg(percentile(countCpu, 0.95), 8, 'f', 2)
                     .arg(rgMs, 10, 'f', 1)
              << QStringLiteral("%1x %2 %3 %4 %5 %6x\n")
                     .arg(withRg && pageP95 > 0 ? rgMs / pageP95 : 0.0, 7, 'f', 0)
                     .arg(percentile(relevance, 0.5), 8, 'f', 2)
                     .arg(percentile(relevance, 0.95), 8, 'f', 2)
                     .arg(percentile(relevanceCpu, 0.95), 8, 'f', 2)
                     .arg(rgCpuMs, 8, 'f', 1)
                     .arg(withRg && percentile(pageCpu, 0.95) > 0 ? rgCpuMs / percentile(pageCpu, 0.95) : 0.0, 11, 'f',
                          0);
        out().flush();
    }
    out() << "load average after the queries: " << loadAverage() << '\n';
    out().flush();
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    QList<int> sizes;
    QString dirArg;
    QString existing;
    int runs = 20;
    bool withRg = true;
    bool optimize = false;
    bool keep = false;
    QString schema;
    QString rawArg;
    const QStringList args = app.arguments().mid(1);
    for (int i = 0; i < args.size(); ++i) {
        if (args[i] == QLatin1String("--articles") && i + 1 < args.size())
            sizes << args[++i].toInt();
        else if (args[i] == QLatin1String("--dir") && i + 1 < args.size())
            dirArg = args[++i];
        else if (args[i] == QLatin1String("--runs") && i + 1 < args.size())
            runs = args[++i].toInt();
        else if (args[i] == QLatin1String("--no-rg"))
            withRg = false;
        else if (args[i] == QLatin1String("--db") && i + 1 < args.size())
            existing = args[++i];
        else if (args[i] == QLatin1String("--keep"))
            keep = true;
        else if (args[i] == QLatin1String("--optimize"))
            optimize = true;
        else if (args[i] == QLatin1String("--schema") && i + 1 < args.size())
            schema = args[++i];
        else if (args[i] == QLatin1String("--raw") && i + 1 < args.size())
            rawArg = args[++i];
        else {
            std::fputs(Usage, args[i] == QLatin1String("--help") ? stdout : stderr);
            return args[i] == QLatin1String("--help") ? 0 : 2;
        }
    }
    if (!existing.isEmpty()) {
        // Queries only, on an archive kept by an earlier --keep run (raw text beside it).
        Database db(existing);
        QString error;
        if (!db.open(&error)) {
            std::fprintf(stderr, "%s\n", qPrintable(error));
            return 1;
        }
        printArchiveSize(db);
        runQueries(db, rawArg.isEmpty() ? QFileInfo(existing).dir().filePath(QStringLiteral("raw")) : rawArg, runs,
                   withRg);
        db.closeThreadConnection();
        return 0;
    }
    if (sizes.isEmpty())
        sizes << 100000;

    for (const int size : sizes) {
        QTemporaryDir temp(dirArg.isEmpty() ? QDir::tempPath() + QStringLiteral("/searchbench-XXXXXX")
                                            : dirArg + QStringLiteral("/searchbench-XXXXXX"));
        temp.setAutoRemove(!keep);
        const QString rawDir = temp.filePath(QStringLiteral("raw"));
        QDir().mkpath(rawDir);
        Database db(temp.filePath(QStringLiteral("bench.sqlite")));
        QString error;
        if (!db.open(&error)) {
            std::fprintf(stderr, "%s\n", qPrintable(error));
            return 1;
        }
        if (!schema.isEmpty()) {
            QFile f(schema);
            if (!f.open(QIODevice::ReadOnly) || !exec(Database::handle(db.connection()), f.readAll().constData()))
                return 1;
        }
        out() << "== " << size << " articles ==\n";
        out().flush();
        const auto g = generate(db, size, rawDir);
        if (!g)
            return 1;
        const double indexSeconds = g->indexSeconds;
        out() << QStringLiteral(
                     "raw text %1 MB; generate+insert+index %2 s = %3 articles/s; index alone %4 s = %5 articles/s\n")
                     .arg(g->rawBytes / 1e6, 0, 'f', 1)
                     .arg(g->totalSeconds, 0, 'f', 1)
                     .arg(size / g->totalSeconds, 0, 'f', 0)
                     .arg(indexSeconds, 0, 'f', 1)
                     .arg(size / indexSeconds, 0, 'f', 0)
              << QStringLiteral("index CPU time %1 s = %2 articles per CPU second; load average %3\n")
                     .arg(g->indexCpuSeconds, 0, 'f', 1)
                     .arg(size / g->indexCpuSeconds, 0, 'f', 0)
                     .arg(loadAverage());
        const qint64 bytes = indexBytes(db);
        out() << QStringLiteral("index %1 MB = %2 x raw text\n")
                     .arg(bytes / 1e6, 0, 'f', 1)
                     .arg(double(bytes) / double(g->rawBytes), 0, 'f', 3);
        printIndexTables(db);
        out().flush();
        runQueries(db, rawDir, runs, withRg);
        if (optimize) {
            QElapsedTimer t;
            t.start();
            QSqlQuery q(db.connection());
            q.exec(QStringLiteral("INSERT INTO article_fts (article_fts) VALUES ('optimize')"));
            q.exec(QStringLiteral("INSERT INTO article_uni (article_uni) VALUES ('optimize')"));
            const qint64 optimized = indexBytes(db);
            out() << QStringLiteral("after optimize (%1 s): index %2 MB = %3 x raw text\n")
                         .arg(t.nsecsElapsed() / 1e9, 0, 'f', 1)
                         .arg(optimized / 1e6, 0, 'f', 1)
                         .arg(double(optimized) / double(g->rawBytes), 0, 'f', 3);
            printIndexTables(db);
            out().flush();
            runQueries(db, rawDir, runs, false);
        }
        db.closeThreadConnection();
    }
    return 0;
}
