// SPDX-License-Identifier: MIT
#pragma once

#include "store/database.h"

#include <QString>

#include <functional>
#include <memory>

class QCommandLineParser;
class QTextStream;

// What the annotation verbs share: the --db option and opening the archive it names.
namespace baokan::app {

// The archive the window opens by default: baokan.sqlite under AppDataLocation.
QString defaultArchivePath();

// Parses args (the words after the verb) with the parser's options, printing errors on stderr.
// Returns false when the command line is wrong.
bool parseVerbArguments(QCommandLineParser &parser, const QString &verb, const QStringList &args);

// Opens the archive at path. A missing file is an error unless create is true, so a mistyped
// --db never leaves an empty archive behind.
std::unique_ptr<store::Database> openArchive(const QString &path, bool create, QString *error);

// Progress of a long verb for err: "<done> DONE of TOTAL articles", a line a second at most so a
// log stays readable, the first and the last always.
std::function<void(qint64 done, qint64 total)> progressLines(QTextStream &err, const QString &done);

} // namespace baokan::app
