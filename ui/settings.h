// SPDX-License-Identifier: MIT
#pragma once

#include <QByteArray>
#include <QSettings>
#include <QString>
#include <QStringList>

namespace baokan::ui {

// Every user preference the window remembers, declared once with its type and default, over
// QSettings (the application's organization and name decide where it is kept). GUI thread.
class Settings
{
public:
    Settings() = default;

    QByteArray windowGeometry() const;
    void setWindowGeometry(const QByteArray &geometry);

    // QMainWindow::saveState(): where the docks are, which tab is in front, their sizes.
    QByteArray windowState() const;
    void setWindowState(const QByteArray &state);

    QByteArray splitterState() const;
    void setSplitterState(const QByteArray &state);

    // The reader's body text size in points.
    qreal readerPointSize() const;
    void setReaderPointSize(qreal points);

    // The key of the article last shown in the reader, per archive file, so opening another
    // archive does not look for it there.
    QString lastArticleKey(const QString &archivePath) const;
    void setLastArticleKey(const QString &archivePath, const QString &key);

    // The entity types (PER, LOC, …) the reader does not highlight; all are shown by default.
    QStringList hiddenEntityTypes() const;
    void setHiddenEntityTypes(const QStringList &types);

    // Whether the search panel shows its filter boxes (dates, issue, tag, entity); shown by default.
    bool searchFiltersShown() const;
    void setSearchFiltersShown(bool shown);

    void sync() { m_settings.sync(); }

private:
    QSettings m_settings;
};

} // namespace baokan::ui
