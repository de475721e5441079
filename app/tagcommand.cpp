// SPDX-License-Identifier: MIT
#include "commands.h"
#include "store/storagefailure.h"
#include "verbarchive.h"

#include "store/articlelookup.h"
#include "store/tagstore.h"

#include <QCommandLineParser>
#include <QTextStream>

namespace baokan::app {

int runTag(const QStringList &args)
{
    QTextStream out(stdout);
    QTextStream err(stderr);
    QCommandLineParser parser;
    const QCommandLineOption dbOption(QStringLiteral("db"), QStringLiteral("The archive."), QStringLiteral("PATH"),
                                      defaultArchivePath());
    parser.addOption(dbOption);
    if (!parseVerbArguments(parser, QStringLiteral("tag"), args))
        return 2;
    const QStringList words = parser.positionalArguments();
    if (words.size() != 3 || (words[0] != QLatin1String("add") && words[0] != QLatin1String("remove"))) {
        err << "usage: baokan tag add|remove [--db PATH] ARTICLE_KEY TAG\n";
        return 2;
    }
    const bool add = words[0] == QLatin1String("add");
    const QString key = words[1];
    const QString name = words[2];
    QString error;
    const auto archive = openArchive(parser.value(dbOption), false, &error);
    if (!archive) {
        err << "baokan tag: " << error << '\n';
        return 1;
    }
    if (!store::ArticleLookup(archive.get()).exists(key)) {
        err << "baokan tag: there is no article with key " << key << " (see baokan articles)\n";
        return 1;
    }
    store::TagStore tags(archive.get());
    if (add) {
        if (!tags.addTag({key}, name, &error)) {
            err << "baokan tag: " << store::StorageFailure::explain(error) << '\n';
            return 1;
        }
    } else {
        const auto tag = tags.findByName(name);
        if (!tag || !tags.link(key, tag->id)) {
            err << "baokan tag: article " << key << " has no tag “" << name << "”\n";
            return 1;
        }
        if (!tags.removeTag({key}, tag->id, &error)) {
            err << "baokan tag: " << store::StorageFailure::explain(error) << '\n';
            return 1;
        }
    }
    QStringList names;
    for (const store::Tag &t : tags.tagsFor(key))
        names << t.name;
    out << key << '\t' << names.join(QLatin1String("; ")) << '\n';
    return 0;
}

} // namespace baokan::app
