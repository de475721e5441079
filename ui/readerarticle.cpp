// SPDX-License-Identifier: MIT
#include "readerarticle.h"

namespace baokan::ui {

namespace {

void appendGroup(QStringList *parts, const QString &label, const QStringList &names)
{
    if (names.isEmpty())
        return;
    parts->append(label + QLatin1Char(' ') + names.join(QLatin1Char(' ')));
}

} // namespace

QString ReaderArticle::bylineText() const
{
    QStringList parts;
    if (!dateline.isEmpty())
        parts << dateline + QStringLiteral("讯");
    appendGroup(&parts, QStringLiteral("记者"), reporters);
    appendGroup(&parts, QStringLiteral("通讯员"), correspondents);
    appendGroup(&parts, QStringLiteral("实习生"), interns);
    appendGroup(&parts, QStringLiteral("摄影"), photographers);
    // An ideographic space separates the groups the way the paper prints them.
    return parts.join(QChar(0x3000));
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
