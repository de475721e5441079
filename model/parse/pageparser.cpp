// SPDX-License-Identifier: MIT
#include "parse/pageparser.h"

#include "text/textcleaner.h"

namespace baokan::parse {

QList<Article> PageParser::parsePage(const QString &text) const
{
    // Placeholder: one article per blank-line-separated block. The real parser replaces this.
    QList<Article> articles;
    const QStringList blocks = text::TextCleaner::normalizeLineEnds(text).split(QStringLiteral("\n\n"));
    for (const QString &block : blocks) {
        const QString trimmed = block.trimmed();
        if (trimmed.isEmpty())
            continue;
        Article article;
        article.paragraphs << QString(trimmed).remove(QLatin1Char('\n'));
        article.title = article.paragraphs.first().left(12);
        articles << article;
    }
    return articles;
}

} // namespace baokan::parse
