// SPDX-License-Identifier: MIT
#include "entities/codepoints.h"

#include <catch2/catch.hpp>

using baokan::entities::CodePoints;

TEST_CASE("code points and UTF-16 positions agree on BMP text")
{
    const CodePoints cp(QStringLiteral("包头市"));
    CHECK(cp.length() == 3);
    CHECK(cp.fromUtf16(2) == 2);
    CHECK(cp.toUtf16(2) == 2);
}

TEST_CASE("a character outside the BMP counts as one code point")
{
    const QString text = QStringLiteral("a𠮷b𠮷c");
    const CodePoints cp(text);
    CHECK(text.size() == 7);
    CHECK(cp.length() == 5);
    CHECK(cp.fromUtf16(3) == 2); // b
    CHECK(cp.toUtf16(2) == 3);
    CHECK(cp.fromUtf16(2) == 1); // inside the first pair: the pair itself
    CHECK(cp.toUtf16(4) == 6);   // c
    CHECK(CodePoints::mid(text, 1, 3) == QStringLiteral("𠮷b"));
}
