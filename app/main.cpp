// SPDX-License-Identifier: MIT
#include "commands.h"

#include <QCoreApplication>
#include <QTextStream>

#include <cstdio>
#include <functional>
#include <map>

namespace {

void printUsage()
{
    QTextStream(stderr) << "usage: baokan [--db PATH] [--screenshot FILE.png [--search QUERY]]\n"
                           "       baokan parse [--json] FILE...\n"
                           "       baokan ner --jsonl\n"
                           "       baokan entities --json FILE...\n"
                           "       baokan import [--db PATH] PATH...\n"
                           "       baokan articles [--db PATH] [--json]\n"
                           "       baokan search [--db PATH] [--limit N] [--json] QUERY\n"
                           "       baokan reindex [--db PATH]\n"
                           "       baokan recognize [--db PATH]\n"
                           "       baokan tag add|remove [--db PATH] ARTICLE_KEY TAG\n"
                           "       baokan note add [--db PATH] ARTICLE_KEY [--quote TEXT] TEXT\n"
                           "       baokan export-notes [--db PATH] [-o FILE] [--tag TAG]... [--issue NAME]\n"
                           "                           [--encoding utf-8|gb18030] [--no-bom] [--format csv|json]\n"
                           "       baokan import-notes [--db PATH] FILE.json\n";
}

} // namespace

int main(int argc, char **argv)
{
    using Verb = std::function<int(const QStringList &)>;
    const std::map<QString, Verb> verbs = {
        {QStringLiteral("parse"), baokan::app::runParse},
        {QStringLiteral("import"), baokan::app::runImport},
        {QStringLiteral("articles"), baokan::app::runArticles},
        {QStringLiteral("search"), baokan::app::runSearch},
        {QStringLiteral("reindex"), baokan::app::runReindex},
        {QStringLiteral("tag"), baokan::app::runTag},
        {QStringLiteral("note"), baokan::app::runNote},
        {QStringLiteral("export-notes"), baokan::app::runExportNotes},
        {QStringLiteral("import-notes"), baokan::app::runImportNotes},
        {QStringLiteral("ner"), baokan::app::runNer},
        {QStringLiteral("entities"), baokan::app::runEntities},
        {QStringLiteral("recognize"), baokan::app::runRecognize},
    };
    if (argc > 1) {
        const QString first = QString::fromLocal8Bit(argv[1]);
        const auto verb = verbs.find(first);
        if (verb != verbs.end()) {
            QCoreApplication app(argc, argv);
            QCoreApplication::setApplicationName(QStringLiteral("baokan"));
            QStringList args = QCoreApplication::arguments().mid(2);
            return verb->second(args);
        }
        if (first == QLatin1String("--help") || first == QLatin1String("-h")) {
            printUsage();
            return 0;
        }
        if (!first.startsWith(QLatin1Char('-'))) {
            QTextStream(stderr) << "baokan: unknown command '" << first << "'\n";
            printUsage();
            return 2;
        }
    }
    return baokan::app::runGui(argc, argv);
}
