// SPDX-License-Identifier: MIT
#include "parse/article.h"

namespace baokan::parse {

namespace {

constexpr qsizetype MaxDisplayTitle = 24;

} // namespace

QString Article::displayTitle() const
{
    if (!title.isEmpty())
        return title;
    // Photo news can be all caption.
    const QString text = !paragraphs.isEmpty() ? paragraphs.first() : captions.value(0);
    static const QString stops = QStringLiteral("。！？");
    qsizetype end = text.size();
    for (qsizetype i = 0; i < text.size(); ++i) {
        if (stops.contains(text.at(i))) {
            end = i;
            break;
        }
    }
    QString sentence = text.left(end).trimmed();
    if (sentence.size() > MaxDisplayTitle)
        sentence = sentence.left(MaxDisplayTitle) + QChar(u'…');
    return sentence;
}

} // namespace baokan::parse
