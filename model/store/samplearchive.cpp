// SPDX-License-Identifier: MIT
#include "store/samplearchive.h"

#include "store/database.h"
#include "store/importer.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QSqlQuery>
#include <QStandardPaths>

namespace baokan::store {

QString SampleArchive::defaultPath()
{
    return QDir(QStandardPaths::writableLocation(QStandardPaths::AppDataLocation))
        .filePath(QStringLiteral("baokan.sqlite"));
}

bool SampleArchive::fillIfEmpty(const Database *db, QString *error)
{
    QSqlQuery q(db->connection());
    if (!q.exec(QStringLiteral("SELECT EXISTS (SELECT 1 FROM issue)")) || !q.next()) {
        if (error)
            *error = QStringLiteral("cannot read the archive %1").arg(db->path());
        return false;
    }
    if (q.value(0).toBool())
        return true;
    q.finish();
    const QDir dir(QStringLiteral(":/sample"));
    Importer importer(db);
    for (const QString &name : dir.entryList(QDir::Files, QDir::Name)) {
        QFile f(dir.filePath(name));
        if (!f.open(QIODevice::ReadOnly))
            continue;
        // A source outside the file system: importing the same pages from disk later makes a
        // separate issue rather than silently merging with the sample.
        const ImportSummary summary =
            importer.importPages(name, QStringLiteral("sample:") + name, {PageBytes{name, f.readAll()}});
        if (!summary.error.isEmpty()) {
            if (error)
                *error = summary.error;
            return false;
        }
    }
    return true;
}

bool SampleArchive::prepare(Database *db, QString *error)
{
    const bool isDefault = QFileInfo(db->path()).absoluteFilePath() == QFileInfo(defaultPath()).absoluteFilePath();
    const bool isNew = !QFileInfo::exists(db->path());
    if (!db->open(error))
        return false;
    return isDefault && isNew ? fillIfEmpty(db, error) : true;
}

} // namespace baokan::store
