// SPDX-License-Identifier: MIT
#pragma once

#include <QStyledItemDelegate>

namespace baokan::ui {

// Paints an article list's title cell with the article's tags as small coloured chips after the
// title, which is elided to leave them room (at most about half the cell; in a narrower cell, a
// coloured dot per tag). The tags come from the
// model's TagNamesRole/TagColorsRole, read with the page of rows, so painting never queries.
// Rows keep one height, so a long list still scrolls without measuring. GUI thread.
class TagChipDelegate final : public QStyledItemDelegate
{
    Q_OBJECT

public:
    explicit TagChipDelegate(QObject *parent = nullptr);

    void paint(QPainter *painter, const QStyleOptionViewItem &option, const QModelIndex &index) const override;

    // The font chips are drawn in, derived from the row's font.
    static QFont chipFont(const QFont &rowFont);
};

} // namespace baokan::ui
