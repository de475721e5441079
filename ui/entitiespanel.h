// SPDX-License-Identifier: MIT
#pragma once

#include "store/entitystore.h"

#include <QDockWidget>
#include <QHash>

class QComboBox;
class QLabel;
class QLineEdit;
class QPushButton;
class QTimer;
class QTreeWidget;
class QTreeWidgetItem;

namespace baokan::store {
class Database;
class EntityIndexJob;
struct EntityIndexPage;
} // namespace baokan::store

namespace baokan::ui {

class EntityLegend;
class ReaderView;
class Settings;
class UnplacedCorrections;

// The Entities dock: draws the current article's recognized entities into the reader (one colour
// per type, switched by the legend), explains them on hover, lists them by type with counts, and
// indexes the whole archive by type and frequency; choosing an entity lists the articles that
// mention it. Reads the archive on the GUI thread's connection. GUI thread only.
class EntitiesPanel final : public QDockWidget
{
    Q_OBJECT

public:
    EntitiesPanel(ReaderView *reader, Settings *settings, QWidget *parent = nullptr);

    void setDatabase(store::Database *db);
    // The article the reader shows (0: none); its mentions are highlighted at once.
    void setArticle(qint64 articleId);
    // Reads the article's entities, the archive index and the chosen entity's articles again
    // (after an import or a correction).
    void reload();
    // Draws the mentions again, e.g. after the reader re-rendered for another article.
    void applyHighlights();

    EntityLegend *legend() const { return m_legend; }
    // The article's corrections that a re-import left without their words.
    UnplacedCorrections *unplacedCorrections() const { return m_unplaced; }
    const QList<store::StoredMention> &mentions() const { return m_mentions; }
    // The entity whose articles are listed; empty type when none is chosen.
    QString chosenType() const { return m_chosenType; }
    QString chosenText() const { return m_chosenText; }
    void chooseEntity(const QString &type, const QString &text);
    // The tooltip for document position `position` of the reader; empty where no entity is.
    QString toolTipAt(int position);
    // The shown mention covering the character at document position `position`.
    std::optional<store::StoredMention> mentionAt(int position) const;
    // The document position of the character under a point of the reader's viewport.
    int characterAt(const QPoint &viewportPos) const;

public Q_SLOTS:
    // Whether a search is running, so the search action says whether it narrows it or starts one.
    void setSearchActive(bool active);

    // True while the archive index is being read off the GUI thread.
    bool isReadingIndex() const;

Q_SIGNALS:
    // The archive index was read and listed (or could not be read).
    void indexRead();
    void articleChosen(const QString &key);
    // The article list should show exactly these articles.
    void showArticles(const QStringList &keys, const QString &description);
    // The user asked to narrow the search to the articles mentioning the entity (or to search
    // for it when no search is running).
    void searchRequested(const QString &type, const QString &text);

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    void reloadArticleEntities();
    // Reads the archive index off the GUI thread; showIndex() fills the list when it is read.
    void reloadIndex();
    void showIndex(const store::EntityIndexPage &page);
    void stopIndexJob();
    void entityItemChosen(QTreeWidgetItem *item);
    void showEntityMenu(QTreeWidget *tree, const QPoint &pos);
    QString searchActionText(const QString &text) const;

    ReaderView *m_reader;
    Settings *m_settings;
    store::Database *m_db = nullptr;
    qint64 m_articleId = 0;
    QList<store::StoredMention> m_mentions;
    QHash<QString, QString> m_postsCache; // person → tooltip lines
    QString m_chosenType;
    QString m_chosenText;
    QList<store::EntityArticle> m_chosenArticles;

    EntityLegend *m_legend;
    QTreeWidget *m_articleEntities;
    UnplacedCorrections *m_unplaced;
    QLineEdit *m_filter;
    QComboBox *m_typeFilter;
    QTreeWidget *m_index;
    QLabel *m_indexCount;
    QLabel *m_chosenLabel;
    QTreeWidget *m_articles;
    QPushButton *m_showArticles;
    QPushButton *m_searchEntity;
    bool m_searchActive = false;
    bool m_indexVisible = false; // the panel is shown (not closed, nor a tab behind another)
    bool m_indexStale = false;   // the index was not read while hidden: read it when next shown
    QTimer *m_filterTimer;
    store::EntityIndexJob *m_indexJob = nullptr;
    bool m_indexAgain = false; // asked again while a read ran: its answer is already old
};

} // namespace baokan::ui
