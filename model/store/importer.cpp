// SPDX-License-Identifier: MIT
#include "store/importer.h"

#include "entities/articlefields.h"
#include "parse/issueloader.h"
#include "store/articlelookup.h"
#include "store/articlematcher.h"
#include "store/articlestore.h"
#include "store/database.h"
#include "store/entitystore.h"
#include "store/notestore.h"
#include "store/searchindex.h"
#include "store/searchindexwriter.h"
#include "store/searchsortkey.h"
#include "store/storagefailure.h"
#include "store/transaction.h"
#include "text/textdecoder.h"

#include <QCryptographicHash>
#include <QDateTime>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QHash>
#include <QLoggingCategory>
#include <QSet>
#include <QSqlError>
#include <QSqlQuery>
#include <QThread>
#include <QVariant>

#include <algorithm>
#include <chrono>
#include <deque>
#include <future>
#include <memory>
#include <vector>

Q_DECLARE_LOGGING_CATEGORY(lcStore)

namespace baokan::store {

namespace {

// A page is a few hundred kilobytes at most; anything this big is not a page and would only
// exhaust memory when decoded.
constexpr qint64 kMaxPageBytes = 256ll * 1024 * 1024;

// Raw bytes parsed ahead of the writer at most (one issue may exceed it, and is then alone).
constexpr qint64 kMaxParseAheadBytes = 16ll * 1024 * 1024;

// Page cache of the importing connection while it imports, in KiB.
constexpr int kImportCacheKiB = 32 * 1024;
// WAL pages between checkpoints while importing (SQLite's default is 1000).
constexpr int kImportCheckpointPages = 10000;

// Long enough to tell articles apart in a list, short enough for one line.
constexpr int kDisplayTitleLength = 28;

// What to do about a file that is not page text: PDFs and pictures are common in a paper's folders.
QString notTextAdvice()
{
    return QStringLiteral("; baokan imports the text of pages (.txt in UTF-8, UTF-16, GB18030 or Big5): extract the "
                          "text from a PDF or scan first");
}

QVariant nullable(const QString &s)
{
    return s.isNull() ? QVariant(QMetaType::fromType<QString>()) : QVariant(s);
}

int codePoints(const QString &s)
{
    int n = 0;
    for (const QChar c : s)
        n += c.isLowSurrogate() ? 0 : 1;
    return n;
}

// The page printed no headline: the list shows the opening words instead, in a distinct style.
QString displayTitle(const parse::Article &a)
{
    if (!a.title.trimmed().isEmpty())
        return a.title;
    QString text;
    for (const QString &p : a.paragraphs) {
        if (!p.trimmed().isEmpty()) {
            text = p.trimmed();
            break;
        }
    }
    if (text.isEmpty())
        text = a.captions.value(0).trimmed();
    if (text.isEmpty())
        return QStringLiteral("（无标题）");
    static const QString stops = QStringLiteral("。！？；!?;");
    for (int i = 0; i < text.size() && i < kDisplayTitleLength; ++i) {
        if (stops.contains(text.at(i)))
            return text.left(i);
    }
    return text.size() > kDisplayTitleLength ? text.left(kDisplayTitleLength) + QChar(0x2026) : text;
}

struct PageData
{
    QString file; // path on disk, or a name for pages in memory
    QString fileName;
    QByteArray bytes;
    QString sha256;
    qint64 size = 0;
};

// The stored state of an article, as far as import compares it.
struct StoredArticle
{
    qint64 id = 0;
    QString key;
    int ordinal = 0;
    qint64 pageId = 0;
    QStringList fields; // title .. captions, in the order of kArticleFields
};

const char *const kArticleFields[] = {"title",         "display_title", "kicker",         "subtitle",
                                      "dateline",      "reporters",     "correspondents", "interns",
                                      "photographers", "source",        "body",           "captions"};
constexpr int kFieldCount = int(sizeof(kArticleFields) / sizeof(kArticleFields[0]));
constexpr int kBodyField = 10;
constexpr int kCaptionsField = 11;

// The fields highlights may be on, as they count them.
QHash<QString, QString> highlightTexts(const QStringList &fields)
{
    return ArticleLookup::highlightTexts(fields.at(2), fields.at(0), fields.at(3), fields.at(kBodyField),
                                         fields.at(kCaptionsField));
}

// What identifies an article's text: photo news may have captions and nothing else.
QString identifyingText(const QStringList &fields)
{
    return fields.at(kBodyField) + QLatin1Char('\n') + fields.at(kCaptionsField);
}
constexpr int kTitleField = 0;

QStringList articleFields(const parse::Article &a)
{
    return {a.title,
            displayTitle(a),
            a.kicker,
            a.subtitle,
            a.dateline,
            ArticleStore::joinList(a.reporters),
            ArticleStore::joinList(a.correspondents),
            ArticleStore::joinList(a.interns),
            ArticleStore::joinList(a.photographers),
            a.source,
            a.body(),
            ArticleStore::joinList(a.captions)};
}

// Only these columns may be NULL: "the page prints none" differs from an empty string there.
bool isNullable(int field)
{
    return field == 0 || (field >= 2 && field <= 4) || field == 9;
}

bool sameField(int field, const QString &a, const QString &b)
{
    return a == b && (!isNullable(field) || a.isNull() == b.isNull());
}

QVariant fieldValue(int field, const QString &s)
{
    if (isNullable(field))
        return nullable(s);
    return s.isNull() ? QVariant(QStringLiteral("")) : QVariant(s);
}

// The values written for the columns EntityStore::storedArticle() reads, in its order.
QVariantList storedValues(const QStringList &fields)
{
    QVariantList values;
    values.reserve(kFieldCount - 1);
    for (int i = 0; i < kFieldCount; ++i) {
        if (i != 1) // display_title: not the article's text
            values << fieldValue(i, fields.at(i));
    }
    return values;
}

// Adds (sign 1) or takes back (sign -1) the counts of an issue's write.
void addCounts(ImportSummary &to, const ImportSummary &from, int sign)
{
    to.issuesAdded += sign * from.issuesAdded;
    to.issuesUpdated += sign * from.issuesUpdated;
    to.issuesUnchanged += sign * from.issuesUnchanged;
    to.articlesAdded += sign * from.articlesAdded;
    to.articlesUpdated += sign * from.articlesUpdated;
    to.articlesUnchanged += sign * from.articlesUnchanged;
    to.articlesRemoved += sign * from.articlesRemoved;
    to.highlightsMoved += sign * from.highlightsMoved;
    to.highlightsToReview += sign * from.highlightsToReview;
    to.bytesParsed += sign * from.bytesParsed;
}

} // namespace

struct Importer::Prepared
{
    qint64 issueId = 0;                         // 0 for an issue not in the archive
    QList<QPair<QString, QString>> storedPages; // file name and sha256, in page order
};

struct Importer::Parsed
{
    QList<PageData> pages; // those that decoded, without their bytes
    QStringList encodings;
    QList<SkippedFile> skipped;
    parse::Issue issue;                              // its articles reduced to their page: the text is in fields
    QList<QStringList> fields;                       // of each article, as written (kArticleFields)
    QList<QList<entities::FieldMention>> recognized; // the recognizer's mentions of each article
    QList<EntityRows> entityRows;                    // its mentions when no user rule applies
    QList<SearchIndexWriter::Text> searchText;       // its text for the search index
    qint64 bytes = 0;
};

namespace {

// Reads the pages of an issue, leaving out (and reporting) files that cannot be pages. Any thread.
QList<PageData> readPages(const QStringList &files, const QList<PageBytes> &memory, QList<SkippedFile> &skipped)
{
    QList<PageData> pages;
    auto accept = [&](const QString &file, const QString &fileName, const QByteArray &bytes) {
        if (bytes.isEmpty()) {
            skipped << SkippedFile{file, QStringLiteral("empty file")};
            return;
        }
        if (text::TextDecoder::looksBinary(bytes)) {
            skipped << SkippedFile{file, QStringLiteral("not a text file (it contains binary data)") + notTextAdvice()};
            return;
        }
        pages << PageData{file, fileName, bytes,
                          QString::fromLatin1(QCryptographicHash::hash(bytes, QCryptographicHash::Sha256).toHex()),
                          bytes.size()};
    };
    for (const PageBytes &page : memory)
        accept(page.fileName, page.fileName, page.bytes);
    for (const QString &file : files) {
        QFile f(file);
        if (f.size() > kMaxPageBytes) {
            skipped << SkippedFile{
                file,
                QStringLiteral("too large for a page (%1 MB; at most %2 MB): split it into one file per page or issue")
                    .arg(f.size() / (1024 * 1024))
                    .arg(kMaxPageBytes / (1024 * 1024))};
            continue;
        }
        if (!f.open(QIODevice::ReadOnly)) {
            skipped << SkippedFile{file, f.errorString()};
            continue;
        }
        const QByteArray bytes = f.readAll();
        if (f.error() != QFileDevice::NoError) {
            skipped << SkippedFile{file, QStringLiteral("cannot read: %1").arg(f.errorString())};
            continue;
        }
        accept(file, QFileInfo(file).fileName(), bytes);
    }
    return pages;
}

// The pages are those stored (file name and sha256, in page order).
bool samePages(const QList<QPair<QString, QString>> &stored, const QList<PageData> &pages)
{
    if (stored.size() != pages.size())
        return false;
    for (int i = 0; i < pages.size(); ++i) {
        if (stored.at(i).first != pages.at(i).fileName || stored.at(i).second != pages.at(i).sha256)
            return false;
    }
    return true;
}

// The issue is in the archive with these very pages, and they need no parsing again.
bool isUnchanged(const Importer::Prepared &prepared, const QList<PageData> &pages, bool reparse)
{
    return prepared.issueId && !reparse && samePages(prepared.storedPages, pages);
}

// Pure, so it runs on any thread. A set `cancel` cuts it short; the result is then to be dropped.
Importer::Parsed decodeAndParse(const QString &name, QList<PageData> pages, const std::atomic_bool *cancel)
{
    Importer::Parsed out;
    QStringList texts;
    for (PageData &page : pages) {
        QString why;
        const auto decoded = text::TextDecoder::decode(page.bytes, &why);
        if (!decoded) {
            out.skipped << SkippedFile{page.file, why + notTextAdvice()};
            continue;
        }
        if (decoded->text.trimmed().isEmpty()) {
            out.skipped << SkippedFile{page.file, QStringLiteral("no text (empty or only white space)")};
            continue;
        }
        texts << decoded->text;
        out.encodings << decoded->encoding;
        out.bytes += page.bytes.size();
        page.bytes = QByteArray(); // parsed from here on; keep memory to one copy of the text
        out.pages << page;
    }
    if (!texts.isEmpty())
        out.issue = parse::IssueLoader::fromTexts(name, texts, cancel);
    texts = QStringList(); // the articles hold what is kept of it
    // The search index numbers the articles of one date in a fixed range; an issue beyond it (a
    // year of pages in one file) would stop the import at the writer, after all the work below.
    const qsizetype perDate = SearchSortKey::WithinDay + 1;
    if (out.issue.date.isValid() && out.issue.articles.size() > perDate) {
        const QString why =
            QStringLiteral("%1 articles in one issue dated %2, more than the %3 of one date the search index "
                           "holds; split it into one file (or folder) per issue and import those")
                .arg(out.issue.articles.size())
                .arg(out.issue.date.toString(Qt::ISODate))
                .arg(perDate);
        for (const PageData &page : std::as_const(out.pages))
            out.skipped << SkippedFile{page.file, why};
        out.pages.clear();
        out.issue = parse::Issue();
        return out;
    }
    // Recognition is pure and the costliest step of an import: done here, the writer only
    // inserts. It reads the article as it will be stored, as a later re-recognition does.
    out.fields.reserve(out.issue.articles.size());
    out.recognized.reserve(out.issue.articles.size());
    out.entityRows.reserve(out.issue.articles.size());
    out.searchText.reserve(out.issue.articles.size());
    for (parse::Article &a : out.issue.articles) {
        if (parse::isCancelled(cancel))
            break;
        out.fields << articleFields(a);
        // From here on the fields are the article's text; the writer needs only its page. A
        // 50 MB page would otherwise be held in memory once more.
        const int page = a.page;
        a = parse::Article();
        a.page = page;
        const QStringList &f = out.fields.last();
        const parse::Article stored = EntityStore::storedArticle(storedValues(f));
        out.recognized << entities::ArticleFields::mentions(stored);
        out.entityRows << EntityStore::plainRows(stored, out.recognized.last());
        // The columns of article_search_text, from kicker on, and the names whose pinyin the
        // vocabulary needs: computed here, as the writer thread is the import's bottleneck.
        QStringList names;
        for (const entities::FieldMention &m : std::as_const(out.recognized.last())) {
            if (m.mention.type == entities::EntityType::Person || m.mention.type == entities::EntityType::Location ||
                m.mention.type == entities::EntityType::Organization)
                names << m.text;
        }
        out.searchText << SearchIndexWriter::textOf(
            {f.at(2), f.at(1), f.at(3), f.at(4), f.at(5), f.at(6), f.at(7), f.at(8), f.at(9), f.at(10), f.at(11)},
            names);
    }
    return out;
}

} // namespace

// The issues written in the open transaction, kept until it commits so they can be written
// again one by one when it cannot.
struct Importer::Batch
{
    struct Issue
    {
        int unit;
        Prepared prepared;
        Parsed parsed;
        ImportSummary counts;
    };
    std::unique_ptr<Transaction> transaction;
    std::vector<Issue> issues;
    int articles = 0;
    QElapsedTimer started;
    int maxArticles = 0;
    int maxMilliseconds = 0;

