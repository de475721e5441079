// SPDX-License-Identifier: MIT
#pragma once
// Shared by the widget tests: the main window opened on an archive the way a user sees it, and
// widgets looked up by objectName.

#include "mainwindow.h"

#include <catch2/catch.hpp>

#include <QApplication>
#include <QSize>
#include <QTest>

#include <memory>

namespace baokan::test {

// A window on `archive`, shown and active. With a size, the window has it before it is first
// shown (as a restored geometry would); without, it keeps its own default.
inline std::unique_ptr<ui::MainWindow> openWindow(const QString &archive, const QSize &size = {})
{
    auto window = std::make_unique<ui::MainWindow>();
    if (size.isValid())
        window->resize(size);
    QString error;
    REQUIRE(window->openArchive(archive, &error));
    window->show();
    QApplication::setActiveWindow(window.get());
    REQUIRE(QTest::qWaitForWindowActive(window.get()));
    return window;
}

// The child of `parent` with this objectName; the test stops when there is none.
template<typename T>
T *child(const QObject *parent, const char *name)
{
    auto *w = parent->findChild<T *>(QString::fromLatin1(name));
    REQUIRE(w);
    return w;
}

} // namespace baokan::test
