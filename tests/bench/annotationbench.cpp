// SPDX-License-Identifier: MIT
// Prints how long the annotation paths take on a synthetic archive: adding highlights, CSV and
// JSON export, JSON import, and re-anchoring every highlight after every body changed.
// Usage: bench_annotations [ARTICLES] [HIGHLIGHTS_PER_ARTICLE]
#include "benchargs.h"
#include "export/notesexporter.h"
#include "export/notesimporter.h"
#include "store/database.h"
#include "store/notestore.h"
#include "store/tagstore.h"
#include "store/transaction.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QFileInfo>
#include <QRandomGenerator>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTextStream>

using namespace baokan;

namespace {

QString randomText(QRandomGenerator &rng, int length)
{
    static const QString alphabet =
        QStringLiteral("的一是在不了有和人这中大为上个国我以要他时来用们生到作地于出就分对成会"
                       "可主发年动同工也能下过子说产种面而方后多定行学法所民得经十三之进着等"
                       "部度家电力里如水化高自二理起小物现实加量都两体制机当使点从业本去把性"
                       "好应开它合还因由其些然前外天政四日那社义事平形相全表间样与关各重新线");
    QString out;
    out.reserve(length);
    for (int i = 0; i < length; ++i)
        out += (i % 23 == 22) ? QChar(0x3002) : alphabet.at(int(rng.bounded(alphabet.size())));
    return out;
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    const auto args = bench::benchArguments(
        QStringLiteral("Times adding highlights, CSV and JSON export, JSON import and re-anchoring on a synthetic "
                       "archive."),
        {{QStringLiteral("ARTICLES"), QStringLiteral("articles in the archive (1000)"), QStringLiteral("1000")},
         {QStringLiteral("HIGHLIGHTS_PER_ARTICLE"), QStringLiteral("highlights on each article (5)"),
          QStringLiteral("5")}});
    if (!args)
        return 2;
    const int articles = args->at(0).toInt();
    const int perArticle = args->at(1).toInt();
    QTextStream out(stdout);
    QTemporaryDir dir;
    store::Database database(dir.filePath(QStringLiteral("bench.sqlite")));
    QString error;
    if (!database.open(&error)) {
        out << error << '\n';
        return 1;
    }
    const QSqlDatabase db = database.connection();
    QRandomGenerator rng(42);
    QStringList bodies;
    {
        store::Transaction t(db);
        QSqlQuery q(db);
        q.exec(QStringLiteral(
            "INSERT INTO issue (id, source, name, date, imported) VALUES (1, 's', 'i', '2023-11-16', 'x')"));
        q.prepare(
            QStringLiteral("INSERT INTO article (key, issue_id, ordinal, display_title, body) VALUES (?, 1, ?, ?, ?)"));
        for (int i = 0; i < articles; ++i) {
            bodies << randomText(rng, 1500);
            q.addBindValue(QStringLiteral("k%1").arg(i));
            q.addBindValue(i);
            q.addBindValue(randomText(rng, 12));
            q.addBindValue(bodies.last());
            q.exec();
        }
        t.commit();
    }
    out << "archive: " << articles << " articles of 1500 code points, " << perArticle << " highlights each\n";

    QElapsedTimer timer;
    timer.start();
    store::NoteStore notes(db);
    store::TagStore tags(db);
    for (int i = 0; i < articles; ++i) {
        const QString key = QStringLiteral("k%1").arg(i);
        for (int h = 0; h < perArticle; ++h) {
            const qint64 start = 100 + h * 250;
            notes.addHighlight(key, start, start + 20, {}, QStringLiteral("评论 %1").arg(h));
        }
        notes.setArticleNote(key, QStringLiteral("笔记, \"引号\"\n第二行"));
        tags.addTag({key}, QStringLiteral("tag%1").arg(i % 20));
    }
    const qint64 annotateMs = timer.elapsed();
    const int notesTotal = articles * (perArticle + 1);
    out << "add highlights, notes and tags (one undoable edit each): " << annotateMs << " ms, "
        << (annotateMs ? qint64(notesTotal + articles) * 1000 / annotateMs : 0) << " edits/s\n";

    exporting::NotesExporter exporter(db);
    timer.restart();
    int rows = 0;
    exporter.writeFile(dir.filePath(QStringLiteral("notes.csv")), {}, &error, &rows);
    const qint64 csvMs = timer.elapsed();
    out << "CSV export: " << rows << " rows in " << csvMs << " ms ("
        << QFileInfo(dir.filePath(QStringLiteral("notes.csv"))).size() / 1024 << " KiB)\n";

    exporting::NotesExportOptions json;
    json.format = exporting::NotesExportOptions::Format::Json;
    timer.restart();
    exporter.writeFile(dir.filePath(QStringLiteral("notes.json")), json, &error, &rows);
    out << "JSON export: " << rows << " notes in " << timer.elapsed() << " ms\n";

    store::Database fresh(dir.filePath(QStringLiteral("fresh.sqlite")));
    fresh.open(&error);
    timer.restart();
    exporting::NotesImportResult imported;
    exporting::NotesImporter(fresh.connection())
        .importFile(dir.filePath(QStringLiteral("notes.json")), &imported, &error);
    out << "JSON import into an archive without the articles: " << imported.notesAdded << " notes in "
        << timer.elapsed() << " ms\n";

    // Every body changes: text inserted at the start and one code point changed inside the first quote.
    timer.restart();
    store::ReanchorResult total;
    {
        store::Transaction t(db);
        for (int i = 0; i < articles; ++i) {
            QString body = QStringLiteral("【更正】") + bodies[i];
            body[4 + 105] = QChar(0x5f20);
            store::ReanchorResult r;
            store::NoteStore::reanchorArticle(db, QStringLiteral("k%1").arg(i), body, &r, &error);
            total.kept += r.kept;
            total.moved += r.moved;
            total.review += r.review;
        }
        t.commit();
    }
    const qint64 reanchorMs = timer.elapsed();
    out << "re-anchor after every body changed: " << reanchorMs << " ms for " << articles << " articles ("
        << (articles ? double(reanchorMs) / articles : 0) << " ms/article); kept " << total.kept << ", moved "
        << total.moved << ", review " << total.review << '\n';
    return 0;
}