    std::chrono::milliseconds left() const
    {
        return std::chrono::milliseconds(std::max<qint64>(0, maxMilliseconds - started.elapsed()));
    }
    bool full() const { return articles >= maxArticles || started.elapsed() >= maxMilliseconds; }
};

struct Importer::Unit
{
    QString name;
    QString source;
    QStringList files;      // on disk, in page order
    QList<PageBytes> pages; // or already in memory
};

// Statements prepared once per run and reused for every issue and article.
struct Importer::Statements
{
    explicit Statements(const QSqlDatabase &db)
        : findIssue(db)
        , insertIssue(db)
        , updateIssue(db)
        , storedPages(db)
        , upsertPage(db)
        , pageId(db)
        , trimPages(db)
        , storedArticles(db)
        , keyTaken(db)
        , insertArticle(db)
        , updateArticle(db)
        , moveArticle(db)
        , deleteArticle(db)
        , hasNotes(db)
        , issueDate(db)
        , entities(db)
        , index(db)
    {
        QStringList columns;
        QStringList marks;
        QStringList sets;
        for (const char *f : kArticleFields) {
            const QString name = QString::fromLatin1(f);
            columns << name;
            marks << QLatin1Char(':') + name;
            sets << name + QStringLiteral(" = :") + name;
        }
        ok = findIssue.prepare(QStringLiteral("SELECT id FROM issue WHERE source = :source")) &&
             insertIssue.prepare(
                 QStringLiteral("INSERT INTO issue (source, name, date, date_inferred, article_count, imported) "
                                "VALUES (:source, :name, :date, :inferred, :count, :imported)")) &&
             updateIssue.prepare(
                 QStringLiteral("UPDATE issue SET name = :name, date = :date, date_inferred = :inferred, "
                                "article_count = :count, imported = :imported WHERE id = :id")) &&
             storedPages.prepare(
                 QStringLiteral("SELECT file, sha256 FROM page WHERE issue_id = :issue ORDER BY ordinal")) &&
             upsertPage.prepare(QStringLiteral(
                 "INSERT INTO page (issue_id, ordinal, file, sha256, encoding, raw_bytes) "
                 "VALUES (:issue, :ordinal, :file, :sha, :encoding, :bytes) "
                 "ON CONFLICT (issue_id, ordinal) DO UPDATE SET file = excluded.file, sha256 = excluded.sha256, "
                 "encoding = excluded.encoding, raw_bytes = excluded.raw_bytes")) &&
             pageId.prepare(QStringLiteral("SELECT id FROM page WHERE issue_id = :issue AND ordinal = :ordinal")) &&
             trimPages.prepare(QStringLiteral("DELETE FROM page WHERE issue_id = :issue AND ordinal >= :count")) &&
             storedArticles.prepare(QStringLiteral("SELECT id, key, ordinal, page_id, %1 FROM article "
                                                   "WHERE issue_id = :issue ORDER BY ordinal")
                                        .arg(columns.join(QStringLiteral(", ")))) &&
             keyTaken.prepare(QStringLiteral("SELECT 1 FROM article WHERE key = :key")) &&
             insertArticle.prepare(
                 QStringLiteral("INSERT INTO article (key, issue_id, page_id, ordinal, char_count, %1) "
                                "VALUES (:key, :issue, :page, :ordinal, :chars, %2)")
                     .arg(columns.join(QStringLiteral(", ")), marks.join(QStringLiteral(", ")))) &&
             updateArticle.prepare(QStringLiteral("UPDATE article SET page_id = :page, ordinal = :ordinal, "
                                                  "char_count = :chars, %1 WHERE id = :id")
                                       .arg(sets.join(QStringLiteral(", ")))) &&
             moveArticle.prepare(
                 QStringLiteral("UPDATE article SET page_id = :page, ordinal = :ordinal WHERE id = :id")) &&
             deleteArticle.prepare(QStringLiteral("DELETE FROM article WHERE id = :id")) &&
             hasNotes.prepare(QStringLiteral("SELECT 1 FROM note WHERE article_key = :key LIMIT 1")) &&
             issueDate.prepare(QStringLiteral("SELECT coalesce(user_date, date) FROM issue WHERE id = :id"));
        // Written in rowid order when the batch commits (SearchIndexWriter::setBuffered).
        index.setBuffered(true);
        QString why;
        if (ok && !index.prepare(&why)) {
            ok = false;
            qCWarning(lcStore) << "cannot prepare import statements:" << why;
            return;
        }
        if (!ok)
            qCWarning(lcStore) << "cannot prepare import statements:" << db.lastError().text();
    }

