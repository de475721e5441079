// SPDX-License-Identifier: MIT
#pragma once

#include <QStyledItemDelegate>

class QTextDocument;

namespace baokan::ui {

// Draws one search hit: the issue date and title on the first line, then the snippet with the
// matches in bold on a marker colour. The snippet is inserted as plain text with character
// formats, never parsed as HTML, so article text cannot change the markup. GUI thread only.
class SearchHitDelegate final : public QStyledItemDelegate
{
    Q_OBJECT

public:
    using QStyledItemDelegate::QStyledItemDelegate;

    void paint(QPainter *painter, const QStyleOptionViewItem &option, const QModelIndex &index) const override;
    QSize sizeHint(const QStyleOptionViewItem &option, const QModelIndex &index) const override;

    // Fills document with the hit at index as it is drawn; exposed so tests can read the marks.
    static void layOut(QTextDocument *document, const QStyleOptionViewItem &option, const QModelIndex &index);

    // Lines of snippet shown under the title; longer snippets are cut.
    static constexpr int SnippetLines = 3;
};

} // namespace baokan::ui
