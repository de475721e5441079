// SPDX-License-Identifier: MIT
#include "export/csvwriter.h"

#include <QIODevice>
#include <QStringEncoder>

#include <unicode/ucnv.h>

namespace baokan::exporting {

CsvWriter::CsvWriter(QIODevice *device, Encoding encoding, bool byteOrderMark)
    : m_device(device)
    , m_encoding(encoding)
    // A GB18030 byte-order mark exists but spreadsheets do not recognize it; it would show as junk.
    , m_bomPending(byteOrderMark && encoding == Encoding::Utf8)
{}

CsvWriter::~CsvWriter() = default;

QString CsvWriter::field(const QString &cell)
{
    QString out = cell;
    if (!out.isEmpty()) {
        const QChar first = out.front();
        if (first == QLatin1Char('=') || first == QLatin1Char('+') || first == QLatin1Char('-') ||
            first == QLatin1Char('@') || first == QLatin1Char('\t') || first == QLatin1Char('\r'))
            out.prepend(QLatin1Char('\''));
    }
    if (out.contains(QLatin1Char(',')) || out.contains(QLatin1Char('"')) || out.contains(QLatin1Char('\n')) ||
        out.contains(QLatin1Char('\r'))) {
        out.replace(QLatin1String("\""), QLatin1String("\"\""));
        out = QLatin1Char('"') + out + QLatin1Char('"');
    }
    return out;
}

QString CsvWriter::record(const QStringList &cells)
{
    QStringList fields;
    fields.reserve(cells.size());
    for (const QString &cell : cells)
        fields << field(cell);
    return fields.join(QLatin1Char(',')) + QLatin1String("\r\n");
}

std::optional<CsvWriter::Encoding> CsvWriter::encodingFromName(const QString &name)
{
    const QString n = name.trimmed().toLower();
    if (n == QLatin1String("utf-8") || n == QLatin1String("utf8"))
        return Encoding::Utf8;
    if (n == QLatin1String("gb18030"))
        return Encoding::Gb18030;
    return std::nullopt;
}

QByteArray CsvWriter::encode(const QString &text, Encoding encoding)
{
    if (encoding == Encoding::Utf8)
        return text.toUtf8();
    // Qt reaches GB18030 through ICU when it was built with ICU (Debian's is); ask ICU directly
    // otherwise, so the export never depends on how Qt was built.
    QStringEncoder encoder("GB18030");
    if (encoder.isValid())
        return encoder.encode(text);
    UErrorCode status = U_ZERO_ERROR;
    UConverter *converter = ucnv_open("GB18030", &status);
    QByteArray out;
    if (U_FAILURE(status))
        return out;
    out.resize(UCNV_GET_MAX_BYTES_FOR_STRING(text.size(), ucnv_getMaxCharSize(converter)));
    const int32_t written =
        ucnv_fromUChars(converter, out.data(), int32_t(out.size()), reinterpret_cast<const UChar *>(text.utf16()),
                        int32_t(text.size()), &status);
    ucnv_close(converter);
    out.resize(U_SUCCESS(status) ? written : 0);
    return out;
}

bool CsvWriter::writeRow(const QStringList &cells)
{
    QByteArray bytes;
    if (m_bomPending) {
        bytes = QByteArrayLiteral("\xEF\xBB\xBF");
        m_bomPending = false;
    }
    bytes += encode(record(cells), m_encoding);
    if (m_device->write(bytes) != bytes.size()) {
        m_error =
            m_device->errorString().isEmpty() ? QStringLiteral("the output refused the data") : m_device->errorString();
        return false;
    }
    return true;
}

} // namespace baokan::exporting
