// SPDX-License-Identifier: MIT
#include "text/textdecoder.h"

#include <QList>
#include <QStringDecoder>

#include <unicode/ucnv.h>
#include <unicode/ucsdet.h>

#include <algorithm>
#include <memory>

namespace baokan::text {

namespace {

// Below this ICU's guess is not trusted: very short inputs come out as anything (TOOLCHAIN.md).
constexpr int MinConfidence = 50;

struct ConverterCloser
{
    void operator()(UConverter *c) const { ucnv_close(c); }
};

struct DetectorCloser
{
    void operator()(UCharsetDetector *d) const { ucsdet_close(d); }
};

bool setError(QString *error, const QString &message)
{
    if (error)
        *error = message;
    return false;
}

// Control characters other than tab, newline, form feed and carriage return do not occur in
// extracted page text; a few per mille of them means the bytes were read with the wrong charset
// or are not text at all.
bool looksLikeText(const QString &text)
{
    qsizetype controls = 0;
    for (const QChar c : text) {
        const ushort u = c.unicode();
        if ((u < 0x20 && u != u'\t' && u != u'\n' && u != u'\r' && u != u'\f') || u == 0x7f)
            ++controls;
    }
    return controls * 1000 <= text.size();
}

std::optional<DecodedText> detectAndConvert(const QByteArray &bytes)
{
    UErrorCode status = U_ZERO_ERROR;
    std::unique_ptr<UCharsetDetector, DetectorCloser> detector(ucsdet_open(&status));
    if (U_FAILURE(status))
        return std::nullopt;
    ucsdet_setText(detector.get(), bytes.constData(), static_cast<int32_t>(bytes.size()), &status);
    const UCharsetMatch *match = ucsdet_detect(detector.get(), &status);
    if (U_FAILURE(status) || !match)
        return std::nullopt;
    const char *name = ucsdet_getName(match, &status);
    const int confidence = ucsdet_getConfidence(match, &status);
    if (U_FAILURE(status) || !name)
        return std::nullopt;
    const QByteArray charset(name);
    // Only the charsets a Chinese page comes in are believed; a Latin-1 or Shift-JIS guess on
    // Chinese bytes is noise, and GB18030 below is the better bet.
    if (confidence < MinConfidence || (charset != "GB18030" && charset != "Big5"))
        return std::nullopt;
    if (auto text = TextDecoder::convertStrict(bytes, name); text && looksLikeText(*text))
        return DecodedText{*text, QString::fromLatin1(charset)};
    return std::nullopt;
}

// UTF-8 where at most one character in a thousand is broken (each bad byte becomes U+FFFD),
// and always allowing one broken character (up to three bytes) such as a cut-off end.
std::optional<QString> lenientUtf8(const QByteArray &bytes)
{
    QStringDecoder decoder(QStringDecoder::Utf8, QStringDecoder::Flag::Stateless);
    const QString text = decoder.decode(bytes);
    const qsizetype broken = text.count(QChar::ReplacementCharacter);
    const bool rare = broken <= std::max<qsizetype>(3, text.size() / 1000) && broken * 20 <= text.size();
    if (broken == 0 || !rare || !looksLikeText(text))
        return std::nullopt;
    return text;
}

// UTF-16 saved without a byte order mark, told by the code units themselves. Read in its own byte
// order, a Chinese page is ASCII (digits, punctuation, line ends: a text byte beside a NUL) and
// Chinese characters and punctuation; read in the other order, its ASCII becomes U+xx00 units and
// its characters scatter over the whole code space. Binary data has NUL units and control codes.
struct Utf16Evidence
{
    qsizetype units = 0;
    qsizetype ascii = 0;     // ASCII text and line ends: what puts the NULs in
    qsizetype chinese = 0;   // CJK ideographs, CJK and general punctuation, full-width forms
    qsizetype forbidden = 0; // U+0000 and control codes: never in a page
    qsizetype other = 0;     // anything else above U+00FF but U+xx00
};

Utf16Evidence utf16Evidence(const QByteArray &bytes, bool littleEndian)
{
    Utf16Evidence e;
    for (qsizetype i = 0; i + 1 < bytes.size(); i += 2) {
        const uchar first = uchar(bytes.at(i));
        const uchar second = uchar(bytes.at(i + 1));
        const char16_t u = littleEndian ? char16_t(first | second << 8) : char16_t(first << 8 | second);
        ++e.units;
        if (u < 0x100) {
            if (u == u'\t' || u == u'\n' || u == u'\r' || u == u'\f' || (u >= 0x20 && u < 0x7f))
                ++e.ascii;
            else if (u >= 0xa0)
                ++e.chinese; // the · × ° of Chinese text, but no sign of the byte order
            else
                ++e.forbidden;
        } else if ((u & 0xff) == 0 && u != 0x3000) {
            // U+4E00..U+9F00 (一, 开, 最) are also ASCII letters read in the wrong order: they
            // speak for neither order. Other U+xx00 are that, or nothing a page holds.
            const int high = u >> 8;
            if (high < 0x34 || high > 0x9f)
                ++e.other;
        } else if ((u >= 0x4e00 && u <= 0x9fff) || (u >= 0x3400 && u <= 0x4dbf) || (u >= 0x3000 && u <= 0x303f) ||
                   (u >= 0x2000 && u <= 0x206f) || (u >= 0xff00 && u <= 0xffef) || (u >= 0xd800 && u <= 0xdfff)) {
            ++e.chinese; // surrogates: the strict conversion checks that they pair up
        } else {
            ++e.other;
        }
    }
    return e;
}

// The byte orders the evidence allows, the more likely first: no NUL or control unit (a few per
// mille, as looksLikeText allows), and three in four of the telling units ASCII or Chinese.
QList<const char *> bomlessUtf16Charsets(const QByteArray &bytes)
{
    if (bytes.size() < 2 || bytes.size() % 2 != 0)
        return {};
    const Utf16Evidence le = utf16Evidence(bytes, true);
    const Utf16Evidence be = utf16Evidence(bytes, false);
    // Shares in per mille of the units that tell anything (U+xx00 tells nothing).
    auto share = [](const Utf16Evidence &e) -> qsizetype {
        const qsizetype telling = e.ascii + e.chinese + e.forbidden + e.other;
        // A handful of units can read as anything.
        constexpr qsizetype MinTelling = 16;
        if (e.forbidden * 1000 > e.units || telling < MinTelling)
            return -1;
        const qsizetype perMille = (e.ascii + e.chinese) * 1000 / telling;
        // A line of Chinese alone has no ASCII to show its order: then nearly all must be Chinese.
        return perMille >= (e.ascii > 0 ? 750 : 950) ? perMille : -1;
    };
    const qsizetype shareLe = share(le);
    const qsizetype shareBe = share(be);
    QList<const char *> out;
    if (shareLe >= 0)
        out << "UTF-16LE";
    if (shareBe >= 0)
        shareBe > shareLe ? out.prepend("UTF-16BE") : out.append("UTF-16BE");
    return out;
}

std::optional<DecodedText> bomlessUtf16(const QByteArray &bytes)
{
    // The likelier order can still be wrong (surrogates that do not pair up): try the other.
    for (const char *charset : bomlessUtf16Charsets(bytes)) {
        if (auto text = TextDecoder::convertStrict(bytes, charset); text && looksLikeText(*text))
            return DecodedText{*text, QLatin1String(charset)};
    }
    return std::nullopt;
}

// UTF-8 text with a few stray NUL bytes, as some PDF extractors leave: the NULs are dropped. A
// binary file has far more of them, and its other bytes are not UTF-8.
std::optional<QString> utf8WithStrayNuls(const QByteArray &bytes)
{
    const qsizetype nuls = bytes.count('\0');
    if (nuls == 0 || nuls * 1000 > bytes.size())
        return std::nullopt;
    QByteArray cleaned = bytes;
    cleaned.replace(QByteArrayView("\0", 1), QByteArrayView());
    if (auto text = TextDecoder::convertStrict(cleaned, "UTF-8"); text && looksLikeText(*text))
        return text;
    return std::nullopt;
}

} // namespace

bool TextDecoder::looksBinary(const QByteArray &bytes)
{
    if (bytes.startsWith("\xff\xfe") || bytes.startsWith("\xfe\xff"))
        return false;
    // A start is enough to tell; cut at a code unit so the byte order stays visible.
    QByteArray start = bytes.left(64 * 1024);
    if (!start.contains('\0') || !bomlessUtf16Charsets(start.left(start.size() & ~qsizetype(1))).isEmpty())
        return false;
    // Cut at a line end, not inside a UTF-8 character.
    if (start.size() < bytes.size())
        start.truncate(start.lastIndexOf('\n') + 1);
    return !utf8WithStrayNuls(start);
}

std::optional<QString> TextDecoder::convertStrict(const QByteArray &bytes, const char *charset)
{
    UErrorCode status = U_ZERO_ERROR;
    std::unique_ptr<UConverter, ConverterCloser> converter(ucnv_open(charset, &status));
    if (U_FAILURE(status))
        return std::nullopt;
    ucnv_setToUCallBack(converter.get(), UCNV_TO_U_CALLBACK_STOP, nullptr, nullptr, nullptr, &status);
    if (U_FAILURE(status))
        return std::nullopt;
    // Every byte yields at most one UTF-16 unit, plus room for a pending surrogate.
    QString out(bytes.size() + 2, Qt::Uninitialized);
    const int32_t length =
        ucnv_toUChars(converter.get(), reinterpret_cast<UChar *>(out.data()), static_cast<int32_t>(out.size()),
                      bytes.constData(), static_cast<int32_t>(bytes.size()), &status);
    if (U_FAILURE(status))
        return std::nullopt;
    out.truncate(length);
    // The buffer was sized for the worst case, twice the text of a Chinese page in UTF-8: on a
    // 50 MB page that is 60 MB held for nothing through the whole parse.
    out.squeeze();
    return out;
}

std::optional<DecodedText> TextDecoder::decode(const QByteArray &bytes, QString *error)
{
    if (bytes.isEmpty())
        return DecodedText{QString(), QStringLiteral("UTF-8")};

    // A byte order mark is the one certain sign; UTF-16 contains NUL bytes, so look first.
    struct Bom
    {
        const char *bytes;
        int size;
        const char *charset;
    };
    static const Bom boms[] = {
        {"\xEF\xBB\xBF", 3, "UTF-8"},
        {"\xFF\xFE", 2, "UTF-16LE"},
        {"\xFE\xFF", 2, "UTF-16BE"},
    };
    for (const Bom &bom : boms) {
        if (!bytes.startsWith(QByteArray::fromRawData(bom.bytes, bom.size)))
            continue;
        const auto text = convertStrict(bytes.mid(bom.size), bom.charset);
        if (!text || !looksLikeText(*text)) {
            setError(error, QStringLiteral("starts with a %1 byte order mark but is not valid %1 text")
                                .arg(QLatin1String(bom.charset)));
            return std::nullopt;
        }
        return DecodedText{*text, QLatin1String(bom.charset)};
    }

    if (bytes.contains('\0')) {
        // A file cut short may end in half a code unit: the rest is still the text.
        if (auto text = bomlessUtf16(bytes.size() % 2 ? bytes.chopped(1) : bytes))
            return text;
        if (auto text = utf8WithStrayNuls(bytes))
            return DecodedText{*text, QStringLiteral("UTF-8")};
        setError(error, QStringLiteral("not a text file (contains NUL bytes)"));
        return std::nullopt;
    }
    if (auto text = convertStrict(bytes, "UTF-8")) {
        if (!looksLikeText(*text)) {
            setError(error, QStringLiteral("not a text file (contains control characters)"));
            return std::nullopt;
        }
        return DecodedText{*text, QStringLiteral("UTF-8")};
    }
    // UTF-8 with a little damage (a file cut inside a character, a stray byte) is still UTF-8:
    // reading it as GB18030 would turn every character into the wrong one.
    if (auto damaged = lenientUtf8(bytes))
        return DecodedText{*damaged, QStringLiteral("UTF-8")};
    if (auto detected = detectAndConvert(bytes))
        return detected;
    // Not UTF-8 and the detector is unsure: Chinese pages that are not Unicode are GB18030 (a
    // superset of GBK and GB2312) far more often than anything else.
    if (auto text = convertStrict(bytes, "GB18030"); text && looksLikeText(*text))
        return DecodedText{*text, QStringLiteral("GB18030")};
    setError(error, QStringLiteral("not a text file (neither UTF-8, UTF-16 nor GB18030)"));
    return std::nullopt;
}

} // namespace baokan::text
