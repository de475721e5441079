// SPDX-License-Identifier: MIT
#include "archiveopener.h"

#include "store/database.h"

#include <QEventLoop>
#include <QFileInfo>
#include <QProgressDialog>
#include <QThread>

#include <memory>

namespace baokan::ui {

bool ArchiveOpener::open(store::Database *db, QWidget *parent, QString *error)
{
    const int version = db->schemaVersion();
    // A new archive (0) is set up in milliseconds; one that is not an archive (-1) or is made by
    // a newer baokan is refused by open() itself.
    if (version <= 0 || version >= store::Database::latestSchemaVersion())
        return db->open(error);

    QProgressDialog dialog(tr("Updating %1 for this version of baokan…\nThis happens once; on a large archive it "
                              "takes a little while.")
                               .arg(QFileInfo(db->path()).fileName()),
                           QString(), 0, 0, parent);
    dialog.setObjectName(QStringLiteral("migrationProgress"));
    dialog.setWindowTitle(tr("Updating the archive"));
    dialog.setWindowModality(Qt::ApplicationModal);
    dialog.setCancelButton(nullptr); // a migration is one transaction each: there is no safe stop
    dialog.setMinimumDuration(0);
    dialog.show();

    bool migrated = false;
    QString why;
    std::unique_ptr<QThread> worker(QThread::create([db, &migrated, &why] {
        migrated = db->open(&why);
        db->closeThreadConnection();
    }));
    worker->setObjectName(QStringLiteral("baokan-migrate"));
    QEventLoop loop;
    QObject::connect(worker.get(), &QThread::finished, &loop, &QEventLoop::quit);
    worker->start();
    loop.exec();
    worker->wait();
    dialog.close();
    if (!migrated) {
        if (error)
            *error = why;
        return false;
    }
    // The schema is current now: this thread's connection only checks it.
    return db->open(error);
}

} // namespace baokan::ui
