// SPDX-License-Identifier: MIT
#include "commands.h"

#include "store/articlestore.h"
#include "store/database.h"
#include "store/samplearchive.h"

#include <QCoreApplication>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTextStream>

namespace baokan::app {

int runArticles(const QStringList &args)
{
    QTextStream err(stderr);
    QString dbPath;
    bool json = false;
    for (int i = 0; i < args.size(); ++i) {
        if (args.at(i) == QLatin1String("--db") && i + 1 < args.size()) {
            dbPath = args.at(++i);
        } else if (args.at(i).startsWith(QLatin1String("--db="))) {
            dbPath = args.at(i).mid(5);
        } else if (args.at(i) == QLatin1String("--json")) {
            json = true;
        } else {
            err << "usage: baokan articles [--db PATH] [--json]\n";
            return 2;
        }
    }
    if (QCoreApplication::organizationName().isEmpty())
        QCoreApplication::setOrganizationName(QStringLiteral("baokan"));
    if (dbPath.isEmpty())
        dbPath = store::SampleArchive::defaultPath();

    store::Database db(dbPath);
    QString error;
    if (!store::SampleArchive::prepare(&db, &error)) {
        err << "baokan: " << error << '\n';
        return 1;
    }
    QFile out;
    if (!out.open(stdout, QIODevice::WriteOnly))
        return 1;
    const store::ArticleStore articles(&db);
    bool ok = false;
    if (json) {
        QJsonArray list;
        ok = articles.forEachListing(
            [&](const store::ArticleListing &a) {
                list.append(QJsonObject{
                    {QStringLiteral("key"), a.key},
                    {QStringLiteral("issue"), a.issueName},
                    {QStringLiteral("date"), a.issueDate.isValid() ? QJsonValue(a.issueDate.toString(Qt::ISODate))
                                                                   : QJsonValue(QJsonValue::Null)},
                    {QStringLiteral("title"), a.title},
                });
            },
            &error);
        out.write(QJsonDocument(list).toJson(QJsonDocument::Compact));
        out.write("\n");
    } else {
        // Tab-separated, one article a line: easy to cut, sort and grep.
        ok = articles.forEachListing(
            [&](const store::ArticleListing &a) {
                const QString date = a.issueDate.isValid() ? a.issueDate.toString(Qt::ISODate) : QStringLiteral("-");
                out.write((a.key + QLatin1Char('\t') + a.issueName + QLatin1Char('\t') + date + QLatin1Char('\t') +
                           a.title + QLatin1Char('\n'))
                              .toUtf8());
            },
            &error);
    }
    if (!ok) {
        err << "baokan: cannot read " << dbPath << ": " << error << '\n';
        return 1;
    }
    return 0;
}

} // namespace baokan::app
