// SPDX-License-Identifier: MIT
#pragma once
// Shared set-up of the widget tests: a private settings and archive folder per test, and the
// sample pages on disk.

#include "archivetestsupport.h"

#include <catch2/catch.hpp>

#include <QCoreApplication>
#include <QSettings>
#include <QTemporaryDir>

namespace baokan::test {

// Settings and the archive live in a fresh directory per test, so nothing leaks between tests
// or into the user's own.
struct UiScope
{
    QTemporaryDir dir;
    explicit UiScope(const QString &applicationName)
    {
        REQUIRE(dir.isValid());
        QSettings::setDefaultFormat(QSettings::IniFormat);
        QSettings::setPath(QSettings::IniFormat, QSettings::UserScope, dir.filePath(QStringLiteral("settings")));
        QCoreApplication::setOrganizationName(QStringLiteral("baokan-tests"));
        QCoreApplication::setApplicationName(applicationName);
    }
    QString archive() const { return dir.filePath(QStringLiteral("archive.sqlite")); }
};

// The n-th bundled sample page, in name order.
inline QString samplePage(int n)
{
    const QStringList pages = samplePages();
    REQUIRE(n < pages.size());
    return pages.at(n);
}

} // namespace baokan::test
