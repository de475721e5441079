// SPDX-License-Identifier: MIT
#include "parse/pageparser.h"

#include <catch2/catch.hpp>

using baokan::parse::PageParser;

TEST_CASE("an empty page has no articles")
{
    CHECK(PageParser().parsePage(QString()).isEmpty());
}
