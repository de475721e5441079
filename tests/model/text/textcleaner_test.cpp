// SPDX-License-Identifier: MIT
#include "text/textcleaner.h"

#include <catch2/catch.hpp>

using baokan::text::TextCleaner;

TEST_CASE("Windows and old Mac line ends become newlines")
{
    CHECK(TextCleaner::normalizeLineEnds(QStringLiteral("a\r\nb\rc\n")) == QStringLiteral("a\nb\nc\n"));
}
