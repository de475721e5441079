// SPDX-License-Identifier: MIT
#include "settings.h"

#include "readerview.h"

#include <QCryptographicHash>

namespace baokan::ui {

namespace {

const QString WindowGeometryKey = QStringLiteral("window/geometry");
const QString WindowStateKey = QStringLiteral("window/state");
const QString SplitterStateKey = QStringLiteral("window/splitterState");
const QString ReaderPointSizeKey = QStringLiteral("reader/pointSize");
const QString HiddenEntityTypesKey = QStringLiteral("reader/hiddenEntityTypes");
const QString SearchFiltersShownKey = QStringLiteral("search/filtersShown");

// QSettings keys cannot hold arbitrary paths (slashes nest groups), so the path is hashed.
QString lastArticleKeyFor(const QString &archivePath)
{
    const QByteArray hash = QCryptographicHash::hash(archivePath.toUtf8(), QCryptographicHash::Sha1).toHex().left(16);
    return QStringLiteral("reader/lastArticle/") + QString::fromLatin1(hash);
}

} // namespace

QByteArray Settings::windowGeometry() const
{
    return m_settings.value(WindowGeometryKey).toByteArray();
}

void Settings::setWindowGeometry(const QByteArray &geometry)
{
    m_settings.setValue(WindowGeometryKey, geometry);
}

QByteArray Settings::windowState() const
{
    return m_settings.value(WindowStateKey).toByteArray();
}

void Settings::setWindowState(const QByteArray &state)
{
    m_settings.setValue(WindowStateKey, state);
}

QByteArray Settings::splitterState() const
{
    return m_settings.value(SplitterStateKey).toByteArray();
}

void Settings::setSplitterState(const QByteArray &state)
{
    m_settings.setValue(SplitterStateKey, state);
}

qreal Settings::readerPointSize() const
{
    bool ok = false;
    const qreal points = m_settings.value(ReaderPointSizeKey, ReaderView::DefaultPointSize).toReal(&ok);
    if (!ok || points < ReaderView::MinimumPointSize || points > ReaderView::MaximumPointSize)
        return ReaderView::DefaultPointSize; // a hand-edited or corrupt value must not make text unreadable
    return points;
}

void Settings::setReaderPointSize(qreal points)
{
    m_settings.setValue(ReaderPointSizeKey, points);
}

QString Settings::lastArticleKey(const QString &archivePath) const
{
    return m_settings.value(lastArticleKeyFor(archivePath)).toString();
}

void Settings::setLastArticleKey(const QString &archivePath, const QString &key)
{
    m_settings.setValue(lastArticleKeyFor(archivePath), key);
}

QStringList Settings::hiddenEntityTypes() const
{
    return m_settings.value(HiddenEntityTypesKey).toStringList();
}

void Settings::setHiddenEntityTypes(const QStringList &types)
{
    m_settings.setValue(HiddenEntityTypesKey, types);
}

bool Settings::searchFiltersShown() const
{
    return m_settings.value(SearchFiltersShownKey, true).toBool();
}

void Settings::setSearchFiltersShown(bool shown)
{
    m_settings.setValue(SearchFiltersShownKey, shown);
}

} // namespace baokan::ui
