// SPDX-License-Identifier: MIT
#include "commands.h"
#include "store/storagefailure.h"
#include "verbarchive.h"

#include "store/database.h"
#include "store/samplearchive.h"
#include "store/searchindex.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QFileInfo>
#include <QTextStream>

namespace baokan::app {

int runReindex(const QStringList &args)
{
    QTextStream err(stderr);
    QString path;
    for (int i = 0; i < args.size(); ++i) {
        if (args[i] == QLatin1String("--db") && i + 1 < args.size()) {
            path = args[++i];
        } else {
            err << "usage: baokan reindex [--db PATH]\n";
            return 2;
        }
    }
    if (QCoreApplication::organizationName().isEmpty())
        QCoreApplication::setOrganizationName(QStringLiteral("baokan"));
    if (path.isEmpty())
        path = store::SampleArchive::defaultPath();
    if (!QFileInfo::exists(path)) {
        err << "baokan reindex: there is no archive at " << path << '\n';
        return 1;
    }
    store::Database database(path);
    QString error;
    if (!database.open(&error)) {
        err << "baokan reindex: " << error << '\n';
        return 1;
    }
    QElapsedTimer timer;
    timer.start();
    const auto progress = progressLines(err, QStringLiteral("indexed"));
    if (!store::SearchIndex::rebuild(database.connection(), progress, nullptr, &error)) {
        err << "baokan reindex: " << store::StorageFailure::explain(error) << '\n';
        return 1;
    }
    err << "done in " << QString::number(timer.elapsed() / 1000.0, 'f', 1) << " s\n";
    return 0;
}

} // namespace baokan::app
