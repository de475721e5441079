// SPDX-License-Identifier: MIT
#pragma once

#include <QList>
#include <QString>
#include <QStringList>

namespace baokan::parse {

struct Headline
{
    QString kicker; // 引题, null when none
    QString title;
    QString subtitle; // 副题, null when none
};

// Decides the roles of the lines of one headline: which line is the title, which the kicker above
// it or the subtitle below it, and whether two lines are one title (parallel phrases or a wrapped
// line). Pure; usable from any thread.
class HeadlineComposer
{
public:
    // `lines` are the headline's lines, each already cut into phrases (TextMetrics::phrases).
    static Headline compose(const QList<QStringList> &lines);

    // True when the line reads like a factual sentence (a meeting was held, something launched),
    // the way subtitles read, rather than a slogan-like title.
    static bool readsAsReport(const QString &line);
};

} // namespace baokan::parse
