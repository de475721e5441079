// SPDX-License-Identifier: MIT
#include "commands.h"

#include "parse/issuejson.h"
#include "parse/issueloader.h"

#include <QFile>
#include <QTextStream>

namespace baokan::app {

int runParse(const QStringList &args)
{
    QStringList files;
    for (const QString &arg : args) {
        if (arg == QLatin1String("--json"))
            continue; // JSON is the only output format
        files << arg;
    }
    QTextStream err(stderr);
    if (files.isEmpty()) {
        err << "usage: baokan parse [--json] FILE...\n";
        return 2;
    }
    int status = 0;
    QList<parse::Issue> issues;
    for (const QString &file : files) {
        QString error;
        QStringList skipped;
        const auto issue = parse::IssueLoader::load(file, &error, &skipped);
        for (const QString &warning : std::as_const(skipped)) {
            err << "baokan: skipped " << warning << '\n';
            status = 1;
        }
        if (!issue) {
            err << "baokan: " << error << '\n';
            status = 1;
            continue;
        }
        if (issue->articles.isEmpty()) {
            // An empty or blank file parses to nothing; say so rather than print a quiet empty issue.
            err << "baokan: " << file << ": no articles found (the file is empty or holds no page text)\n";
            status = 1;
        }
        issues << *issue;
    }
    QFile out;
    if (!out.open(stdout, QIODevice::WriteOnly))
        return 1;
    out.write(parse::IssueJson::document(issues));
    out.write("\n");
    if (!out.flush()) {
        err << "baokan parse: cannot write the output: " << out.errorString() << '\n';
        return 1;
    }
    return status;
}

} // namespace baokan::app
