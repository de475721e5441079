// SPDX-License-Identifier: MIT
#pragma once

#include "parse/article.h"
#include "parse/cancelflag.h"

#include <optional>

namespace baokan::parse {

// Reads an issue from disk: a single page file, or a folder whose files are its pages (in name
// order). Decodes, parses, and infers the issue date. Usable from any thread.
class IssueLoader
{
public:
    // Returns nothing and sets *error to a message naming the file when it cannot be read. In a
    // folder, a file that is not text is skipped and named in *warnings (when given); the folder
    // fails only when none of its files is a page. An empty file is a page without articles.
    static std::optional<Issue> load(const QString &path, QString *error = nullptr, QStringList *warnings = nullptr);

    // Parses pages already in memory, e.g. the bundled sample; `name` becomes the issue name.
    // A set `cancel` stops the parse early; the issue returned is then partial and to be dropped.
    static Issue fromTexts(const QString &name, const QStringList &pageTexts, const std::atomic_bool *cancel = nullptr);
};

} // namespace baokan::parse
