// SPDX-License-Identifier: MIT
#include "text/textdecoder.h"

#include <catch2/catch.hpp>

#include <QStringEncoder>

using baokan::text::TextDecoder;

namespace {

// A paragraph long enough for charset detection to be meaningful.
QString chineseParagraph()
{
    return QStringLiteral("本报讯（记者 刘琪）11月15日，记者从全区消协秘书长工作会议中获悉，我区90家"
                          "街区获自治区放心消费示范街区称号。据了解，创建放心消费示范街区是2023年"
                          "自治区市场监督管理局十件实事之一。");
}

QByteArray encode(const QString &text, QStringConverter::Encoding encoding, bool bom)
{
    QStringEncoder encoder(encoding, bom ? QStringConverter::Flag::WriteBom : QStringConverter::Flag::Default);
    return encoder.encode(text);
}

} // namespace

TEST_CASE("UTF-8 text is decoded as it is")
{
    const auto decoded = TextDecoder::decode(QStringLiteral("本报讯").toUtf8());
    REQUIRE(decoded);
    CHECK(decoded->text == QStringLiteral("本报讯"));
    CHECK(decoded->encoding == QStringLiteral("UTF-8"));
}

TEST_CASE("a UTF-8 byte order mark is dropped")
{
    const auto decoded = TextDecoder::decode(QByteArray("\xEF\xBB\xBF") + QStringLiteral("呼和浩特讯").toUtf8());
    REQUIRE(decoded);
    CHECK(decoded->text == QStringLiteral("呼和浩特讯"));
}

TEST_CASE("UTF-16 with a byte order mark is decoded in either byte order")
{
    for (const auto encoding : {QStringConverter::Utf16LE, QStringConverter::Utf16BE}) {
        const auto decoded = TextDecoder::decode(encode(chineseParagraph(), encoding, true));
        REQUIRE(decoded);
        CHECK(decoded->text == chineseParagraph());
        CHECK(decoded->encoding.startsWith(QStringLiteral("UTF-16")));
    }
}

TEST_CASE("a GB18030 paragraph is detected and decoded")
{
    QStringEncoder encoder("GB18030");
    REQUIRE(encoder.isValid());
    const QByteArray bytes = encoder.encode(chineseParagraph());
    REQUIRE(bytes != chineseParagraph().toUtf8());
    const auto decoded = TextDecoder::decode(bytes);
    REQUIRE(decoded);
    CHECK(decoded->text == chineseParagraph());
    CHECK(decoded->encoding == QStringLiteral("GB18030"));
}

TEST_CASE("a very short GB18030 text falls back to GB18030")
{
    QStringEncoder encoder("GB18030");
    const QByteArray bytes = encoder.encode(QStringLiteral("顾鑫 摄"));
    const auto decoded = TextDecoder::decode(bytes);
    REQUIRE(decoded);
    CHECK(decoded->text == QStringLiteral("顾鑫 摄"));
}

TEST_CASE("bytes with a NUL are refused with a reason")
{
    QString error;
    CHECK_FALSE(TextDecoder::decode(QByteArray("ab\0cd", 5), &error));
    CHECK(error.contains(QStringLiteral("NUL")));
}

TEST_CASE("binary bytes without NUL are refused")
{
    QByteArray bytes;
    for (int i = 0; i < 512; ++i)
        bytes.append(static_cast<char>(1 + (i * 37) % 255));
    QString error;
    CHECK_FALSE(TextDecoder::decode(bytes, &error));
    CHECK_FALSE(error.isEmpty());
}

TEST_CASE("an empty file decodes to an empty text")
{
    QString error;
    const auto decoded = TextDecoder::decode(QByteArray(), &error);
    REQUIRE(decoded);
    CHECK(decoded->text.isEmpty());
    CHECK(error.isEmpty());
}

