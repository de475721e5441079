// SPDX-License-Identifier: MIT
#include "tagchipdelegate.h"

#include "tagchip.h"

#include "models/articlelistmodel.h"

#include <QApplication>
#include <QPainter>

namespace baokan::ui {

TagChipDelegate::TagChipDelegate(QObject *parent)
    : QStyledItemDelegate(parent)
{}

QFont TagChipDelegate::chipFont(const QFont &rowFont)
{
    QFont font = rowFont;
    font.setItalic(false);
    font.setBold(false);
    font.setPointSizeF(rowFont.pointSizeF() > 0 ? rowFont.pointSizeF() * 0.8 : 8);
    return font;
}

void TagChipDelegate::paint(QPainter *painter, const QStyleOptionViewItem &option, const QModelIndex &index) const
{
    const QStringList names = index.data(models::ArticleListModel::TagNamesRole).toStringList();
    if (names.isEmpty()) {
        QStyledItemDelegate::paint(painter, option, index);
        return;
    }
    const QStringList colors = index.data(models::ArticleListModel::TagColorsRole).toStringList();
    QStyleOptionViewItem opt = option;
    initStyleOption(&opt, index);
    const QWidget *widget = opt.widget;
    QStyle *style = widget ? widget->style() : QApplication::style();

    // Background, selection and focus as the style draws them; the text is drawn below, shortened.
    const QString text = opt.text;
    opt.text.clear();
    style->drawControl(QStyle::CE_ItemViewItem, &opt, painter, widget);
    opt.text = text;

    const QRect textRect = style->subElementRect(QStyle::SE_ItemViewItemText, &opt, widget).adjusted(2, 0, -2, 0);
    const QFont chips = chipFont(opt.font);
    const int gap = 6;
    // Whole chips when they fit in half the cell; else a dot per tag, so a narrow list still shows
    // which tags a row has and keeps room for the title.
    const int fullWidth = TagChip::rowWidth(names, chips);
    const bool dots = fullWidth > textRect.width() / 2;
    const int chipsWidth =
        dots ? std::min(TagChip::dotsWidth(int(colors.size()), chips), textRect.width() / 2) : fullWidth;
    const QFontMetrics fm(opt.font);
    const QString shown = fm.elidedText(text, Qt::ElideRight, std::max(0, textRect.width() - chipsWidth - gap));

    painter->save();
    const QPalette::ColorGroup group = !(opt.state & QStyle::State_Enabled) ? QPalette::Disabled
                                       : (opt.state & QStyle::State_Active) ? QPalette::Active
                                                                            : QPalette::Inactive;
    const bool selected = opt.state & QStyle::State_Selected;
    painter->setPen(opt.palette.color(group, selected ? QPalette::HighlightedText : QPalette::Text));
    painter->setFont(opt.font);
    painter->drawText(textRect, Qt::AlignLeft | Qt::AlignVCenter | Qt::TextSingleLine, shown);
    painter->restore();

    const int chipsLeft = textRect.left() + fm.horizontalAdvance(shown) + gap;
    const QRect chipsRect(chipsLeft, textRect.top(), textRect.right() + 1 - chipsLeft, textRect.height());
    if (dots)
        TagChip::paintDots(painter, chipsRect, colors, chips);
    else
        TagChip::paintRow(painter, chipsRect, names, colors, chips);
}

} // namespace baokan::ui
