// SPDX-License-Identifier: MIT
#pragma once

#include "store/annotation.h"

#include <QWidget>

class QLabel;
class QPushButton;
class QTreeWidget;

namespace baokan::store {
class Database;
}

namespace baokan::ui {

// The corrections of single mentions in the current article whose words a re-import changed:
// they are kept but no longer applied, and listed here to be deleted (or left in case the words
// come back). Hidden while there are none. GUI thread only.
class UnplacedCorrections final : public QWidget
{
    Q_OBJECT

public:
    explicit UnplacedCorrections(QWidget *parent = nullptr);

    // Reads the article's unplaced corrections (empty key: none).
    void setArticle(store::Database *db, const QString &articleKey);
    QList<store::Correction> corrections() const { return m_corrections; }

Q_SIGNALS:
    // The user asked to delete this correction; the window makes it an undoable edit.
    void deleteRequested(qint64 correctionId);

private:
    QList<store::Correction> m_corrections;
    QLabel *m_label;
    QTreeWidget *m_list;
    QPushButton *m_delete;
};

} // namespace baokan::ui