    void bindFields(QSqlQuery &q, const QStringList &fields)
    {
        for (int i = 0; i < kFieldCount; ++i)
            q.bindValue(QLatin1Char(':') + QString::fromLatin1(kArticleFields[i]), fieldValue(i, fields.at(i)));
    }

    bool ok = false;
    QSqlQuery findIssue;
    QSqlQuery insertIssue;
    QSqlQuery updateIssue;
    QSqlQuery storedPages;
    // No RETURNING: with it the upsert opens a statement savepoint, at which FTS5 (SQLite 3.40)
    // writes its pending index as a new segment, once per issue of a batch. pageId reads the id.
    QSqlQuery upsertPage;
    QSqlQuery pageId;
    QSqlQuery trimPages;
    QSqlQuery storedArticles;
    QSqlQuery keyTaken;
    QSqlQuery insertArticle;
    QSqlQuery updateArticle;
    QSqlQuery moveArticle;
    QSqlQuery deleteArticle;
    QSqlQuery hasNotes;
    QSqlQuery issueDate;
    EntityStore::Writer entities;
    SearchIndexWriter index;
};

QString ImportSummary::text() const
{
    QString line = QStringLiteral("%1 issues (%2 new, %3 changed, %4 unchanged); %5 articles added, %6 updated, "
                                  "%7 unchanged, %8 removed; %9 files skipped")
                       .arg(issues())
                       .arg(issuesAdded)
                       .arg(issuesUpdated)
                       .arg(issuesUnchanged)
                       .arg(articlesAdded)
                       .arg(articlesUpdated)
                       .arg(articlesUnchanged)
                       .arg(articlesRemoved)
                       .arg(skipped.size());
    if (cancelled)
        line += QStringLiteral("; cancelled");
    if (!error.isEmpty())
        line += QStringLiteral("; stopped: ") + StorageFailure::explain(error);
    return line;
}

Importer::Importer(const Database *db)
    : m_db(db)
{}

Importer::~Importer() = default;

ImportSummary Importer::importPaths(const QStringList &paths)
{
    ImportSummary summary;
    QList<Unit> units;
    for (const QString &path : paths)
        collect(path, units, summary);
    run(units, summary);
    return summary;
}

ImportSummary Importer::importPages(const QString &name, const QString &source, const QList<PageBytes> &pages)
{
    ImportSummary summary;
    Unit unit;
    unit.name = name;
    unit.source = source;
    unit.pages = pages;
    run({unit}, summary);
    return summary;
}

void Importer::collect(const QString &path, QList<Unit> &units, ImportSummary &summary) const
{
    const QFileInfo info(path);
    if (!info.exists()) {
        summary.skipped << SkippedFile{path, QStringLiteral("no such file or folder")};
        return;
    }
    if (!info.isDir() && !info.isFile()) {
        // A pipe or a device would block the import or never end.
        summary.skipped << SkippedFile{path, QStringLiteral("not a regular file")};
        return;
    }
    if (!info.isDir()) {
        Unit unit;
        unit.name = info.fileName();
        unit.source = info.canonicalFilePath();
        unit.files << unit.source;
        units << unit;
        return;
    }
    // Walk the tree without following a link back up into it or above it: a link to ".." would
    // otherwise import the folder around this one and everything beside it.
    const QString root = info.canonicalFilePath();
    auto aboveRoot = [&root](const QString &dirPath) {
        return dirPath == QLatin1String("/") || root == dirPath || root.startsWith(dirPath + QLatin1Char('/'));
    };
    QSet<QString> seen;
    QStringList pending{root};
    while (!pending.isEmpty()) {
        const QString dirPath = pending.takeFirst();
        if (seen.contains(dirPath))
            continue;
        seen.insert(dirPath);
        const QDir dir(dirPath);
        Unit unit;
        unit.name = dir.dirName();
        unit.source = dirPath;
        QStringList subfolders;
        const QFileInfoList entries = dir.entryInfoList(
            QDir::Files | QDir::Dirs | QDir::NoDotAndDotDot | QDir::Hidden | QDir::System, QDir::Name);
        for (const QFileInfo &entry : entries) {
            if (entry.isDir()) {
                if (!aboveRoot(entry.canonicalFilePath()))
                    subfolders << entry.canonicalFilePath();
            } else if (entry.isFile()) {
                // The name in the folder, not a link's target: it is what the user sees, what a
                // message must name, and what orders the pages.
                unit.files << entry.absoluteFilePath();
            } else if (entry.isSymLink() && !entry.exists()) {
                summary.skipped << SkippedFile{
                    entry.absoluteFilePath(),
                    QStringLiteral("a link to %1, which does not exist").arg(entry.symLinkTarget())};
            } else {
                summary.skipped << SkippedFile{entry.absoluteFilePath(), QStringLiteral("not a regular file")};
            }
        }
        if (!unit.files.isEmpty())
            units << unit;
        // Subfolders after this one, in name order, so issues go in in a predictable order.
        pending = subfolders + pending;
    }
}

void Importer::run(const QList<Unit> &units, ImportSummary &summary)
{
    // A bulk import touches the indexes of many tables at once; the default page cache (2 MB)
    // makes it read the same pages again. Given back when the run ends.
    QSqlQuery pragma(m_db->connection());
    const int cacheSize =
        pragma.exec(QStringLiteral("PRAGMA cache_size")) && pragma.next() ? pragma.value(0).toInt() : 0;
    pragma.finish();
    if (cacheSize)
        pragma.exec(QStringLiteral("PRAGMA cache_size = -%1").arg(kImportCacheKiB));
    // Checkpoints copy the WAL into the archive: fewer, larger ones during a bulk import write
    // each page of the growing indexes once rather than after every few issues.
    const int checkpoint =
        pragma.exec(QStringLiteral("PRAGMA wal_autocheckpoint")) && pragma.next() ? pragma.value(0).toInt() : 0;
    pragma.finish();
    if (checkpoint > 0)
        pragma.exec(QStringLiteral("PRAGMA wal_autocheckpoint = %1").arg(kImportCheckpointPages));
    m_statements = std::make_unique<Statements>(m_db->connection());
    if (!m_statements->ok) {
        summary.error =
            QStringLiteral("cannot use the archive %1: %2").arg(m_db->path(), m_db->connection().lastError().text());
    }
    // Parsing is most of the work and needs no database: the next few issues are parsed on other
    // threads while this one writes them, in order, several to a transaction (Batch).
    struct Pending
    {
        int unit;
        Prepared prepared;
        std::future<Parsed> parsed;
        qint64 bytes;
    };
    std::deque<Pending> window;
    Batch batch;
    batch.maxArticles = m_options.batchArticles;
    batch.maxMilliseconds = m_options.batchMilliseconds;
    qint64 windowBytes = 0;
    // Two issues per core in flight: with one, a core idled whenever the writer waited for an
    // issue slower to parse than the one behind it (bench_store 100000: 1,809 -> 2,063 articles/s
    // on two cores; four per core gained nothing more).
    const size_t ahead = size_t(2 * std::max(2, QThread::idealThreadCount()));
    const int total = int(units.size());
    int next = 0;
    int done = 0;
    auto step = [&] {
        ++done;
        if (m_progress)
            m_progress(done, total, summary);
    };
    while (summary.error.isEmpty() && (next < total || !window.empty())) {
        if (cancelled()) {
            summary.cancelled = true;
            break;
        }
        // Parsing takes many times a page's size in memory: a huge file is parsed on its own.
        if (next < total && window.size() < ahead && (window.empty() || windowBytes < kMaxParseAheadBytes)) {
            Prepared prepared;
            const Unit &unit = units.at(next);
            if (!prepare(unit, prepared, summary))
                break;
            qint64 bytes = 0;
            for (const PageBytes &page : unit.pages)
                bytes += page.bytes.size();
            for (const QString &file : unit.files)
                bytes += std::min(QFileInfo(file).size(), kMaxPageBytes);
            windowBytes += bytes;
            // Reading and hashing the pages is done there too: an unchanged issue is not parsed.
            const bool reparse = m_options.reparseUnchanged;
            window.push_back(
                Pending{next, prepared,
                        std::async(std::launch::async,
                                   [name = unit.name, files = unit.files, memory = unit.pages,
                                    issueId = prepared.issueId, stored = prepared.storedPages, reparse, c = m_cancel] {
                                       Parsed out;
                                       QList<PageData> pages = readPages(files, memory, out.skipped);
                                       if (!pages.isEmpty() && issueId && !reparse && samePages(stored, pages)) {
                                           for (PageData &page : pages)
                                               page.bytes = QByteArray();
                                           out.pages = std::move(pages);
                                           return out;
                                       }
                                       QList<SkippedFile> skipped = std::move(out.skipped);
                                       // Moved into the parser, which drops each page's bytes once
                                       // decoded: a copy kept here would hold the raw file in memory
                                       // through the whole parse.
                                       out = decodeAndParse(name, std::move(pages), c);
                                       out.skipped = skipped + out.skipped;
                                       return out;
                                   }),
                        bytes});
            ++next;
            continue;
        }
        Pending head = std::move(window.front());
        window.pop_front();
        windowBytes -= head.bytes;
        // Waiting for a parse (a huge page takes seconds) with the write lock held would hold off
        // every other writer: what the batch has goes in first.
        if (batch.transaction && head.parsed.wait_for(batch.left()) != std::future_status::ready &&
            !commitBatch(batch, units, summary))
            break;
        Parsed parsed = head.parsed.get();
        const Unit &unit = units.at(head.unit);
        summary.skipped += parsed.skipped;
        // Nothing to write: no page could be read, or they are what the archive holds.
        if (parsed.pages.isEmpty() || isUnchanged(head.prepared, parsed.pages, m_options.reparseUnchanged)) {
            if (!parsed.pages.isEmpty())
                countUnchanged(head.prepared.issueId, summary);
            step();
            continue;
        }
        if (!batch.transaction) {
            batch.transaction = std::make_unique<Transaction>(m_db->connection());
            if (!batch.transaction->isActive()) {
                summary.error = QStringLiteral("cannot write to the archive %1: %2")
                                    .arg(m_db->path(), batch.transaction->lastError());
                batch.transaction.reset();
                break;
            }
            m_statements->index.discard();
            batch.started.start();
        }
        ImportSummary counts;
        if (write(unit, head.prepared, parsed, counts, true)) {
            addCounts(summary, counts, 1);
            batch.articles += int(parsed.fields.size());
            batch.issues.push_back(Batch::Issue{head.unit, std::move(head.prepared), std::move(parsed), counts});
            step();
            if (batch.full() && !commitBatch(batch, units, summary))
                break;
            continue;
        }
        // The issue failed, or the import was cancelled while it was written: rolling back takes
        // the batch with it, so the issues finished before it go in again, one transaction each.
        if (!replayBatch(batch, units, summary))
            break;
        if (counts.cancelled) {
            summary.cancelled = true;
            break;
        }
        // Alone it may go in after all (a nearly full disk may take one issue but not a batch);
        // if not, the import stops there and says why.
        qCWarning(lcStore) << "writing" << unit.source << "alone after its batch failed:" << counts.error;
        ImportSummary alone;
        if (!writeAlone(unit, head.prepared, parsed, alone)) {
            summary.error = alone.error;
            break;
        }
        addCounts(summary, alone, 1);
        step();
    }
    // The finished issues go in, also when the import was cancelled or stopped after them.
    commitBatch(batch, units, summary);
    // Let the parsers still running finish before their results are dropped.
    window.clear();
    // Finalize the statements on the thread that made them, before the connection closes.
    m_statements.reset();
    if (cacheSize)
        pragma.exec(QStringLiteral("PRAGMA cache_size = %1").arg(cacheSize));
    if (checkpoint > 0)
        pragma.exec(QStringLiteral("PRAGMA wal_autocheckpoint = %1").arg(checkpoint));
}

bool Importer::prepare(const Unit &unit, Prepared &prepared, ImportSummary &summary)
{
    // An issue is known by where it came from; its pages tell whether anything changed.
    Statements &st = *m_statements;
    st.findIssue.bindValue(QStringLiteral(":source"), unit.source);
    if (!st.findIssue.exec()) {
        summary.error = QStringLiteral("cannot read the archive: %1").arg(st.findIssue.lastError().text());
        return false;
    }
    if (st.findIssue.next())
        prepared.issueId = st.findIssue.value(0).toLongLong();
    st.findIssue.finish();
    if (prepared.issueId) {
        st.storedPages.bindValue(QStringLiteral(":issue"), prepared.issueId);
        if (!st.storedPages.exec()) {
            summary.error = QStringLiteral("cannot read the archive: %1").arg(st.storedPages.lastError().text());
            return false;
        }
        while (st.storedPages.next())
            prepared.storedPages << qMakePair(st.storedPages.value(0).toString(), st.storedPages.value(1).toString());
        st.storedPages.finish();
    }
    return true;
}

void Importer::countUnchanged(qint64 issueId, ImportSummary &summary) const
{
    QSqlQuery q(m_db->connection());
    q.prepare(QStringLiteral("SELECT article_count FROM issue WHERE id = :id"));
    q.bindValue(QStringLiteral(":id"), issueId);
    if (q.exec() && q.next())
        summary.articlesUnchanged += q.value(0).toInt();
    ++summary.issuesUnchanged;
}

bool Importer::commitBatch(Batch &batch, const QList<Unit> &units, ImportSummary &summary)
{
    if (!batch.transaction)
        return true;
    // A failed commit has rolled the batch back (Transaction::commit).
    QString why;
    if (!m_statements->index.flush(&why) || !batch.transaction->commit()) {
        qCWarning(lcStore) << "cannot commit" << batch.issues.size() << "issues, writing them one at a time:"
                           << (why.isEmpty() ? batch.transaction->lastError() : why);
        return replayBatch(batch, units, summary);
    }
    batch.transaction.reset();
    batch.issues.clear();
    batch.articles = 0;
    return true;
}

bool Importer::replayBatch(Batch &batch, const QList<Unit> &units, ImportSummary &summary)
{
    batch.transaction.reset(); // rolls back what is still open
    m_statements->index.discard();
    std::vector<Batch::Issue> issues;
    issues.swap(batch.issues);
    batch.articles = 0;
    for (const Batch::Issue &issue : issues)
        addCounts(summary, issue.counts, -1);
    for (const Batch::Issue &issue : issues) {
        ImportSummary counts;
        if (!writeAlone(units.at(issue.unit), issue.prepared, issue.parsed, counts)) {
            summary.error = counts.error;
            return false;
        }
        addCounts(summary, counts, 1);
    }
    return true;
}

bool Importer::writeAlone(const Unit &unit, const Prepared &prepared, const Parsed &parsed, ImportSummary &counts)
{
    Transaction transaction(m_db->connection());
    if (!transaction.isActive()) {
        counts.error = QStringLiteral("cannot write to the archive %1: %2").arg(m_db->path(), transaction.lastError());
        return false;
    }
    m_statements->index.discard();
    if (!write(unit, prepared, parsed, counts, false))
        return false;
    QString why;
    if (!m_statements->index.flush(&why)) {
        counts.error = QStringLiteral("cannot index %1 for search: %2").arg(unit.source, why);
        return false;
    }
    if (!transaction.commit()) {
        counts.error = QStringLiteral("cannot write %1 to the archive: %2").arg(unit.source, transaction.lastError());
        return false;
    }
    return true;
}

bool Importer::write(const Unit &unit, const Prepared &prepared, const Parsed &parsed, ImportSummary &summary,
                     bool cancellable)
{
    const QList<PageData> &pages = parsed.pages;
    if (pages.isEmpty())
        return true;
    // Pages that did not decode were left out; what remains may be what is stored.
    if (isUnchanged(prepared, pages, m_options.reparseUnchanged)) {
        countUnchanged(prepared.issueId, summary);
        return true;
    }
    if (cancellable && cancelled()) {
        summary.cancelled = true;
        return false;
    }
    const parse::Issue &issue = parsed.issue;
    const QStringList &encodings = parsed.encodings;
    const qint64 bytes = parsed.bytes;
    qint64 issueId = prepared.issueId;
    Statements &st = *m_statements;
    auto dbError = [&](const QSqlQuery &q) {
        summary.error = QStringLiteral("cannot write %1 to the archive: %2").arg(unit.source, q.lastError().text());
        return false;
    };

    // The caller holds the transaction and rolls it back on any early return.
    const QSqlDatabase db = m_db->connection();
    auto reanchor = [&](const QString &key, const QHash<QString, QString> &texts) {
        // Most articles have no notes: one indexed look-up instead of reading them all.
        st.hasNotes.bindValue(QStringLiteral(":key"), key);
        if (!st.hasNotes.exec())
            return dbError(st.hasNotes);
        const bool hasNotes = st.hasNotes.next();
        st.hasNotes.finish();
        if (!hasNotes)
            return true;
        ReanchorResult placed;
        QString why;
        if (!NoteStore::reanchorArticle(db, key, texts, &placed, &why)) {
            summary.error = QStringLiteral("cannot re-anchor the highlights of %1: %2").arg(key, why);
            return false;
        }
        summary.highlightsMoved += placed.moved;
        summary.highlightsToReview += placed.review;
        return true;
    };
    QString why;
    if (!st.entities.begin(&why)) {
        summary.error = QStringLiteral("cannot store the entities of %1: %2").arg(unit.source, why);
        return false;
    }
    st.index.begin();
    // Another window or process may have imported the same source since the look-up above;
    // under the write lock the answer is final.
    st.findIssue.bindValue(QStringLiteral(":source"), unit.source);
    if (!st.findIssue.exec())
        return dbError(st.findIssue);
    issueId = st.findIssue.next() ? st.findIssue.value(0).toLongLong() : 0;
    st.findIssue.finish();
    // Re-importing takes articles out of the index (triggers on update and delete): what the
    // batch indexed so far has to be in it first.
    if (issueId && !st.index.flush(&why)) {
        summary.error = QStringLiteral("cannot index for search: %1").arg(why);
        return false;
    }
    const QString now = QDateTime::currentDateTimeUtc().toString(Qt::ISODate);
    const QVariant date =
        issue.date.isValid() ? QVariant(issue.date.toString(Qt::ISODate)) : QVariant(QMetaType::fromType<QString>());
    QSqlQuery &writeIssue = issueId ? st.updateIssue : st.insertIssue;
    if (issueId)
        writeIssue.bindValue(QStringLiteral(":id"), issueId);
    else
        writeIssue.bindValue(QStringLiteral(":source"), unit.source);
    writeIssue.bindValue(QStringLiteral(":name"), unit.name);
    writeIssue.bindValue(QStringLiteral(":date"), date);
    writeIssue.bindValue(QStringLiteral(":inferred"), issue.dateInferred ? 1 : 0);
    writeIssue.bindValue(QStringLiteral(":count"), int(issue.articles.size()));
    writeIssue.bindValue(QStringLiteral(":imported"), now);
    if (!writeIssue.exec())
        return dbError(writeIssue);
    const bool isNew = !issueId;
    if (isNew)
        issueId = writeIssue.lastInsertId().toLongLong();
    // The date the index orders by: the user's, when they corrected it.
    st.issueDate.bindValue(QStringLiteral(":id"), issueId);
    if (!st.issueDate.exec() || !st.issueDate.next())
        return dbError(st.issueDate);
    const QString indexDate = st.issueDate.value(0).toString();
    st.issueDate.finish();
    // Mentions and search text were made on the parser thread; the writer only inserts them.
    auto recognizeAndIndex = [&](qint64 id, bool newRow, const QString &key, int i) {
        EntityRows rows;
        const QStringList &fields = parsed.fields.at(i);
        const auto article = [&fields] { return EntityStore::storedArticle(storedValues(fields)); };
        if (!st.entities.write(id, newRow, key, article, &parsed.entityRows.at(i), &parsed.recognized.at(i), &rows,
                               &why)) {
            summary.error = QStringLiteral("cannot store the entities of %1: %2").arg(unit.source, why);
            return false;
        }
        // As the index reads them from the archive: distinct, in SQLite's (UTF-8 byte) order.
        QList<QByteArray> names;
        for (const StoredMention &m : std::as_const(rows.mentions)) {
            if (m.type == QLatin1String("PER") || m.type == QLatin1String("LOC") || m.type == QLatin1String("ORG"))
                names << m.text.toUtf8();
        }
        std::sort(names.begin(), names.end());
        names.erase(std::unique(names.begin(), names.end()), names.end());
        QStringList nameTexts;
        for (const QByteArray &n : std::as_const(names))
            nameTexts << QString::fromUtf8(n);
        if (!st.index.index(id, parsed.searchText.at(i), indexDate, nameTexts, &why)) {
            summary.error = QStringLiteral("cannot index %1 for search: %2").arg(unit.source, why);
            return false;
        }
        return true;
    };

    QList<qint64> pageIds;
    for (int i = 0; i < pages.size(); ++i) {
        st.upsertPage.bindValue(QStringLiteral(":issue"), issueId);
        st.upsertPage.bindValue(QStringLiteral(":ordinal"), i);
        st.upsertPage.bindValue(QStringLiteral(":file"), pages.at(i).fileName);
        st.upsertPage.bindValue(QStringLiteral(":sha"), pages.at(i).sha256);
        st.upsertPage.bindValue(QStringLiteral(":encoding"), encodings.at(i));
        st.upsertPage.bindValue(QStringLiteral(":bytes"), pages.at(i).size);
        if (!st.upsertPage.exec())
            return dbError(st.upsertPage);
        st.pageId.bindValue(QStringLiteral(":issue"), issueId);
        st.pageId.bindValue(QStringLiteral(":ordinal"), i);
        if (!st.pageId.exec() || !st.pageId.next())
            return dbError(st.pageId);
        pageIds << st.pageId.value(0).toLongLong();
        st.pageId.finish();
    }
    st.trimPages.bindValue(QStringLiteral(":issue"), issueId);
    st.trimPages.bindValue(QStringLiteral(":count"), int(pages.size()));
    if (!st.trimPages.exec())
        return dbError(st.trimPages);

    // The articles this issue had, to carry their keys over to the new parse.
    QList<StoredArticle> stored;
    if (!isNew) {
        st.storedArticles.bindValue(QStringLiteral(":issue"), issueId);
        if (!st.storedArticles.exec())
            return dbError(st.storedArticles);
        while (st.storedArticles.next()) {
            StoredArticle a;
            a.id = st.storedArticles.value(0).toLongLong();
            a.key = st.storedArticles.value(1).toString();
            a.ordinal = st.storedArticles.value(2).toInt();
            a.pageId = st.storedArticles.value(3).toLongLong();
            for (int f = 0; f < kFieldCount; ++f)
                a.fields << st.storedArticles.value(4 + f).toString();
            stored << a;
        }
        st.storedArticles.finish();
    }
    const QList<QStringList> &fresh = parsed.fields;
    QList<int> matches(fresh.size(), -1);
    if (!stored.isEmpty()) {
        QList<ArticleMatcher::Fingerprint> oldPrints;
        QList<ArticleMatcher::Fingerprint> newPrints;
        for (const StoredArticle &a : stored)
            oldPrints << ArticleMatcher::fingerprint(a.fields.at(kTitleField), identifyingText(a.fields));
        for (const QStringList &f : fresh)
            newPrints << ArticleMatcher::fingerprint(f.at(kTitleField), identifyingText(f));
        matches = ArticleMatcher::match(oldPrints, newPrints);
    }

    int added = 0;
    // Articles kept from before are indexed again: a changed issue may have a new date, and the
    // index orders hits by date. They keep their mentions.
    QList<qint64> toIndex;
    int updated = 0;
    int same = 0;
    QSet<QString> keysMinted;
    QHash<QByteArray, int> nextAttempt; // by a hash of the title and text a key is minted from
    QSet<int> continued;
    QSet<int> reindexed;
    for (int i = 0; i < fresh.size(); ++i) {
        if (cancellable && cancelled()) {
            summary.cancelled = true;
            return false;
        }
        const QStringList &fields = fresh.at(i);
        const qint64 pageId = pageIds.value(issue.articles.at(i).page, pageIds.value(0));
        const int chars = codePoints(fields.at(kBodyField));
        if (matches.at(i) >= 0) {
            const StoredArticle &old = stored.at(matches.at(i));
            continued.insert(matches.at(i));
            bool textSame = true;
            for (int f = 0; f < kFieldCount && textSame; ++f)
                textSame = sameField(f, old.fields.at(f), fields.at(f));
            if (textSame && old.ordinal == i && old.pageId == pageId) {
                ++same;
                continue;
            }
            if (textSame) {
                st.moveArticle.bindValue(QStringLiteral(":page"), pageId);
                st.moveArticle.bindValue(QStringLiteral(":ordinal"), i);
                st.moveArticle.bindValue(QStringLiteral(":id"), old.id);
                if (!st.moveArticle.exec())
                    return dbError(st.moveArticle);
                ++same;
                continue;
            }
            st.updateArticle.bindValue(QStringLiteral(":page"), pageId);
            st.updateArticle.bindValue(QStringLiteral(":ordinal"), i);
            st.updateArticle.bindValue(QStringLiteral(":chars"), chars);
            st.updateArticle.bindValue(QStringLiteral(":id"), old.id);
            st.bindFields(st.updateArticle, fields);
            if (!st.updateArticle.exec())
                return dbError(st.updateArticle);
            // Recognized entities point into the old text: they are replaced.
            if (!recognizeAndIndex(old.id, false, old.key, i))
                return false;
            reindexed.insert(matches.at(i));
            // Highlights point into the old text: place them in the new one, or send them to review.
            const QHash<QString, QString> texts = highlightTexts(fields);
            if (highlightTexts(old.fields) != texts && !reanchor(old.key, texts))
                return false;
            ++updated;
            continue;
        }
        QString key;
        // Attempts before the last one taken for the same text are taken still (keys are only
        // added meanwhile): starting after it gives the same key without trying each again,
        // which a page repeating one article thousands of times would make quadratic.
        const QString text = identifyingText(fields);
        const QString first = ArticleMatcher::mintKey(unit.name, fields.at(kTitleField), text, 0);
        // Articles with the same title and text get the same attempts from mintKey.
        const QByteArray seed =
            QCryptographicHash::hash((fields.at(kTitleField) + QChar(0x1F) + text).toUtf8(), QCryptographicHash::Sha1);
        int attempt = nextAttempt.value(seed, 0);
        for (; key.isEmpty(); ++attempt) {
            const QString candidate =
                attempt == 0 ? first : ArticleMatcher::mintKey(unit.name, fields.at(kTitleField), text, attempt);
            if (keysMinted.contains(candidate))
                continue;
            st.keyTaken.bindValue(QStringLiteral(":key"), candidate);
            if (!st.keyTaken.exec())
                return dbError(st.keyTaken);
            const bool taken = st.keyTaken.next();
            st.keyTaken.finish();
            if (!taken)
                key = candidate;
        }
        keysMinted.insert(key);
        nextAttempt.insert(seed, attempt);
        st.insertArticle.bindValue(QStringLiteral(":key"), key);
        st.insertArticle.bindValue(QStringLiteral(":issue"), issueId);
        st.insertArticle.bindValue(QStringLiteral(":page"), pageId);
        st.insertArticle.bindValue(QStringLiteral(":ordinal"), i);
        st.insertArticle.bindValue(QStringLiteral(":chars"), chars);
        st.bindFields(st.insertArticle, fields);
        if (!st.insertArticle.exec())
            return dbError(st.insertArticle);
        // Notes kept under this key (the article was dropped by an earlier import, or the notes
        // came from another archive) find their article again.
        if (!reanchor(key, highlightTexts(fields)))
            return false;
        if (!recognizeAndIndex(st.insertArticle.lastInsertId().toLongLong(), true, key, i))
            return false;
        ++added;
    }
    for (const int s : std::as_const(continued)) {
        if (!reindexed.contains(s))
            toIndex << stored.at(s).id;
    }
    // Articles the new parse no longer has. Their notes and tags stay, under their key.
    int removed = 0;
    for (int s = 0; s < stored.size(); ++s) {
        if (continued.contains(s))
            continue;
        st.deleteArticle.bindValue(QStringLiteral(":id"), stored.at(s).id);
        if (!st.deleteArticle.exec())
            return dbError(st.deleteArticle);
        ++removed;
    }
    for (const qint64 id : std::as_const(toIndex)) {
        if (!st.index.index(id, &why)) {
            summary.error = QStringLiteral("cannot index %1 for search: %2").arg(unit.source, why);
            return false;
        }
    }
    if (isNew)
        ++summary.issuesAdded;
    else if (added || updated || removed)
        ++summary.issuesUpdated;
    else
        ++summary.issuesUnchanged;
    summary.articlesAdded += added;
    summary.articlesUpdated += updated;
    summary.articlesUnchanged += same;
    summary.articlesRemoved += removed;
    summary.bytesParsed += bytes;
    return true;
}

} // namespace baokan::store
