// SPDX-License-Identifier: MIT
// Entity recognition in the archive: the sample pages imported N times (each copy its own
// issue), then the whole archive recognized again as `baokan recognize` does. Prints figures.
#include "benchargs.h"
#include "store/database.h"
#include "store/entitystore.h"
#include "store/importer.h"

#include <QCoreApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTextStream>

using namespace baokan;

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    QTextStream out(stdout);
    const auto args = baokan::bench::benchArguments(
        QStringLiteral("Imports the sample pages COPIES times with entity recognition, then recognizes the archive "
                       "again; prints articles/s."),
        {{QStringLiteral("COPIES"), QStringLiteral("copies of the sample pages (10)"), QStringLiteral("10")}});
    if (!args)
        return 2;
    const int copies = args->at(0).toInt();
    QList<store::PageBytes> pages;
    const QDir dir(QStringLiteral(BAOKAN_SAMPLE_DIR));
    for (const QString &name : dir.entryList({QStringLiteral("*.txt")}, QDir::Files, QDir::Name)) {
        QFile f(dir.absoluteFilePath(name));
        if (f.open(QIODevice::ReadOnly))
            pages.append({name, f.readAll()});
    }
    QTemporaryDir tmp;
    store::Database db(tmp.filePath(QStringLiteral("bench.sqlite")));
    QString error;
    if (!db.open(&error)) {
        out << "cannot open: " << error << '\n';
        return 1;
    }
    store::Importer importer(&db);
    QElapsedTimer timer;
    timer.start();
    int articles = 0;
    for (int c = 0; c < copies; ++c) {
        for (const store::PageBytes &p : pages) {
            // A distinct tail per copy makes each page a new issue with new articles.
            store::PageBytes copy{p.fileName, p.bytes + QByteArray("\n") + QByteArray::number(c) + QByteArray("\n")};
            const auto s = importer.importPages(QStringLiteral("%1-%2").arg(c).arg(p.fileName),
                                                QStringLiteral("bench:%1:%2").arg(c).arg(p.fileName), {copy});
            articles += s.articlesAdded;
        }
    }
    const double importSeconds = timer.elapsed() / 1000.0;
    QSqlQuery q(db.connection());
    q.exec(QStringLiteral("SELECT count(*), (SELECT count(*) FROM entity_mention) FROM article"));
    q.next();
    out << "import with recognition: " << articles << " articles in " << importSeconds
        << " s = " << articles / importSeconds << " articles/s; " << q.value(1).toLongLong() << " mentions stored\n";
    timer.restart();
    const auto summary = store::EntityStore::recognizeAll(db.connection(), 200, {}, nullptr, &error);
    const double recognizeSeconds = timer.elapsed() / 1000.0;
    if (!summary) {
        out << "recognize failed: " << error << '\n';
        return 1;
    }
    out << "re-recognition of the archive: " << summary->articles << " articles in " << recognizeSeconds
        << " s = " << summary->articles / recognizeSeconds << " articles/s\n";
    return 0;
}
