// SPDX-License-Identifier: MIT
#include "commands.h"
#include "store/storagefailure.h"
#include "verbarchive.h"

#include "annotate/highlightanchor.h"
#include "store/articlelookup.h"
#include "store/database.h"
#include "store/noteedits.h"
#include "store/notestore.h"

#include <QCommandLineParser>
#include <QTextStream>

namespace baokan::app {

int runNote(const QStringList &args)
{
    QTextStream out(stdout);
    QTextStream err(stderr);
    QCommandLineParser parser;
    const QCommandLineOption dbOption(QStringLiteral("db"), QStringLiteral("The archive."), QStringLiteral("PATH"),
                                      defaultArchivePath());
    const QCommandLineOption quoteOption(QStringLiteral("quote"), QStringLiteral("Highlight this passage."),
                                         QStringLiteral("TEXT"));
    const QCommandLineOption colorOption(QStringLiteral("color"), QStringLiteral("Highlight colour, #rrggbb."),
                                         QStringLiteral("COLOR"));
    parser.addOption(dbOption);
    parser.addOption(quoteOption);
    parser.addOption(colorOption);
    if (!parseVerbArguments(parser, QStringLiteral("note"), args))
        return 2;
    const QStringList words = parser.positionalArguments();
    if (words.size() != 3 || words[0] != QLatin1String("add")) {
        err << "usage: baokan note add [--db PATH] ARTICLE_KEY [--quote TEXT] TEXT\n";
        return 2;
    }
    const QString key = words[1];
    const QString text = words[2];
    QString error;
    const auto archive = openArchive(parser.value(dbOption), false, &error);
    if (!archive) {
        err << "baokan note: " << error << '\n';
        return 1;
    }
    const auto body = store::ArticleLookup(archive.get()).body(key);
    if (!body) {
        err << "baokan note: there is no article with key " << key << " (see baokan articles)\n";
        return 1;
    }
    store::NoteStore notes(archive.get());
    if (!parser.isSet(quoteOption)) {
        // "add" adds to what the article note already says rather than replacing it.
        const auto existing = notes.articleNote(key);
        const QString combined =
            existing && !existing->note.isEmpty() ? existing->note + QLatin1String("\n\n") + text : text;
        if (!notes.setArticleNote(key, combined, &error)) {
            err << "baokan note: " << store::StorageFailure::explain(error) << '\n';
            return 1;
        }
        out << "article-note\t" << key << '\t' << notes.articleNote(key)->id << '\n';
        return 0;
    }
    const QString quote = parser.value(quoteOption);
    // The body first, where passages are; then the headings and the captions.
    const auto texts = store::ArticleLookup(archive.get()).highlightTexts(key);
    QString field;
    qsizetype at = -1;
    for (const QString &f : {QStringLiteral("body"), QStringLiteral("title"), QStringLiteral("kicker"),
                             QStringLiteral("subtitle"), QStringLiteral("caption")}) {
        at = quote.isEmpty() || !texts ? -1 : texts->value(f).indexOf(quote);
        if (at >= 0) {
            field = f;
            break;
        }
    }
    if (at < 0) {
        err << "baokan note: the quote “" << quote << "” does not occur in article " << key << '\n';
        return 1;
    }
    const QString fieldText = texts->value(field);
    const qint64 start = annotate::HighlightAnchor::toCodePoint(fieldText, at);
    const qint64 end = start + annotate::HighlightAnchor::codePointCount(quote);
    store::Edit edit = store::NoteEdits::addHighlight(key, start, end, parser.value(colorOption), text, field);
    if (!edit.apply(archive->connection(), &error)) {
        err << "baokan note: " << store::StorageFailure::explain(error) << '\n';
        return 1;
    }
    out << "highlight\t" << key << '\t' << edit.after().notes.first().id << '\t' << start << '\t' << end << '\n';
    return 0;
}

} // namespace baokan::app
