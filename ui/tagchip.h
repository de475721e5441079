// SPDX-License-Identifier: MIT
#pragma once

#include <QColor>
#include <QFont>
#include <QImage>
#include <QRect>
#include <QString>
#include <QStringList>

class QPainter;

namespace baokan::ui {

// How a tag looks wherever it is shown outside the notes panel's editable chips: a small rounded
// chip in the tag's colour with its name in a readable contrasting colour. The article list's
// delegate paints rows of them, the reader inserts them as images. Pure painting; GUI thread.
class TagChip
{
public:
    static constexpr int Spacing = 4; // between two chips

    // The text colour that reads on the chip's colour.
    static QColor textColorOn(const QColor &background);
    static QSize size(const QString &name, const QFont &font);
    static void paint(QPainter *painter, const QRect &rect, const QString &name, const QColor &color,
                      const QFont &font);
    // The width a row of chips takes.
    static int rowWidth(const QStringList &names, const QFont &font);
    // Paints as many chips as fit into rect, left to right, vertically centred, ending with "+N"
    // when some are left out; returns how many were painted in full.
    static int paintRow(QPainter *painter, const QRect &rect, const QStringList &names, const QStringList &colors,
                        const QFont &font);
    // The compact form for narrow cells: one dot per tag in its colour.
    static int dotsWidth(int count, const QFont &font);
    static void paintDots(QPainter *painter, const QRect &rect, const QStringList &colors, const QFont &font);
    // One chip as an image drawn for the given device pixel ratio (the reader's document takes images).
    static QImage image(const QString &name, const QColor &color, const QFont &font, qreal devicePixelRatio);
};

} // namespace baokan::ui