TEST_CASE("strict conversion stops at an invalid sequence")
{
    CHECK_FALSE(TextDecoder::convertStrict(QByteArray("\xE4\xB8", 2), "UTF-8"));
    CHECK(TextDecoder::convertStrict(QByteArray("\xE4\xB8\xAD", 3), "UTF-8") == QStringLiteral("中"));
}

TEST_CASE("a traditional-character Big5 paragraph is detected as Big5")
{
    const QString text = QString::fromUtf16(u"本報訊（記者 周濤）近日，某社區舉辦居民運動會，三百餘名居民參加比賽。"
                                            u"活動現場氣氛熱烈，居民們紛紛表示，希望今後多舉辦這樣的活動。");
    QStringEncoder encoder("Big5");
    REQUIRE(encoder.isValid());
    const auto decoded = TextDecoder::decode(encoder.encode(text));
    REQUIRE(decoded);
    CHECK(decoded->encoding == QStringLiteral("Big5"));
    CHECK(decoded->text == text);
}

TEST_CASE("UTF-8 cut inside a character is still read as UTF-8, the broken end replaced")
{
    QByteArray bytes = chineseParagraph().toUtf8();
    bytes.chop(1);
    const auto decoded = TextDecoder::decode(bytes);
    REQUIRE(decoded);
    CHECK(decoded->encoding == QStringLiteral("UTF-8"));
    CHECK(decoded->text.startsWith(QStringLiteral("本报讯（记者 刘琪）11月15日")));
    CHECK(decoded->text.endsWith(QChar::ReplacementCharacter));
}

TEST_CASE("a single GB18030 character is not mistaken for damaged UTF-8")
{
    QStringEncoder encoder("GB18030");
    const auto decoded = TextDecoder::decode(encoder.encode(QStringLiteral("摄")));
    REQUIRE(decoded);
    CHECK(decoded->text == QStringLiteral("摄"));
}

TEST_CASE("UTF-16 without a byte order mark is recognized in either byte order by its ASCII's NUL bytes")
{
    const QString text = chineseParagraph() + QStringLiteral("\n乌云·巴特尔 摄\u3000\n");
    const auto le = TextDecoder::decode(encode(text, QStringConverter::Utf16LE, false));
    REQUIRE(le);
    CHECK(le->text == text);
    CHECK(le->encoding == QStringLiteral("UTF-16LE"));
    const auto be = TextDecoder::decode(encode(text, QStringConverter::Utf16BE, false));
    REQUIRE(be);
    CHECK(be->text == text);
    CHECK(be->encoding == QStringLiteral("UTF-16BE"));
}

TEST_CASE("UTF-16 without a byte order mark is read even with a single line end and many U+xx00 characters")
{
    // One ASCII character against a dozen 一/开/最 (U+xx00, which read the wrong way round look
    // like ASCII): the Chinese characters themselves tell the byte order.
    const QString text =
        QStringLiteral("一开一最一开一一\u3000一最开一一：统一开展专项行动，最一。全区政法机关统一部署，"
                       "开展专项整治行动\n\f");
    for (const auto encoding : {QStringConverter::Utf16LE, QStringConverter::Utf16BE}) {
        const QByteArray bytes = encode(text, encoding, false);
        CHECK_FALSE(TextDecoder::looksBinary(bytes));
        const auto decoded = TextDecoder::decode(bytes);
        REQUIRE(decoded);
        CHECK(decoded->text == text);
        CHECK(decoded->encoding ==
              (encoding == QStringConverter::Utf16LE ? QStringLiteral("UTF-16LE") : QStringLiteral("UTF-16BE")));
    }
}

TEST_CASE("UTF-16 without a byte order mark cut inside its last code unit is read up to the cut")
{
    const QString text = chineseParagraph() + QStringLiteral("\n");
    const QByteArray bytes = encode(text + QStringLiteral("完"), QStringConverter::Utf16LE, false).chopped(1);
    const auto decoded = TextDecoder::decode(bytes);
    REQUIRE(decoded);
    CHECK(decoded->text == text);
}

