// SPDX-License-Identifier: MIT
#pragma once

#include "parse/article.h"

#include <QDate>

namespace baokan::parse {

// Infers an issue's date from the dates its articles mention: the year the text names most
// often ("2023年") with the latest month and day reported ("11月15日"). Pages do not print
// their own date in the extracted text, so the result is always marked inferred. Pure; usable
// from any thread.
class IssueDate
{
public:
    // An invalid date when the text names no month and day.
    static QDate infer(const QList<Article> &articles);
    static QDate infer(const QString &text);

    // The date a page header prints ("2023年11月15日 星期三" on a line of its own), or an
    // invalid date. Unlike the inferred date this one is certain.
    static QDate printed(const QString &pageText);
};

} // namespace baokan::parse
