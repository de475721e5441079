// SPDX-License-Identifier: MIT
#pragma once

#include <QString>
#include <QStringList>

#include <optional>

namespace baokan::parse {

// Reads the credits that close an article: the source "（自治区司法厅供稿）" / "（…提供）" and the
// photographers "顾鑫 摄", "（本版图片由郁佳俊摄）". Pure; usable from any thread.
class CreditParser
{
public:
    struct Split
    {
        QString before; // text on the line before the credit, may be empty
        std::optional<QString> source;
        QStringList photographers;
    };

    // Finds a credit in brackets at the end of `line` (source or photo credit) and splits it off.
    // Returns nothing when the line does not end with one.
    static std::optional<Split> splitTrailingCredit(const QString &line);

    // The names of a stand-alone photo credit line ("郭成 杜海 佘旭 摄"), or nothing.
    static std::optional<QStringList> photoCreditLine(const QString &line);
};

} // namespace baokan::parse
