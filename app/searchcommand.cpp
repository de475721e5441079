// SPDX-License-Identifier: MIT
#include "commands.h"

#include "store/database.h"
#include "store/samplearchive.h"
#include "store/searchindex.h"

#include <QCoreApplication>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTextStream>

namespace baokan::app {

namespace {

// Snippets mark matches with private-use characters; on a terminal and in JSON they become [ ].
QString printable(QString snippet)
{
    snippet.replace(QChar(store::SearchIndex::MatchOpen), QLatin1Char('['));
    snippet.replace(QChar(store::SearchIndex::MatchClose), QLatin1Char(']'));
    return snippet;
}

} // namespace

int runSearch(const QStringList &args)
{
    QTextStream err(stderr);
    const auto usage = [&] {
        err << "usage: baokan search [--db PATH] [--limit N] [--json] QUERY\n";
        return 2;
    };
    QString path;
    int limit = 50;
    bool json = false;
    QStringList words;
    bool options = true;
    for (int i = 0; i < args.size(); ++i) {
        const QString &arg = args[i];
        if (options && arg == QLatin1String("--")) {
            options = false;
        } else if (options && arg == QLatin1String("--json")) {
            json = true;
        } else if (options && (arg == QLatin1String("--db") || arg == QLatin1String("--limit"))) {
            if (i + 1 >= args.size())
                return usage();
            const QString value = args[++i];
            if (arg == QLatin1String("--db")) {
                path = value;
            } else {
                bool ok = false;
                limit = value.toInt(&ok);
                if (!ok || limit < 0) {
                    err << "baokan search: --limit needs a number, not '" << value << "'\n";
                    return 2;
                }
            }
        } else {
            words << arg;
        }
    }
    const QString query = words.join(QLatin1Char(' '));
    if (query.trimmed().isEmpty())
        return usage();
    // The same archive the window and the other verbs use: a new default one gets the samples.
    if (QCoreApplication::organizationName().isEmpty())
        QCoreApplication::setOrganizationName(QStringLiteral("baokan"));
    if (!path.isEmpty() && !QFileInfo::exists(path)) {
        err << "baokan search: there is no archive at " << path << '\n';
        return 1;
    }
    if (path.isEmpty())
        path = store::SampleArchive::defaultPath();

    store::Database database(path);
    QString error;
    if (!store::SampleArchive::prepare(&database, &error)) {
        err << "baokan search: " << error << '\n';
        return 1;
    }
    if (store::SearchIndex::isEmptyForArticles(database.connection())) {
        // The index format changed (migration 0005): index the archive again before searching it.
        err << "indexing the archive for search first...\n"; // progress, not an error: no prefix
        err.flush();
        if (!store::SearchIndex::indexMissing(database.connection(), {}, nullptr, &error)) {
            err << "baokan search: " << error << '\n';
            return 1;
        }
    }
    store::SearchOptions searchOptions;
    searchOptions.limit = limit;
    const auto result = store::SearchIndex::search(database.connection(), query, searchOptions, &error);
    if (!result) {
        err << "baokan search: " << error << '\n';
        return 1;
    }

    QFile out;
    if (!out.open(stdout, QIODevice::WriteOnly))
        return 1;
    if (json) {
        QJsonArray hits;
        for (const store::SearchHit &hit : result->hits) {
            hits.append(QJsonObject{{QStringLiteral("key"), hit.key},
                                    {QStringLiteral("date"), hit.issueDate},
                                    {QStringLiteral("title"), hit.title},
                                    {QStringLiteral("snippet"), printable(hit.snippet)}});
        }
        const QJsonObject object{{QStringLiteral("total"), result->total}, {QStringLiteral("hits"), hits}};
        out.write(QJsonDocument(object).toJson(QJsonDocument::Compact));
        out.write("\n");
        return 0;
    }
    QTextStream text(&out);
    for (const store::SearchHit &hit : result->hits) {
        text << (hit.issueDate.isEmpty() ? QStringLiteral("----------") : hit.issueDate) << "  " << hit.key << "  "
             << hit.title << "\n    " << printable(hit.snippet) << '\n';
    }
    text.flush();
    err << result->total << (result->total == 1 ? " article matches" : " articles match");
    if (result->total > result->hits.size())
        err << " (" << result->hits.size() << " shown)";
    err << '\n';
    return 0;
}

} // namespace baokan::app
