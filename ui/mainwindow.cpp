// SPDX-License-Identifier: MIT
#include "mainwindow.h"

#include <QHeaderView>
#include <QTreeWidget>

namespace baokan::ui {

MainWindow::MainWindow(QWidget *parent)
    : QMainWindow(parent)
    , m_tree(new QTreeWidget(this))
{
    setWindowTitle(tr("baokan"));
    m_tree->setObjectName(QStringLiteral("issueTree"));
    m_tree->setHeaderLabels({tr("Issue / article"), tr("Reporters")});
    m_tree->header()->setSectionResizeMode(0, QHeaderView::Stretch);
    setCentralWidget(m_tree);
    resize(1100, 760);
}

void MainWindow::showIssues(const QList<parse::Issue> &issues)
{
    m_tree->clear();
    for (const parse::Issue &issue : issues) {
        auto *issueItem = new QTreeWidgetItem(m_tree, {issue.name});
        for (const parse::Article &article : issue.articles) {
            const QString title = article.title.isNull() ? article.paragraphs.value(0).left(20) : article.title;
            new QTreeWidgetItem(issueItem, {title, article.reporters.join(QStringLiteral("、"))});
        }
        issueItem->setExpanded(true);
    }
}

} // namespace baokan::ui
