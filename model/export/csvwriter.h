// SPDX-License-Identifier: MIT
#pragma once

#include <QString>
#include <QStringList>

#include <optional>

class QIODevice;

namespace baokan::exporting {

// Writes RFC 4180 CSV that spreadsheets open as the user expects: fields quoted when they hold
// a comma, quote or line break, quotes doubled, CRLF after every record, line breaks inside a
// field kept. A field that a spreadsheet would run as a formula (=, +, -, @, tab, CR first) gets
// a leading apostrophe. UTF-8 with a BOM by default (Excel needs it to read Chinese), or
// GB18030. Streams row by row; used on one thread.
class CsvWriter
{
public:
    enum class Encoding { Utf8, Gb18030 };

    CsvWriter(QIODevice *device, Encoding encoding = Encoding::Utf8, bool byteOrderMark = true);
    ~CsvWriter();
    CsvWriter(const CsvWriter &) = delete;
    CsvWriter &operator=(const CsvWriter &) = delete;

    // False when the device refused the bytes (disk full, closed pipe); see errorString().
    bool writeRow(const QStringList &cells);
    QString errorString() const { return m_error; }

    // One field as it appears in the file (guarded and quoted as needed), without encoding.
    static QString field(const QString &cell);
    // A whole record including its CRLF.
    static QString record(const QStringList &cells);
    // "utf-8" / "utf8" / "gb18030" (any case); nothing for other names.
    static std::optional<Encoding> encodingFromName(const QString &name);
    static QByteArray encode(const QString &text, Encoding encoding);

private:
    QIODevice *m_device;
    Encoding m_encoding;
    bool m_bomPending;
    QString m_error;
};

} // namespace baokan::exporting
