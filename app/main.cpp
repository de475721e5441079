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
    QTextStream err(stderr);
    err << "usage: baokan [--db PATH] [--screenshot FILE.png]\n"
           "       baokan parse [--json] FILE...\n";
}

} // namespace

int main(int argc, char **argv)
{
    using Verb = std::function<int(const QStringList &)>;
    const std::map<QString, Verb> verbs = {
        {QStringLiteral("parse"), baokan::app::runParse},
        {QStringLiteral("ner"), baokan::app::runNer},
        {QStringLiteral("entities"), baokan::app::runEntities},
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
