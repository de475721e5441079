// SPDX-License-Identifier: MIT
#pragma once

#include "entities/mention.h"
#include "parse/article.h"

#include <QList>
#include <QString>

namespace baokan::entities {

// One field of an article as entities are recognized in it: its name (title, kicker, subtitle,
// byline, body, caption, source) and its text.
struct ArticleField
{
    QString field;
    QString text;
};

// A mention inside one field of an article, offsets in code points of that field's text.
struct FieldMention
{
    QString field;
    QString text;
    Mention mention;
};

// The one definition of which texts of an article carry entities, and how the byline reads,
// so the command line and the reader agree on fields and offsets. Stateless; any thread.
class ArticleFields
{
public:
    // The non-empty fields in reading order; captions are joined by line breaks into one field.
    static QList<ArticleField> of(const parse::Article &article);
    // "绵阳讯 记者 邵文静 通讯员 卢海涛": the dateline and the credited people.
    static QString byline(const parse::Article &article);
    // Every mention in every field. The byline's people are the parser's, not guesses.
    static QList<FieldMention> mentions(const parse::Article &article);
};

} // namespace baokan::entities
