// SPDX-License-Identifier: MIT
#include "searchhitdelegate.h"

#include "searchpanel.h"

#include "store/searchindex.h"

#include <QAbstractTextDocumentLayout>
#include <QApplication>
#include <QFontMetrics>
#include <QPainter>
#include <QTextBlock>
#include <QTextCursor>
#include <QTextDocument>
#include <QTextLayout>

#include <algorithm>

namespace baokan::ui {

namespace {

constexpr int Margin = 4;

} // namespace

void SearchHitDelegate::layOut(QTextDocument *document, const QStyleOptionViewItem &option, const QModelIndex &index)
{
    const bool selected = option.state & QStyle::State_Selected;
    const QPalette &palette = option.palette;
    const QColor text = palette.color(selected ? QPalette::HighlightedText : QPalette::Text);

    document->clear();
    document->setDefaultFont(option.font);
    document->setDocumentMargin(Margin);
    QTextCursor cursor(document);

    QTextCharFormat plain;
    plain.setForeground(text);
    QTextCharFormat date = plain;
    QColor muted = text;
    muted.setAlphaF(0.65);
    date.setForeground(muted);
    QTextCharFormat title = plain;
    title.setFontWeight(QFont::Bold);
    // The marker stays readable on the selection colour and in a dark palette alike.
    QTextCharFormat mark;
    mark.setFontWeight(QFont::Bold);
    mark.setForeground(QColor(0x20, 0x20, 0x20));
    mark.setBackground(QColor(0xff, 0xd5, 0x4f));

    const QString issueDate = index.data(SearchPanel::DateRole).toString();
    const QString datePart = issueDate.isEmpty() ? QString() : issueDate + QStringLiteral("  ");
    if (!datePart.isEmpty())
        cursor.insertText(datePart, date);
    QString titleText = index.data(Qt::DisplayRole).toString();
    // One line of title, so every hit keeps its lines of snippet in the fixed row height.
    const int room = option.rect.width() - 2 * Margin - QFontMetrics(option.font).horizontalAdvance(datePart) - 4;
    if (room > 0) {
        QFont bold = option.font;
        bold.setBold(true);
        titleText = QFontMetrics(bold).elidedText(titleText, Qt::ElideRight, room);
    }
    cursor.insertText(titleText, title);

    const QString snippet = index.data(SearchPanel::SnippetRole).toString();
    if (snippet.isEmpty())
        return;
    QTextBlockFormat snippetBlock;
    snippetBlock.setTopMargin(2);
    cursor.insertBlock(snippetBlock, plain);
    bool inMatch = false;
    QString run;
    auto flush = [&] {
        if (!run.isEmpty())
            cursor.insertText(run, inMatch ? mark : plain);
        run.clear();
    };
    for (const QChar c : snippet) {
        if (c == QChar(store::SearchIndex::MatchOpen) || c == QChar(store::SearchIndex::MatchClose)) {
            flush();
            inMatch = c == QChar(store::SearchIndex::MatchOpen);
        } else if (c == QLatin1Char('\n')) {
            run += QLatin1Char(' '); // one paragraph of snippet: the list row has no room for breaks
        } else {
            run += c;
        }
    }
    flush();
}

void SearchHitDelegate::paint(QPainter *painter, const QStyleOptionViewItem &option, const QModelIndex &index) const
{
    QStyleOptionViewItem opt = option;
    initStyleOption(&opt, index);
    const QWidget *widget = option.widget;
    QStyle *style = widget ? widget->style() : QApplication::style();
    opt.text.clear();
    style->drawControl(QStyle::CE_ItemViewItem, &opt, painter, widget);

    QTextDocument document;
    layOut(&document, opt, index);
    document.setTextWidth(option.rect.width());
    painter->save();
    painter->translate(option.rect.topLeft());
    // Whole lines only: a snippet longer than the row would show the top of a line cut in half.
    qreal shown = 0;
    for (QTextBlock block = document.begin(); block.isValid(); block = block.next()) {
        const qreal top = document.documentLayout()->blockBoundingRect(block).top();
        const QTextLayout *layout = block.layout();
        for (int i = 0; i < layout->lineCount(); ++i) {
            const qreal bottom = top + layout->lineAt(i).rect().bottom();
            if (bottom > option.rect.height())
                break;
            shown = std::max(shown, bottom);
        }
    }
    const QRectF clip(0, 0, option.rect.width(), shown > 0 ? shown : option.rect.height());
    document.drawContents(painter, clip);
    painter->restore();
}

QSize SearchHitDelegate::sizeHint(const QStyleOptionViewItem &option, const QModelIndex &index) const
{
    Q_UNUSED(index)
    // A fixed height (title line and snippet lines) keeps the list uniform, so it scrolls
    // without laying out every hit.
    const int line = option.fontMetrics.lineSpacing();
    // No width of its own: the row takes the list's width, and the text wraps within it.
    return {1, line * (1 + SnippetLines) + 2 * Margin + 6};
}

} // namespace baokan::ui
