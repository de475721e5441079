// SPDX-License-Identifier: MIT
#include "tagchipdelegate.h"

#include "tagchip.h"

#include "models/articlelistmodel.h"

#include <QApplication>
#include <QPainter>

#include <algorithm>

namespace baokan::ui {

namespace {

constexpr int LineGap = 1; // between the title and the second line

} // namespace

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

QFont TagChipDelegate::detailFont(const QFont &rowFont)
{
    QFont font = rowFont;
    font.setItalic(false);
    font.setBold(false);
    font.setPointSizeF(rowFont.pointSizeF() > 0 ? rowFont.pointSizeF() * 0.85 : 8);
    return font;
}

QString TagChipDelegate::detailText(const QModelIndex &titleIndex)
{
    QStringList parts;
    for (const int column : {models::ArticleListModel::DetailColumn, models::ArticleListModel::ReportersColumn}) {
        const QString part = titleIndex.siblingAtColumn(column).data().toString();
        if (!part.isEmpty())
            parts << part;
    }
    return parts.join(QStringLiteral(" · "));
}

int TagChipDelegate::secondLineHeight(const QFont &rowFont)
{
    return std::max(QFontMetrics(detailFont(rowFont)).height(),
                    TagChip::size(QStringLiteral("标"), chipFont(rowFont)).height());
}

QSize TagChipDelegate::sizeHint(const QStyleOptionViewItem &option, const QModelIndex &index) const
{
    QSize size = QStyledItemDelegate::sizeHint(option, index);
    // Every row reserves the second line, present or not: the view measures one row for all.
    size.setHeight(size.height() + secondLineHeight(option.font) + LineGap);
    return size;
}

void TagChipDelegate::paint(QPainter *painter, const QStyleOptionViewItem &option, const QModelIndex &index) const
{
    const QStringList names = index.data(models::ArticleListModel::TagNamesRole).toStringList();
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

    const QRect cell = style->subElementRect(QStyle::SE_ItemViewItemText, &opt, widget).adjusted(2, 0, -2, 0);
    const QFontMetrics fm(opt.font);
    const QFont small = detailFont(opt.font);
    const QFontMetrics smallFm(small);
    const int secondHeight = secondLineHeight(opt.font);
    // Both lines centred as a block in the cell.
    const int block = fm.height() + LineGap + secondHeight;
    const int top = cell.top() + std::max(0, (cell.height() - block) / 2);
    const QRect titleRect(cell.left(), top, cell.width(), fm.height());
    const QRect secondRect(cell.left(), top + fm.height() + LineGap, cell.width(), secondHeight);

    // The second line ends with the tags: whole chips when they fit in half the line; else a dot
    // per tag, so a narrow list still shows which tags a row has. The title keeps the whole width.
    const QFont chips = chipFont(opt.font);
    const int gap = 6;
    const int fullWidth = names.isEmpty() ? 0 : TagChip::rowWidth(names, chips);
    const bool dots = fullWidth > secondRect.width() / 2;
    const int chipsWidth = names.isEmpty() ? 0
                           : dots ? std::min(TagChip::dotsWidth(int(colors.size()), chips), secondRect.width() / 2)
                                  : fullWidth;

    painter->save();
    const QPalette::ColorGroup group = !(opt.state & QStyle::State_Enabled) ? QPalette::Disabled
                                       : (opt.state & QStyle::State_Active) ? QPalette::Active
                                                                            : QPalette::Inactive;
    const bool selected = opt.state & QStyle::State_Selected;
    // initStyleOption put the model's own colour (a made-up title is grey) in the palette.
    const QColor textColor = opt.palette.color(group, selected ? QPalette::HighlightedText : QPalette::Text);
    painter->setPen(textColor);
    painter->setFont(opt.font);
    painter->drawText(titleRect, Qt::AlignLeft | Qt::AlignVCenter | Qt::TextSingleLine,
                      fm.elidedText(text, Qt::ElideRight, titleRect.width()));

    const QString detail = detailText(index);
    const int detailWidth = std::max(0, secondRect.width() - chipsWidth - (names.isEmpty() ? 0 : gap));
    if (!detail.isEmpty() && detailWidth > 0) {
        // Quieter than the title: the text colour blended towards the background.
        QColor quiet = textColor;
        const QColor base = opt.palette.color(group, selected ? QPalette::Highlight : QPalette::Base);
        quiet.setRgbF((quiet.redF() * 3 + base.redF() * 2) / 5, (quiet.greenF() * 3 + base.greenF() * 2) / 5,
                      (quiet.blueF() * 3 + base.blueF() * 2) / 5);
        painter->setPen(quiet);
        painter->setFont(small);
        painter->drawText(QRect(secondRect.left(), secondRect.top(), detailWidth, secondRect.height()),
                          Qt::AlignLeft | Qt::AlignVCenter | Qt::TextSingleLine,
                          smallFm.elidedText(detail, Qt::ElideRight, detailWidth));
    }
    painter->restore();

    if (names.isEmpty())
        return;
    const QRect chipsRect(secondRect.right() + 1 - chipsWidth, secondRect.top(), chipsWidth, secondRect.height());
    if (dots)
        TagChip::paintDots(painter, chipsRect, colors, chips);
    else
        TagChip::paintRow(painter, chipsRect, names, colors, chips);
}

} // namespace baokan::ui
