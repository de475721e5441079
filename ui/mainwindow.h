// SPDX-License-Identifier: MIT
#pragma once

#include "parse/article.h"

#include <QMainWindow>

class QTreeWidget;

namespace baokan::ui {

// The application window: issues and their articles. GUI thread only.
class MainWindow final : public QMainWindow
{
    Q_OBJECT

public:
    explicit MainWindow(QWidget *parent = nullptr);

    void showIssues(const QList<parse::Issue> &issues);

private:
    QTreeWidget *m_tree;
};

} // namespace baokan::ui
