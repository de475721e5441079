// SPDX-License-Identifier: MIT
#pragma once

#include <QString>
#include <QStringList>

namespace baokan::bench {

// Writes a synthetic archive from the bundled sample pages: each issue is a folder of pages, each
// page a sample page's raw layout (line wraps, blank lines, bylines, headlines) with its body
// paragraphs swapped for paragraphs of the same layout from other pages and its numbers and years
// varied, so the parser does the same work as on real pages. Deterministic for a given seed.
class ArchiveGenerator
{
public:
    explicit ArchiveGenerator(quint32 seed = 1);

    // The raw text of page `page` of issue `issue`.
    QString pageText(int issue, int page) const;
    // Writes issues [first, first + count) under dir as dir/issue-NNNNNN/pN.txt; returns the bytes
    // written, or -1 when a file could not be written.
    qint64 write(const QString &dir, int first, int count, int pagesPerIssue) const;

private:
    struct Template
    {
        QList<QStringList> blocks; // runs of lines between blank lines
        bool narrow = false;       // hard-wrapped columns rather than paragraph-long lines
    };
    QList<Template> m_templates;
    QList<QStringList> m_narrowBodies;
    QList<QStringList> m_wideBodies;
    quint32 m_seed;
};

} // namespace baokan::bench
