// SPDX-License-Identifier: MIT
#include "commands.h"

#include "entities/articlefields.h"
#include "parse/issuejson.h"
#include "parse/issueloader.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QTextStream>

namespace baokan::app {

int runEntities(const QStringList &args)
{
    QStringList files;
    for (const QString &arg : args) {
        if (arg == QLatin1String("--json"))
            continue; // JSON is the only output format
        files << arg;
    }
    QTextStream err(stderr);
    if (files.isEmpty()) {
        err << "usage: baokan entities [--json] FILE...\n";
        return 2;
    }
    int status = 0;
    QJsonArray issues;
    for (const QString &file : files) {
        QString error;
        const auto issue = parse::IssueLoader::load(file, &error);
        if (!issue) {
            err << "baokan: " << error << '\n';
            status = 1;
            continue;
        }
        // The document of `baokan parse --json`, with the mentions added to each article.
        QJsonObject json = parse::IssueJson::issue(*issue);
        QJsonArray articles = json.value(QStringLiteral("articles")).toArray();
        for (qsizetype i = 0; i < articles.size() && i < issue->articles.size(); ++i) {
            QJsonArray mentions;
            for (const entities::FieldMention &m : entities::ArticleFields::mentions(issue->articles[i])) {
                mentions.append(QJsonObject{
                    {QStringLiteral("text"), m.text},
                    {QStringLiteral("type"), entities::entityTypeName(m.mention.type)},
                    {QStringLiteral("field"), m.field},
                    {QStringLiteral("start"), m.mention.start},
                    {QStringLiteral("end"), m.mention.end},
                });
            }
            QJsonObject article = articles[i].toObject();
            article.insert(QStringLiteral("entities"), mentions);
            articles[i] = article;
        }
        json.insert(QStringLiteral("articles"), articles);
        issues.append(json);
    }
    QFile out;
    if (!out.open(stdout, QIODevice::WriteOnly))
        return 1;
    out.write(QJsonDocument(QJsonObject{{QStringLiteral("issues"), issues}}).toJson(QJsonDocument::Compact));
    out.write("\n");
    return status;
}

} // namespace baokan::app
