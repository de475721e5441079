// SPDX-License-Identifier: MIT
#include "tagchip.h"

#include <QFontMetrics>
#include <QPainter>
#include <QPainterPath>
#include <QPen>

#include <cmath>

namespace baokan::ui {

namespace {

int horizontalPadding(const QFontMetrics &fm)
{
    return std::max(4, fm.height() / 3);
}

} // namespace

QColor TagChip::textColorOn(const QColor &background)
{
    // The same threshold as the notes panel's chips, so a tag reads the same everywhere.
    return background.lightnessF() > 0.6 ? QColor(0x20, 0x20, 0x20) : QColor(0xff, 0xff, 0xff);
}

QSize TagChip::size(const QString &name, const QFont &font)
{
    const QFontMetrics fm(font);
    // Rounded up from the exact advance, so the name is never elided in a chip made to fit it.
    const int text = int(std::ceil(QFontMetricsF(font).horizontalAdvance(name)));
    return {text + 2 * horizontalPadding(fm), fm.height() + 2};
}

void TagChip::paint(QPainter *painter, const QRect &rect, const QString &name, const QColor &color, const QFont &font)
{
    painter->save();
    painter->setRenderHint(QPainter::Antialiasing, true);
    const QColor fill = color.isValid() ? color : QColor(0x9e, 0x9e, 0x9e);
    QPainterPath path;
    const qreal radius = rect.height() / 2.0;
    path.addRoundedRect(QRectF(rect), radius, radius);
    painter->fillPath(path, fill);
    painter->setFont(font);
    painter->setPen(textColorOn(fill));
    const QFontMetrics fm(font);
    const QRect text = rect.adjusted(horizontalPadding(fm), 0, -horizontalPadding(fm), 0);
    const bool fits = QFontMetricsF(font).horizontalAdvance(name) <= text.width();
    painter->drawText(text, Qt::AlignCenter | Qt::TextSingleLine,
                      fits ? name : fm.elidedText(name, Qt::ElideRight, text.width()));
    painter->restore();
}

int TagChip::rowWidth(const QStringList &names, const QFont &font)
{
    int width = 0;
    for (const QString &name : names)
        width += size(name, font).width() + (width > 0 ? Spacing : 0);
    return width;
}

int TagChip::paintRow(QPainter *painter, const QRect &rect, const QStringList &names, const QStringList &colors,
                      const QFont &font)
{
    int x = rect.left();
    int painted = 0;
    for (qsizetype i = 0; i < names.size(); ++i) {
        const QSize chip = size(names.at(i), font);
        const QString more = QStringLiteral("+%1").arg(names.size() - i);
        // Keep room for the "+N" of the chips after this one, unless this is the last.
        const int reserve =
            i + 1 < names.size() ? size(QStringLiteral("+%1").arg(names.size() - i - 1), font).width() + Spacing : 0;
        if (x + chip.width() + reserve > rect.right() + 1) {
            const QSize moreSize = size(more, font);
            if (x + moreSize.width() <= rect.right() + 1)
                paint(painter, QRect(QPoint(x, rect.center().y() - moreSize.height() / 2), moreSize), more,
                      QColor(0xbd, 0xbd, 0xbd), font);
            break;
        }
        paint(painter, QRect(QPoint(x, rect.center().y() - chip.height() / 2), chip), names.at(i),
              QColor(colors.value(i)), font);
        x += chip.width() + Spacing;
        ++painted;
    }
    return painted;
}

namespace {

int dotDiameter(const QFont &font)
{
    return std::max(6, QFontMetrics(font).height() / 2);
}

} // namespace

int TagChip::dotsWidth(int count, const QFont &font)
{
    return count <= 0 ? 0 : count * dotDiameter(font) + (count - 1) * (Spacing / 2);
}

void TagChip::paintDots(QPainter *painter, const QRect &rect, const QStringList &colors, const QFont &font)
{
    const int d = dotDiameter(font);
    painter->save();
    painter->setRenderHint(QPainter::Antialiasing, true);
    // A light ring keeps a dot visible on a selection of its own hue.
    painter->setPen(QPen(QColor(255, 255, 255, 220), 1));
    int x = rect.left();
    for (const QString &color : colors) {
        if (x + d > rect.right() + 1)
            break;
        const QColor c(color);
        painter->setBrush(c.isValid() ? c : QColor(0x9e, 0x9e, 0x9e));
        painter->drawEllipse(QRect(x, rect.center().y() - d / 2, d, d));
        x += d + Spacing / 2;
    }
    painter->restore();
}

QImage TagChip::image(const QString &name, const QColor &color, const QFont &font, qreal devicePixelRatio)
{
    const QSize logical = size(name, font);
    QImage image(
        QSize(int(std::ceil(logical.width() * devicePixelRatio)), int(std::ceil(logical.height() * devicePixelRatio))),
        QImage::Format_ARGB32_Premultiplied);
    image.setDevicePixelRatio(devicePixelRatio);
    image.fill(Qt::transparent);
    QPainter painter(&image);
    paint(&painter, QRect(QPoint(0, 0), logical), name, color, font);
    return image;
}

} // namespace baokan::ui
