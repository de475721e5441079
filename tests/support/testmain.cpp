// SPDX-License-Identifier: MIT
// Catch2 runner for model tests: Qt Sql needs a QCoreApplication before the first connection.
#define CATCH_CONFIG_RUNNER
#include <catch2/catch.hpp>

#include <QCoreApplication>

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    return Catch::Session().run(argc, argv);
}
