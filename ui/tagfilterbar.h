// SPDX-License-Identifier: MIT
#pragma once

#include <QList>
#include <QStringList>
#include <QWidget>

class QComboBox;
class QLabel;
class QMenu;
class QToolButton;

namespace baokan::store {
class Database;
}

namespace baokan::ui {

// The bar above the article list that filters it by tags across all issues: a menu of checkable
// tags, "any"/"all" matching, and while the list is filtered a "Filtered by: …" line with a
// one-click clear. It also shows that state for other lists across issues (an entity's
// articles), so the user leaves every such list the same way. It reads the matching article keys;
// the window shows them. GUI thread only.
class TagFilterBar final : public QWidget
{
    Q_OBJECT

public:
    explicit TagFilterBar(QWidget *parent = nullptr);

    // The archive whose tags are offered; nullptr when none is open. Drops any filter silently.
    void setDatabase(const store::Database *db);
    // Reads the tags again after an edit (add, remove, rename, merge, delete, undo): names and
    // counts in the menu are current, deleted tags leave the filter, and an active tag filter is
    // applied again when the articles it matches changed.
    void reload();

    // Filters by these tags, as if checked in the menu.
    void setTagFilter(const QList<qint64> &tagIds, bool matchAll);
    // Shows that the list holds another set of articles across issues, described for the user.
    void showList(const QString &description, int count);
    // Back to no filter without signalling (the user chose an issue).
    void reset();

    QList<qint64> checkedTagIds() const { return m_checked; }
    bool matchAll() const;
    bool isFiltering() const;
    QString stateText() const;

Q_SIGNALS:
    // The tag filter changed: show these articles (newest issue first), described for the user.
    void tagFilterChanged(const QStringList &articleKeys, const QString &description);
    // The user cleared the filter (or its last tag was deleted): show the chosen issue again.
    void cleared();

private:
    void rebuildMenu();
    void apply(bool force);
    void clearClicked();
    QString description() const;

    const store::Database *m_db = nullptr;
    QList<qint64> m_checked;
    QStringList m_keys; // the articles the tag filter matched when last applied
    bool m_otherList = false;

    QToolButton *m_tagsButton;
    QMenu *m_menu;
    QComboBox *m_mode;
    QWidget *m_stateRow;
    QLabel *m_state;
    QToolButton *m_clear;
};

} // namespace baokan::ui
