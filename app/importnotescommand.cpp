// SPDX-License-Identifier: MIT
#include "commands.h"
#include "store/storagefailure.h"
#include "verbarchive.h"

#include "export/notesimporter.h"

#include <QCommandLineParser>
#include <QTextStream>

namespace baokan::app {

int runImportNotes(const QStringList &args)
{
    QTextStream out(stdout);
    QTextStream err(stderr);
    QCommandLineParser parser;
    const QCommandLineOption dbOption(QStringLiteral("db"), QStringLiteral("The archive."), QStringLiteral("PATH"),
                                      defaultArchivePath());
    parser.addOption(dbOption);
    if (!parseVerbArguments(parser, QStringLiteral("import-notes"), args))
        return 2;
    if (parser.positionalArguments().size() != 1) {
        err << "usage: baokan import-notes [--db PATH] FILE.json\n";
        return 2;
    }
    QString error;
    // Restoring into a new archive is a normal first step on a new machine.
    const auto archive = openArchive(parser.value(dbOption), true, &error);
    if (!archive) {
        err << "baokan import-notes: " << error << '\n';
        return 1;
    }
    exporting::NotesImportResult result;
    if (!exporting::NotesImporter(archive.get()).importFile(parser.positionalArguments().first(), &result, &error)) {
        err << "baokan import-notes: " << store::StorageFailure::explain(error) << '\n';
        return 1;
    }
    out << "notes added: " << result.notesAdded << ", merged: " << result.notesMerged
        << ", already present: " << result.notesSkipped << ", needing review: " << result.inReview << '\n'
        << "tags added: " << result.tagsAdded << ", article tags added: " << result.articleTagsAdded
        << ", corrections added: " << result.correctionsAdded << ", lexicon entries added: " << result.lexiconAdded
        << '\n';
    return 0;
}

} // namespace baokan::app
