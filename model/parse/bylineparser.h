// SPDX-License-Identifier: MIT
#pragma once

#include <QString>
#include <QStringList>

#include <optional>

namespace baokan::parse {

// Who wrote an article and where from, as printed in its opening.
struct Byline
{
    QString dateline; // "呼和浩特" from "呼和浩特讯"
    QStringList reporters;
    QStringList correspondents;
    QStringList interns;
    QStringList photographers;
};

// Reads article openings: "本报讯（记者 刘琪 通讯员 毕远翔）…", "呼和浩特讯 …",
// "本报记者●刘琪 通讯员●齐浩越", including the spaced-out and unspaced forms PDF extraction
// produces. Pure; usable from any thread.
class BylineParser
{
public:
    struct Opening
    {
        Byline byline;
        QString rest; // the body text that follows the opening on the same line
    };

    // The opening at the start of `line`, or nothing when the line does not open an article.
    static std::optional<Opening> parseOpening(const QString &line);

    // Splits the inside of a byline ("记者 赵芳 实习生 武琛洋") into names by role.
    static Byline parseCredits(const QString &inside);

    // True when `text` names a role such as 记者 or 通讯员, i.e. reads as a byline.
    static bool mentionsRole(const QString &text);
};

} // namespace baokan::parse
