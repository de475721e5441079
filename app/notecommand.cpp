// SPDX-License-Identifier: MIT
#include "commands.h"
#include "verbarchive.h"

#include "annotate/highlightanchor.h"
#include "store/articlelookup.h"
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
            err << "baokan note: " << error << '\n';
            return 1;
        }
        out << "article-note\t" << key << '\t' << notes.articleNote(key)->id << '\n';
        return 0;
    }
    const QString quote = parser.value(quoteOption);
    const qsizetype at = quote.isEmpty() ? -1 : body->indexOf(quote);
    if (at < 0) {
        err << "baokan note: the quote “" << quote << "” does not occur in article " << key << '\n';
        return 1;
    }
    const qint64 start = annotate::HighlightAnchor::toCodePoint(*body, at);
    const qint64 end = start + annotate::HighlightAnchor::codePointCount(quote);
    const auto id = notes.addHighlight(key, start, end, parser.value(colorOption), text, &error);
    if (!id) {
        err << "baokan note: " << error << '\n';
        return 1;
    }
    out << "highlight\t" << key << '\t' << *id << '\t' << start << '\t' << end << '\n';
    return 0;
}

} // namespace baokan::app
