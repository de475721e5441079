// SPDX-License-Identifier: MIT
#include "readerarticle.h"

#include "entities/articlefields.h"

namespace baokan::ui {

QString ReaderArticle::bylineText() const
{
    // The recognizer's byline is the one definition: entity offsets in the byline refer to it.
    parse::Article a;
    a.dateline = dateline;
    a.reporters = reporters;
    a.correspondents = correspondents;
    a.interns = interns;
    a.photographers = photographers;
    return entities::ArticleFields::byline(a);
}

QString ReaderArticle::firstSentence(const QStringList &paragraphs, int maxChars)
{
    const QString first = paragraphs.value(0).trimmed();
    if (first.isEmpty())
        return {};
    static const QString enders = QStringLiteral("。！？；!?;");
    int end = first.size();
    for (int i = 0; i < first.size(); ++i) {
        if (enders.contains(first.at(i))) {
            end = i;
            break;
        }
    }
    QString sentence = first.left(end);
    // Cut by code points so a character outside the BMP is never split.
    const QList<uint> ucs4 = sentence.toUcs4();
    if (ucs4.size() > maxChars)
        sentence =
            QString::fromUcs4(reinterpret_cast<const char32_t *>(ucs4.constData()), maxChars) + QStringLiteral("…");
    return sentence;
}

ReaderArticle ReaderArticle::fromParsed(const parse::Article &article)
{
    ReaderArticle r;
    r.kicker = article.kicker;
    r.title = article.title;
    if (article.title.isEmpty())
        r.displayTitle = firstSentence(article.paragraphs);
    r.subtitle = article.subtitle;
    r.dateline = article.dateline;
    r.reporters = article.reporters;
    r.correspondents = article.correspondents;
    r.interns = article.interns;
    r.photographers = article.photographers;
    r.source = article.source;
    r.paragraphs = article.paragraphs;
    r.captions = article.captions;
    return r;
}

} // namespace baokan::ui
