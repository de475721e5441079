// SPDX-License-Identifier: MIT
// Catch2 runner for widget tests. Offscreen unless told otherwise, so that CTest's discovery run
// (which has no display) does not abort and silently find no tests.
#define CATCH_CONFIG_RUNNER
#include <catch2/catch.hpp>

#include <QApplication>
#include <QFont>

int main(int argc, char **argv)
{
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    QApplication app(argc, argv);
    QFont font = QApplication::font();
    font.setFamilies({QStringLiteral("Noto Sans CJK SC")});
    QApplication::setFont(font);
    return Catch::Session().run(argc, argv);
}