TEST_CASE("a line of Chinese alone in UTF-16 without a byte order mark is read in either byte order")
{
    // No ASCII at all, not even a line end; 开 (U+5F00) puts in the NUL.
    const QString text =
        QStringLiteral("自治区司法厅召开全区普法工作会议部署年度重点任务强调要坚持把全民普法作为全面依法治区的"
                       "长期基础性工作");
    for (const auto encoding : {QStringConverter::Utf16LE, QStringConverter::Utf16BE}) {
        const QByteArray bytes = encode(text, encoding, false);
        REQUIRE(bytes.contains('\0'));
        const auto decoded = TextDecoder::decode(bytes);
        REQUIRE(decoded);
        CHECK(decoded->text == text);
    }
}

TEST_CASE("UTF-8 text with a few stray NUL bytes is read without them; many NULs stay binary")
{
    const QString text = QString(chineseParagraph() + QStringLiteral("\n")).repeated(10);
    QByteArray bytes = text.toUtf8();
    bytes.insert(40, '\0');
    bytes.append('\0');
    CHECK_FALSE(TextDecoder::looksBinary(bytes));
    const auto decoded = TextDecoder::decode(bytes);
    REQUIRE(decoded);
    CHECK(decoded->text == text);
    CHECK(decoded->encoding == QStringLiteral("UTF-8"));

    QByteArray dense = QStringLiteral("本报讯\n").toUtf8();
    dense.append('\0');
    CHECK(TextDecoder::looksBinary(dense));
    CHECK_FALSE(TextDecoder::decode(dense));
}

TEST_CASE("Latin UTF-16 without a byte order mark is read in the right byte order")
{
    const QString text = QStringLiteral("Inner Mongolia Legal Daily, page 3\r\n");
    const auto le = TextDecoder::decode(encode(text, QStringConverter::Utf16LE, false));
    REQUIRE(le);
    CHECK(le->text == text);
    const auto be = TextDecoder::decode(encode(text, QStringConverter::Utf16BE, false));
    REQUIRE(be);
    CHECK(be->text == text);
}

TEST_CASE("binary bytes with NULs are refused, and looksBinary says so from their start")
{
    // An executable's header, then the kind of table that follows it.
    QByteArray elf("\x7f"
                   "ELF\x02\x01\x01\0\0\0\0\0\0\0\0\0\x03\0\x3e\0\x01\0\0\0",
                   24);
    for (int i = 0; i < 4000; ++i)
        elf.append(char(i * 37 % 251)).append(char(i % 7 == 0 ? 0 : i % 13));
    QString error;
    CHECK(TextDecoder::looksBinary(elf));
    CHECK_FALSE(TextDecoder::decode(elf, &error));
    CHECK(error.contains(QStringLiteral("not a text file")));

    // Random bytes with NULs here and there: no byte order makes text of them.
    QByteArray noise;
    quint32 x = 12345;
    for (int i = 0; i < 8192; ++i) {
        x = x * 1103515245u + 12345u;
        noise.append(char(i % 97 == 0 ? 0 : (x >> 16) & 0xff));
    }
    CHECK(TextDecoder::looksBinary(noise));
    CHECK_FALSE(TextDecoder::decode(noise));

    // A record repeated, whose NULs fall in one half of the pairs as UTF-16's do.
    const QByteArray record = QByteArray("\x00\x01\x02\xff\xfe\x00binary", 12).repeated(200);
    CHECK(TextDecoder::looksBinary(record));
    CHECK_FALSE(TextDecoder::decode(record));
}

TEST_CASE("UTF-16 text with a binary tail is refused rather than read with control codes")
{
    QByteArray bytes = encode(chineseParagraph() + QStringLiteral("\n"), QStringConverter::Utf16LE, false);
    bytes.append(QByteArray(64, '\0'));
    CHECK_FALSE(TextDecoder::decode(bytes));
}
