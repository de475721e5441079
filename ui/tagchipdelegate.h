// SPDX-License-Identifier: MIT
#pragma once

#include <QStyledItemDelegate>

namespace baokan::ui {

// Paints an article list's title cell in two lines: the title, elided, over a smaller, quieter
// line with the kicker or subtitle and the reporters, and the article's tags as small coloured
// chips at its end (at most about half the line; in a narrower cell, a coloured dot per tag).
// The title gets the list's whole width that way, since titles are what a reader scans. The tags come
// from the model's TagNamesRole/TagColorsRole, read with the page of rows, so painting never
// queries. Every row has the same two-line height, so a long list still scrolls without
// measuring. GUI thread.
class TagChipDelegate final : public QStyledItemDelegate
{
    Q_OBJECT

public:
    explicit TagChipDelegate(QObject *parent = nullptr);

    void paint(QPainter *painter, const QStyleOptionViewItem &option, const QModelIndex &index) const override;
    QSize sizeHint(const QStyleOptionViewItem &option, const QModelIndex &index) const override;

    // The font chips are drawn in, derived from the row's font.
    static QFont chipFont(const QFont &rowFont);
    // The font of the second line (kicker, reporters), derived from the row's font.
    static QFont detailFont(const QFont &rowFont);
    // The second line's text: kicker or subtitle, then reporters; empty when the article has neither.
    static QString detailText(const QModelIndex &titleIndex);
    // The second line's height: its text or a chip, whichever is taller.
    static int secondLineHeight(const QFont &rowFont);
};

} // namespace baokan::ui
