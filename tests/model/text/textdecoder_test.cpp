// SPDX-License-Identifier: MIT
#include "text/textdecoder.h"

#include <catch2/catch.hpp>

using baokan::text::TextDecoder;

TEST_CASE("UTF-8 text is decoded as it is")
{
    const auto decoded = TextDecoder::decode(QStringLiteral("本报讯").toUtf8());
    REQUIRE(decoded);
    CHECK(decoded->text == QStringLiteral("本报讯"));
}

TEST_CASE("bytes with a NUL are refused with a reason")
{
    QString error;
    CHECK_FALSE(TextDecoder::decode(QByteArray("ab\0cd", 5), &error));
    CHECK_FALSE(error.isEmpty());
}
