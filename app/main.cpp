// SPDX-License-Identifier: MIT
#include "commands.h"

#include <QCoreApplication>
#include <QTextStream>

#include <cstdio>
#include <functional>
#include <map>

namespace {

struct Verb
{
    std::function<int(const QStringList &)> run;
    const char *usage; // after "baokan "
};

const std::map<QString, Verb> &verbs()
{
    static const std::map<QString, Verb> table = {
        {QStringLiteral("parse"), {baokan::app::runParse, "parse [--json] FILE..."}},
        {QStringLiteral("ner"), {baokan::app::runNer, "ner --jsonl"}},
        {QStringLiteral("entities"), {baokan::app::runEntities, "entities --json FILE..."}},
        {QStringLiteral("import"), {baokan::app::runImport, "import [--db PATH] PATH..."}},
        {QStringLiteral("articles"), {baokan::app::runArticles, "articles [--db PATH] [--json]"}},
        {QStringLiteral("search"), {baokan::app::runSearch, "search [--db PATH] [--limit N] [--json] QUERY"}},
        {QStringLiteral("reindex"), {baokan::app::runReindex, "reindex [--db PATH]"}},
        {QStringLiteral("recognize"), {baokan::app::runRecognize, "recognize [--db PATH] [--check|--stale]"}},
        {QStringLiteral("tag"), {baokan::app::runTag, "tag add|remove [--db PATH] ARTICLE_KEY TAG"}},
        {QStringLiteral("note"), {baokan::app::runNote, "note add [--db PATH] ARTICLE_KEY [--quote TEXT] TEXT"}},
        {QStringLiteral("export-notes"),
         {baokan::app::runExportNotes,
          "export-notes [--db PATH] [-o FILE] [--tag TAG]... [--issue NAME]\n"
          "                           [--encoding utf-8|gb18030] [--no-bom] [--format csv|json]"}},
        {QStringLiteral("import-notes"), {baokan::app::runImportNotes, "import-notes [--db PATH] FILE.json"}},
    };
    return table;
}

void printUsage()
{
    QTextStream err(stderr);
    err << "usage: baokan [--db PATH] [--screenshot FILE.png [--search QUERY]]\n";
    for (const auto &[name, verb] : verbs())
        err << "       baokan " << verb.usage << "\n";
}

// "--help" or "-h" among a verb's options (before "--"): without this check a verb would take it
// for a query or a path, and open (or create) the archive first.
bool asksForHelp(const QStringList &args)
{
    for (const QString &arg : args) {
        if (arg == QLatin1String("--"))
            return false;
        if (arg == QLatin1String("--help") || arg == QLatin1String("-h"))
            return true;
    }
    return false;
}

} // namespace

int main(int argc, char **argv)
{
    if (argc > 1) {
        const QString first = QString::fromLocal8Bit(argv[1]);
        const auto verb = verbs().find(first);
        if (verb != verbs().end()) {
            QCoreApplication app(argc, argv);
            QCoreApplication::setApplicationName(QStringLiteral("baokan"));
            const QStringList args = QCoreApplication::arguments().mid(2);
            if (asksForHelp(args)) {
                QTextStream(stdout) << "usage: baokan " << verb->second.usage << "\n";
                return 0;
            }
            return verb->second.run(args);
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
