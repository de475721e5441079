// SPDX-License-Identifier: MIT
#include "text/textcleaner.h"

namespace baokan::text {

QString TextCleaner::normalizeLineEnds(const QString &text)
{
    QString out = text;
    out.replace(QStringLiteral("\r\n"), QStringLiteral("\n"));
    out.replace(QLatin1Char('\r'), QLatin1Char('\n'));
    return out;
}

} // namespace baokan::text
