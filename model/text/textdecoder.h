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

// Turns the raw bytes of a page file into text. Detects UTF-8 (with or without BOM), UTF-16 with
// BOM and GB18030/GBK. Refuses bytes that are not text. Pure; usable from any thread.
class TextDecoder
{
public:
    // Returns nothing and sets *error (when given) to a reason a user can read when the bytes are
    // not text.
    static std::optional<DecodedText> decode(const QByteArray &bytes, QString *error = nullptr);
};

} // namespace baokan::text
