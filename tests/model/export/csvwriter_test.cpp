// SPDX-License-Identifier: MIT
#include "export/csvwriter.h"

#include <catch2/catch.hpp>

#include <QBuffer>

using baokan::exporting::CsvWriter;

TEST_CASE("plain fields are written as they are")
{
    CHECK(CsvWriter::field(QStringLiteral("包头市")) == QStringLiteral("包头市"));
    CHECK(CsvWriter::field(QString()) == QString());
    CHECK(CsvWriter::record({QStringLiteral("a"), QStringLiteral("b")}) == QStringLiteral("a,b\r\n"));
}

TEST_CASE("fields with commas, quotes or line breaks are quoted and quotes doubled")
{
    CHECK(CsvWriter::field(QStringLiteral("a,b")) == QStringLiteral("\"a,b\""));
    CHECK(CsvWriter::field(QStringLiteral("他说\"好\"")) == QStringLiteral("\"他说\"\"好\"\"\""));
    CHECK(CsvWriter::field(QStringLiteral("一\n二")) == QStringLiteral("\"一\n二\""));
    CHECK(CsvWriter::field(QStringLiteral("一\r\n二")) == QStringLiteral("\"一\r\n二\""));
}

TEST_CASE("fields a spreadsheet would run as formulas get a leading apostrophe")
{
    CHECK(CsvWriter::field(QStringLiteral("=1+2")) == QStringLiteral("'=1+2"));
    CHECK(CsvWriter::field(QStringLiteral("+86")) == QStringLiteral("'+86"));
    CHECK(CsvWriter::field(QStringLiteral("-5")) == QStringLiteral("'-5"));
    CHECK(CsvWriter::field(QStringLiteral("@SUM(A1)")) == QStringLiteral("'@SUM(A1)"));
    CHECK(CsvWriter::field(QStringLiteral("\tx")) == QStringLiteral("'\tx"));
    CHECK(CsvWriter::field(QStringLiteral("\rx")) == QStringLiteral("\"'\rx\""));
    CHECK(CsvWriter::field(QStringLiteral("=HYPERLINK(\"a\",\"b\")")) ==
          QStringLiteral("\"'=HYPERLINK(\"\"a\"\",\"\"b\"\")\""));
    CHECK(CsvWriter::field(QStringLiteral("a=b")) == QStringLiteral("a=b"));
}

TEST_CASE("UTF-8 output starts with one byte-order mark unless told not to")
{
    QBuffer withBom;
    withBom.open(QIODevice::WriteOnly);
    CsvWriter a(&withBom);
    REQUIRE(a.writeRow({QStringLiteral("中")}));
    REQUIRE(a.writeRow({QStringLiteral("文")}));
    CHECK(withBom.data() == QByteArray("\xEF\xBB\xBF\xE4\xB8\xAD\r\n\xE6\x96\x87\r\n"));

    QBuffer noBom;
    noBom.open(QIODevice::WriteOnly);
    CsvWriter b(&noBom, CsvWriter::Encoding::Utf8, false);
    REQUIRE(b.writeRow({QStringLiteral("中")}));
    CHECK(noBom.data() == QByteArray("\xE4\xB8\xAD\r\n"));
}

TEST_CASE("GB18030 output encodes Chinese as GB18030 without a byte-order mark")
{
    QBuffer out;
    out.open(QIODevice::WriteOnly);
    CsvWriter w(&out, CsvWriter::Encoding::Gb18030);
    REQUIRE(w.writeRow({QStringLiteral("包头"), QStringLiteral("𠀀")}));
    // 包 B0FC, 头 CDB7 (GBK range); U+20000 takes four bytes 95 32 82 36.
    CHECK(out.data() == QByteArray("\xB0\xFC\xCD\xB7,\x95\x32\x82\x36\r\n"));
}

TEST_CASE("a device that refuses bytes is reported")
{
    QBuffer closed;
    CsvWriter w(&closed);
    CHECK_FALSE(w.writeRow({QStringLiteral("x")}));
    CHECK_FALSE(w.errorString().isEmpty());
}

TEST_CASE("encoding names are recognized case-insensitively")
{
    CHECK(CsvWriter::encodingFromName(QStringLiteral("UTF-8")) == CsvWriter::Encoding::Utf8);
    CHECK(CsvWriter::encodingFromName(QStringLiteral("gb18030")) == CsvWriter::Encoding::Gb18030);
    CHECK_FALSE(CsvWriter::encodingFromName(QStringLiteral("latin1")));
}
