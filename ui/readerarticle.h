// SPDX-License-Identifier: MIT
#pragma once

#include "parse/article.h"

#include <QDate>
#include <QString>
#include <QStringList>

namespace baokan::ui {

// A tag as the reader shows it: a chip under the byline.
struct ReaderTag
{
    QString name;
    QString color; // #rrggbb
};

// Everything the reader shows of one article, independent of where it came from (the archive or
// a page parsed in memory). A plain value; any thread.
struct ReaderArticle
{
    QString key;
    QString issueName;
    QDate issueDate;
    QString kicker;
    QString title;        // null when the page printed none
    QString displayTitle; // shown instead of a missing title, in a distinct style
    QString subtitle;
    QString dateline;
    QStringList reporters;
    QStringList correspondents;
    QStringList interns;
    QStringList photographers;
    QString source;
    QStringList paragraphs;
    QStringList captions;
    QList<ReaderTag> tags; // the user's, sorted by name

    // The byline as one line of text ("呼和浩特讯 记者 刘琪 通讯员 毕远翔"); empty when the article
    // names nobody. The reader shows exactly this string, so offsets into the byline field refer to it.
    QString bylineText() const;

    // A title made from the first sentence of the body, for articles the page printed no title for.
    static QString firstSentence(const QStringList &paragraphs, int maxChars = 30);

    static ReaderArticle fromParsed(const parse::Article &article);
};

} // namespace baokan::ui
