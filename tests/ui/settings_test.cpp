// SPDX-License-Identifier: MIT
#include "readerview.h"
#include "settings.h"

#include <catch2/catch.hpp>

#include <QCoreApplication>
#include <QSettings>
#include <QTemporaryDir>

using baokan::ui::ReaderView;
using baokan::ui::Settings;

namespace {

struct SettingsScope
{
    QTemporaryDir dir;
    SettingsScope()
    {
        QSettings::setDefaultFormat(QSettings::IniFormat);
        QSettings::setPath(QSettings::IniFormat, QSettings::UserScope, dir.path());
        QCoreApplication::setOrganizationName(QStringLiteral("baokan-tests"));
        QCoreApplication::setApplicationName(QStringLiteral("settings_test"));
    }
};

} // namespace

TEST_CASE("settings start from their defaults and keep what is set", "[ui][settings]")
{
    SettingsScope scope;
    {
        Settings s;
        CHECK(s.readerPointSize() == Approx(ReaderView::DefaultPointSize));
        CHECK(s.windowGeometry().isEmpty());
        CHECK(s.lastArticleKey(QStringLiteral("/a/archive.sqlite")).isEmpty());
        s.setReaderPointSize(18);
        s.setLastArticleKey(QStringLiteral("/a/archive.sqlite"), QStringLiteral("key-1"));
        s.setSplitterState(QByteArray("state"));
    }
    Settings again;
    CHECK(again.readerPointSize() == Approx(18));
    CHECK(again.splitterState() == QByteArray("state"));
    CHECK(again.lastArticleKey(QStringLiteral("/a/archive.sqlite")) == QStringLiteral("key-1"));
    CHECK(again.lastArticleKey(QStringLiteral("/b/other.sqlite")).isEmpty()); // per archive
}

TEST_CASE("a text size out of range in the settings falls back to the default", "[ui][settings]")
{
    SettingsScope scope;
    QSettings().setValue(QStringLiteral("reader/pointSize"), QStringLiteral("huge"));
    CHECK(Settings().readerPointSize() == Approx(ReaderView::DefaultPointSize));
    QSettings().setValue(QStringLiteral("reader/pointSize"), 2);
    CHECK(Settings().readerPointSize() == Approx(ReaderView::DefaultPointSize));
}
