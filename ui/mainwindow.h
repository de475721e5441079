// SPDX-License-Identifier: MIT
#pragma once

#include "parse/article.h"
#include "settings.h"

#include <QMainWindow>

#include <memory>

class QAction;
class QLabel;
class QSplitter;
class QStandardItemModel;
class QTreeView;

namespace baokan::store {
class Database;
}

namespace baokan::ui {

class ReaderView;

// The application window: issues, the articles of the chosen issue, and the reader, side by side,
// with the menus and keyboard commands that move between them. GUI thread only.
class MainWindow final : public QMainWindow
{
    Q_OBJECT

public:
    explicit MainWindow(QWidget *parent = nullptr);
    ~MainWindow() override;

    // Opens (creating if needed) the archive at `path` and shows it. On failure the window keeps
    // what it showed and *error says why (a newer archive, not an archive, no permission).
    bool openArchive(const QString &path, QString *error = nullptr);
    QString archivePath() const { return m_archivePath; }

    void showIssues(const QList<parse::Issue> &issues);

    // Chooses the first (newest) issue and its first article, as a new reader would.
    void selectFirstArticle();

    ReaderView *reader() const { return m_reader; }

    // Imports files and folders into the open archive in the background, with progress.
    void importPaths(const QStringList &paths);

protected:
    void closeEvent(QCloseEvent *event) override;
    void dragEnterEvent(QDragEnterEvent *event) override;
    void dropEvent(QDropEvent *event) override;

private:
    void createActions();
    void createMenus();
    void restoreSettings();
    void saveSettings();
    void issueChanged(const QModelIndex &current);
    void articleChanged(const QModelIndex &current);
    void moveArticle(int delta);
    void moveToArticleRow(int row);
    void updateStatus();
    void newArchive();
    void chooseArchive();
    void chooseImport();

    Settings m_settings;
    std::unique_ptr<store::Database> m_db;
    QString m_archivePath;
    QList<parse::Issue> m_issues;

    QSplitter *m_splitter;
    QTreeView *m_issueView;
    QTreeView *m_articleView;
    ReaderView *m_reader;
    QStandardItemModel *m_issueModel;
    QStandardItemModel *m_articleModel;
    QLabel *m_archiveLabel;
    QLabel *m_countLabel;

    struct Actions
    {
        QAction *newArchive = nullptr;
        QAction *openArchive = nullptr;
        QAction *import = nullptr;
        QAction *quit = nullptr;
        QAction *largerText = nullptr;
        QAction *smallerText = nullptr;
        QAction *nextArticle = nullptr;
        QAction *previousArticle = nullptr;
        QAction *firstArticle = nullptr;
        QAction *lastArticle = nullptr;
    } m_actions;
};

} // namespace baokan::ui
