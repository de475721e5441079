// SPDX-License-Identifier: MIT
#include "textfieldmap.h"

#include <catch2/catch.hpp>

using baokan::ui::DocumentRange;
using baokan::ui::FieldRange;
using baokan::ui::ReaderField;
using baokan::ui::TextFieldMap;

TEST_CASE("code point offsets convert to UTF-16 across characters outside the BMP", "[ui][fieldmap]")
{
    const QString text = QStringLiteral("a𠀀b𪚥c"); // two supplementary-plane ideographs
    CHECK(TextFieldMap::codePointLength(text) == 5);
    CHECK(TextFieldMap::utf16Offset(text, 2) == 3);
    CHECK(TextFieldMap::utf16Offset(text, 4) == 6);
    CHECK(TextFieldMap::codePointOffset(text, 6) == 4);
    CHECK(TextFieldMap::utf16Offset(text, 99) == text.size());
}

TEST_CASE("a field range maps to document spans and back, across paragraphs", "[ui][fieldmap]")
{
    TextFieldMap map;
    // Title at 0, then body paragraphs "𠀀甲乙" and "丙丁" (joined by '\n' in the field) in two blocks.
    map.addSegment(ReaderField::Title, 0, 0, QStringLiteral("标题"));
    map.addSegment(ReaderField::Body, 0, 10, QStringLiteral("𠀀甲乙"));
    map.addSegment(ReaderField::Body, 4, 15, QStringLiteral("丙丁"));

    const QList<DocumentRange> one = map.toDocument({ReaderField::Body, 1, 3});
    REQUIRE(one.size() == 1);
    CHECK(one.first().start == 12);
    CHECK(one.first().end == 14);

    const QList<DocumentRange> two = map.toDocument({ReaderField::Body, 2, 5});
    REQUIRE(two.size() == 2);
    CHECK(two.at(0).start == 13);
    CHECK(two.at(0).end == 14);
    CHECK(two.at(1).start == 15);
    CHECK(two.at(1).end == 16);

    const auto back = map.fromDocument(13, 16);
    REQUIRE(back.has_value());
    CHECK(*back == FieldRange{ReaderField::Body, 2, 5});

    CHECK(map.toDocument({ReaderField::Caption, 0, 1}).isEmpty());
}

TEST_CASE("a selection running from one field into the next is clipped to the first", "[ui][fieldmap]")
{
    TextFieldMap map;
    map.addSegment(ReaderField::Title, 0, 0, QStringLiteral("标题文字"));
    map.addSegment(ReaderField::Body, 0, 5, QStringLiteral("正文"));
    const auto range = map.fromDocument(2, 7);
    REQUIRE(range.has_value());
    CHECK(*range == FieldRange{ReaderField::Title, 2, 4});
    CHECK_FALSE(map.fromDocument(4, 5).has_value()); // only the block separator
}
