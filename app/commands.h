// SPDX-License-Identifier: MIT
#pragma once

#include <QStringList>

// One function per command-line verb. Each takes the arguments after the verb, prints its
// results on stdout and errors on stderr, and returns the process exit code.
namespace baokan::app {

int runParse(const QStringList &args);
int runImport(const QStringList &args);
int runArticles(const QStringList &args);
int runSearch(const QStringList &args);
int runReindex(const QStringList &args);
int runTag(const QStringList &args);
int runNote(const QStringList &args);
int runExportNotes(const QStringList &args);
int runImportNotes(const QStringList &args);
int runNer(const QStringList &args);
int runEntities(const QStringList &args);

// The window. args are the program's arguments after the program name (--db, --screenshot).
int runGui(int &argc, char **argv);

} // namespace baokan::app
