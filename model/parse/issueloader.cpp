// SPDX-License-Identifier: MIT
#include "parse/issueloader.h"

#include "parse/issuedate.h"
#include "parse/pageparser.h"
#include "text/textdecoder.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>

namespace baokan::parse {

std::optional<Issue> IssueLoader::load(const QString &path, QString *error)
{
    const QFileInfo info(path);
    QStringList files;
    if (info.isDir()) {
        const QDir dir(path);
        for (const QString &name : dir.entryList(QDir::Files, QDir::Name))
            files << dir.absoluteFilePath(name);
    } else {
        files << info.absoluteFilePath();
    }
    QStringList texts;
    for (const QString &file : files) {
        QFile f(file);
        if (!f.open(QIODevice::ReadOnly)) {
            if (error)
                *error = QStringLiteral("%1: %2").arg(file, f.errorString());
            return std::nullopt;
        }
        QString why;
        const auto decoded = text::TextDecoder::decode(f.readAll(), &why);
        if (!decoded) {
            if (error)
                *error = QStringLiteral("%1: %2").arg(file, why);
            return std::nullopt;
        }
        texts << decoded->text;
    }
    Issue issue = fromTexts(info.fileName(), texts);
    issue.sourcePath = info.absoluteFilePath();
    issue.pages = files;
    return issue;
}

Issue IssueLoader::fromTexts(const QString &name, const QStringList &pageTexts)
{
    Issue issue;
    issue.name = name;
    const PageParser parser;
    for (int i = 0; i < pageTexts.size(); ++i) {
        for (Article article : parser.parsePage(pageTexts.at(i))) {
            article.page = i;
            issue.articles << article;
        }
    }
    issue.date = IssueDate::infer(issue.articles);
    issue.dateInferred = true;
    return issue;
}

} // namespace baokan::parse
