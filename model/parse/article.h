// SPDX-License-Identifier: MIT
#pragma once

#include <QDate>
#include <QList>
#include <QString>
#include <QStringList>

namespace baokan::parse {

// One article as the parser found it on a page. A null QString means the page prints none.
struct Article
{
    QString title;
    QString kicker;   // 引题, above the title
    QString subtitle; // 副题, often after ——
    QString dateline; // "呼和浩特" from "呼和浩特讯"
    QStringList reporters;
    QStringList correspondents; // 通讯员
    QStringList interns;        // 实习生
    QStringList photographers;
    QString source; // "自治区司法厅" from "（自治区司法厅供稿）"
    QStringList paragraphs;
    QStringList captions;
    int page = 0; // index of the page within its issue

    QString body() const { return paragraphs.join(QLatin1Char('\n')); }

    // The printed title, or for an article without one its first sentence (shortened), so that
    // lists can always show something that reads like a title.
    QString displayTitle() const;
};

// One issue of the paper: a page file, or a folder whose files are its pages in name order.
struct Issue
{
    QString name;       // file name of the page, or the folder's name
    QString sourcePath; // absolute path of the file or folder it was read from
    QStringList pages;  // absolute paths of the page files, in order
    QDate date;         // invalid when no date could be found
    bool dateInferred = true;
    QList<Article> articles;
};

} // namespace baokan::parse
