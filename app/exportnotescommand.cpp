// SPDX-License-Identifier: MIT
#include "commands.h"
#include "verbarchive.h"

#include "export/notesexporter.h"

#include <QCommandLineParser>
#include <QFile>
#include <QTextStream>

namespace baokan::app {

int runExportNotes(const QStringList &args)
{
    QTextStream err(stderr);
    QCommandLineParser parser;
    const QCommandLineOption dbOption(QStringLiteral("db"), QStringLiteral("The archive."), QStringLiteral("PATH"),
                                      defaultArchivePath());
    const QCommandLineOption outOption({QStringLiteral("o"), QStringLiteral("output")},
                                       QStringLiteral("Write to FILE instead of stdout."), QStringLiteral("FILE"));
    const QCommandLineOption tagOption(QStringLiteral("tag"),
                                       QStringLiteral("Only articles with this tag (repeat: any of them)."),
                                       QStringLiteral("TAG"));
    const QCommandLineOption issueOption(QStringLiteral("issue"), QStringLiteral("Only this issue (name or date)."),
                                         QStringLiteral("NAME"));
    const QCommandLineOption encodingOption(QStringLiteral("encoding"), QStringLiteral("utf-8 (default) or gb18030."),
                                            QStringLiteral("ENCODING"), QStringLiteral("utf-8"));
    const QCommandLineOption noBomOption(QStringLiteral("no-bom"), QStringLiteral("No byte-order mark in UTF-8 CSV."));
    const QCommandLineOption formatOption(QStringLiteral("format"), QStringLiteral("csv (default) or json."),
                                          QStringLiteral("FORMAT"), QStringLiteral("csv"));
    parser.addOptions({dbOption, outOption, tagOption, issueOption, encodingOption, noBomOption, formatOption});
    const QString usage =
        QStringLiteral("usage: baokan export-notes [--db PATH] [-o FILE] [--tag TAG]... [--issue NAME] "
                       "[--encoding utf-8|gb18030] [--no-bom] [--format csv|json]\n");
    if (!parseVerbArguments(parser, QStringLiteral("export-notes"), args))
        return 2;
    if (!parser.positionalArguments().isEmpty()) {
        err << usage;
        return 2;
    }
    exporting::NotesExportOptions options;
    const QString format = parser.value(formatOption).toLower();
    if (format == QLatin1String("json")) {
        options.format = exporting::NotesExportOptions::Format::Json;
    } else if (format != QLatin1String("csv")) {
        err << "baokan export-notes: unknown format “" << format << "” (csv or json)\n";
        return 2;
    }
    const auto encoding = exporting::CsvWriter::encodingFromName(parser.value(encodingOption));
    if (!encoding) {
        err << "baokan export-notes: unknown encoding “" << parser.value(encodingOption) << "” (utf-8 or gb18030)\n";
        return 2;
    }
    options.encoding = *encoding;
    options.byteOrderMark = !parser.isSet(noBomOption);
    options.tags = parser.values(tagOption);
    options.issue = parser.value(issueOption);

    QString error;
    const auto archive = openArchive(parser.value(dbOption), false, &error);
    if (!archive) {
        err << "baokan export-notes: " << error << '\n';
        return 1;
    }
    exporting::NotesExporter exporter(archive.get());
    int rows = 0;
    bool ok = false;
    if (parser.isSet(outOption)) {
        ok = exporter.writeFile(parser.value(outOption), options, &error, &rows);
    } else {
        // The descriptor, not stdio's FILE: a write error (a full disk, /dev/full) then shows in
        // flush() instead of vanishing in stdio's buffer at exit.
        QFile out;
        ok = out.open(1, QIODevice::WriteOnly) && exporter.write(&out, options, &error, &rows);
        if (ok && (!out.flush() || out.error() != QFileDevice::NoError)) {
            error = QStringLiteral("cannot write the notes to the standard output: %1").arg(out.errorString());
            ok = false;
        }
    }
    if (!ok) {
        err << "baokan export-notes: " << error;
        if (parser.isSet(outOption))
            err << " (no file was written or changed)";
        err << '\n';
        return 1;
    }
    if (parser.isSet(outOption))
        err << "wrote " << rows << " notes to " << parser.value(outOption) << '\n';
    return 0;
}

} // namespace baokan::app
