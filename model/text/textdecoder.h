// SPDX-License-Identifier: MIT
#pragma once

#include <QByteArray>
#include <QString>

#include <optional>

namespace baokan::text {

struct DecodedText
{
    QString text;
    QString encoding; // the charset the bytes were read as, e.g. "UTF-8", "GB18030"
};

// Turns the raw bytes of a page file into text. Detects UTF-8 (with or without BOM, a few stray NUL
// bytes dropped), UTF-16 (with or without BOM) and GB18030/GBK (Big5 when ICU is sure of it).
// Refuses bytes that are not text. Pure; usable from any thread.
class TextDecoder
{
public:
    // Returns nothing and sets *error (when given) to a reason a user can read when the bytes are
    // not text. Empty input is an empty text, not an error: an empty page simply has no articles.
    static std::optional<DecodedText> decode(const QByteArray &bytes, QString *error = nullptr);

    // A quick look at the start of a file: true when it holds NUL bytes that are not UTF-16 text,
    // so decode() would refuse it too. Lets a caller skip such a file before reading it whole.
    static bool looksBinary(const QByteArray &bytes);

    // Converts with the ICU converter `charset`, failing on the first byte sequence that is not
    // valid in it. Public so tests can check each charset on its own.
    static std::optional<QString> convertStrict(const QByteArray &bytes, const char *charset);
};

} // namespace baokan::text
