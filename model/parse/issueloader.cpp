// SPDX-License-Identifier: MIT
#include "parse/issueloader.h"

#include "parse/issuedate.h"
#include "parse/pageparser.h"
#include "text/textdecoder.h"

#include <QCollator>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QLocale>

#include <algorithm>

namespace baokan::parse {

namespace {

std::optional<QString> readPage(const QString &file, QString *error)
{
    QFile f(file);
    if (!f.open(QIODevice::ReadOnly)) {
        *error = QStringLiteral("%1: %2").arg(QDir::toNativeSeparators(file), f.errorString());
        return std::nullopt;
    }
    const QByteArray bytes = f.readAll();
    if (f.error() != QFileDevice::NoError) {
        // Not "empty": the file is there but could not be read to its end.
        *error = QStringLiteral("%1: cannot read: %2").arg(QDir::toNativeSeparators(file), f.errorString());
        return std::nullopt;
    }
    QString why;
    const auto decoded = text::TextDecoder::decode(bytes, &why);
    if (!decoded) {
        *error = QStringLiteral("%1: %2").arg(QDir::toNativeSeparators(file), why);
        return std::nullopt;
    }
    return decoded->text;
}

} // namespace

std::optional<Issue> IssueLoader::load(const QString &path, QString *error, QStringList *warnings)
{
    QString ignored;
    QString &why = error ? *error : ignored;
    const QFileInfo info(path);
    if (!info.exists()) {
        why = QStringLiteral("%1: no such file or folder").arg(QDir::toNativeSeparators(path));
        return std::nullopt;
    }
    if (!info.isDir() && !info.isFile()) {
        // A FIFO or device would block the read, or never end it.
        why = QStringLiteral("%1: not a regular file").arg(QDir::toNativeSeparators(path));
        return std::nullopt;
    }
    QStringList files;
    QStringList texts;
    if (info.isDir()) {
        const QDir dir(path);
        QStringList names = dir.entryList(QDir::Files);
        // Name order as people read it: page2 before page10.
        QCollator collator(QLocale(QLocale::Chinese, QLocale::China));
        collator.setNumericMode(true);
        std::sort(names.begin(), names.end(), collator);
        for (const QString &name : std::as_const(names)) {
            const QString file = dir.absoluteFilePath(name);
            QString problem;
            const auto text = readPage(file, &problem);
            if (!text) {
                if (warnings)
                    *warnings << problem;
                continue;
            }
            files << file;
            texts << *text;
        }
        if (files.isEmpty()) {
            why = QStringLiteral("%1: no readable page files in this folder").arg(QDir::toNativeSeparators(path));
            return std::nullopt;
        }
    } else {
        const auto text = readPage(info.absoluteFilePath(), &why);
        if (!text)
            return std::nullopt;
        files << info.absoluteFilePath();
        texts << *text;
    }
    Issue issue = fromTexts(info.fileName(), texts);
    issue.sourcePath = info.absoluteFilePath();
    issue.pages = files;
    return issue;
}

Issue IssueLoader::fromTexts(const QString &name, const QStringList &pageTexts, const std::atomic_bool *cancel)
{
    Issue issue;
    issue.name = name;
    const PageParser parser;
    for (int i = 0; i < pageTexts.size(); ++i) {
        if (isCancelled(cancel))
            return issue;
        for (Article &article : parser.parsePage(pageTexts.at(i), cancel)) {
            article.page = i;
            issue.articles << std::move(article);
        }
    }
    if (isCancelled(cancel))
        return issue;
    issue.date = QDate();
    for (const QString &text : pageTexts) {
        issue.date = IssueDate::printed(text);
        if (issue.date.isValid())
            break;
    }
    issue.dateInferred = !issue.date.isValid();
    if (issue.dateInferred)
        issue.date = IssueDate::infer(issue.articles);
    return issue;
}

} // namespace baokan::parse
