// SPDX-License-Identifier: MIT
#include "text/textdecoder.h"

#include <QStringDecoder>

namespace baokan::text {

std::optional<DecodedText> TextDecoder::decode(const QByteArray &bytes, QString *error)
{
    // Placeholder until the ICU-based detector lands: UTF-8 only.
    QStringDecoder decoder(QStringDecoder::Utf8, QStringDecoder::Flag::Stateless);
    QString text = decoder.decode(bytes);
    if (decoder.hasError() || bytes.contains('\0')) {
        if (error)
            *error = QStringLiteral("not a text file");
        return std::nullopt;
    }
    return DecodedText{text, QStringLiteral("UTF-8")};
}

} // namespace baokan::text
