// SPDX-License-Identifier: MIT
#include "archivegenerator.h"

#include <QDir>
#include <QFile>
#include <QRegularExpression>

#include <random>

namespace baokan::bench {

namespace {

bool isBody(const QStringList &block)
{
    // A headline or byline is one short line; a paragraph is several lines or one long one.
    return block.size() >= 2 || (block.size() == 1 && block.first().size() >= 40);
}

} // namespace

ArchiveGenerator::ArchiveGenerator(quint32 seed)
    : m_seed(seed)
{
    const QDir dir(QStringLiteral(":/sample"));
    for (const QString &name : dir.entryList(QDir::Files, QDir::Name)) {
        QFile f(dir.filePath(name));
        if (!f.open(QIODevice::ReadOnly))
            continue;
        const QString text = QString::fromUtf8(f.readAll()).replace(QStringLiteral("\r\n"), QStringLiteral("\n"));
        Template t;
        QStringList current;
        int lines = 0;
        int chars = 0;
        for (const QString &line : text.split(QLatin1Char('\n'))) {
            if (line.trimmed().isEmpty()) {
                if (!current.isEmpty())
                    t.blocks << current;
                current.clear();
                continue;
            }
            current << line;
            ++lines;
            chars += int(line.size());
        }
        if (!current.isEmpty())
            t.blocks << current;
        t.narrow = lines > 0 && chars / lines < 30;
        for (const QStringList &block : t.blocks) {
            if (isBody(block))
                (t.narrow ? m_narrowBodies : m_wideBodies) << block;
        }
        m_templates << t;
    }
}

QString ArchiveGenerator::pageText(int issue, int page) const
{
    if (m_templates.isEmpty())
        return {};
    std::mt19937 rng(m_seed * 7919u + quint32(issue) * 131u + quint32(page));
    const Template &t = m_templates.at((issue * 7 + page) % m_templates.size());
    const QList<QStringList> &pool = t.narrow ? m_narrowBodies : m_wideBodies;
    QStringList out;
    for (const QStringList &block : t.blocks) {
        // Half the paragraphs come from elsewhere: articles are recombined, the layout is kept.
        if (isBody(block) && !pool.isEmpty() && rng() % 2 == 0)
            out << pool.at(int(rng() % quint32(pool.size())));
        else
            out << block;
        out << QString();
    }
    QString text = out.join(QLatin1Char('\n'));
    // Vary numbers and years, as issue after issue of a paper would.
    const int year = 1995 + int(rng() % 30);
    static const QRegularExpression years(QStringLiteral("(19|20)\\d\\d(?=\\s*年)"));
    text.replace(years, QString::number(year));
    const int shift = int(rng() % 9) + 1;
    for (QChar &c : text) {
        const int d = c.digitValue();
        if (c.unicode() < 128 && d >= 0 && d <= 9 && rng() % 3 == 0)
            c = QLatin1Char(char('0' + (d + shift) % 10));
    }
    return text;
}

qint64 ArchiveGenerator::write(const QString &dir, int first, int count, int pagesPerIssue) const
{
    qint64 bytes = 0;
    for (int issue = first; issue < first + count; ++issue) {
        const QString folder = QStringLiteral("%1/issue-%2").arg(dir).arg(issue, 6, 10, QLatin1Char('0'));
        if (!QDir().mkpath(folder))
            return -1;
        for (int page = 0; page < pagesPerIssue; ++page) {
            QFile f(QStringLiteral("%1/p%2.txt").arg(folder).arg(page + 1));
            const QByteArray raw = pageText(issue, page).toUtf8();
            if (!f.open(QIODevice::WriteOnly) || f.write(raw) != raw.size())
                return -1;
            bytes += raw.size();
        }
    }
    return bytes;
}

} // namespace baokan::bench
