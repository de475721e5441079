// SPDX-License-Identifier: MIT
#include "entitylegend.h"

#include "settings.h"

#include <QCheckBox>
#include <QEvent>
#include <QGridLayout>
#include <QPainter>
#include <QPixmap>

namespace baokan::ui {

namespace {

QColor mix(const QColor &a, const QColor &b, qreal t)
{
    return QColor::fromRgbF(float(a.redF() * (1 - t) + b.redF() * t), float(a.greenF() * (1 - t) + b.greenF() * t),
                            float(a.blueF() * (1 - t) + b.blueF() * t));
}

} // namespace

EntityLegend::EntityLegend(Settings *settings, QWidget *parent)
    : QWidget(parent)
    , m_settings(settings)
{
    setObjectName(QStringLiteral("entityLegend"));
    // Three to a row: in one row the six boxes made this the widest thing in the side dock, and
    // the dock took its width from the reader.
    auto *layout = new QGridLayout(this);
    layout->setContentsMargins(4, 2, 4, 2);
    layout->setHorizontalSpacing(8);
    layout->setVerticalSpacing(2);
    constexpr int PerRow = 3;
    const QStringList hidden = m_settings->hiddenEntityTypes();
    for (const QString &type : types()) {
        auto *box = new QCheckBox(type, this);
        box->setObjectName(QStringLiteral("legend_") + type);
        box->setToolTip(typeName(type));
        box->setChecked(!hidden.contains(type));
        connect(box, &QCheckBox::toggled, this, [this] {
            QStringList off;
            for (const QString &t : types()) {
                if (!isShown(t))
                    off << t;
            }
            m_settings->setHiddenEntityTypes(off);
            Q_EMIT shownTypesChanged();
        });
        layout->addWidget(box, int(m_boxes.size()) / PerRow, int(m_boxes.size()) % PerRow);
        m_boxes[type] = box;
    }
    layout->setColumnStretch(PerRow, 1);
    updateSwatches();
}

QStringList EntityLegend::types()
{
    return {QStringLiteral("PER"),  QStringLiteral("LOC"), QStringLiteral("ORG"),
            QStringLiteral("DATE"), QStringLiteral("DOC"), QStringLiteral("POS")};
}

QString EntityLegend::typeName(const QString &type)
{
    if (type == u"PER")
        return tr("Person");
    if (type == u"LOC")
        return tr("Place");
    if (type == u"ORG")
        return tr("Organization");
    if (type == u"DATE")
        return tr("Date");
    if (type == u"DOC")
        return tr("Document or law");
    if (type == u"POS")
        return tr("Post or title");
    return type;
}

QColor EntityLegend::typeColour(const QString &type)
{
    // Okabe & Ito's palette: the six hues stay apart for the common colour-vision deficiencies.
    if (type == u"PER")
        return QColor(0xD5, 0x5E, 0x00); // vermillion
    if (type == u"LOC")
        return QColor(0x00, 0x9E, 0x73); // bluish green
    if (type == u"ORG")
        return QColor(0x00, 0x72, 0xB2); // blue
    if (type == u"DATE")
        return QColor(0xE6, 0x9F, 0x00); // orange
    if (type == u"DOC")
        return QColor(0xCC, 0x79, 0xA7); // reddish purple
    if (type == u"POS")
        return QColor(0x56, 0xB4, 0xE9); // sky blue
    return QColor(0x99, 0x99, 0x99);
}

QTextCharFormat EntityLegend::highlightFormat(const QString &type, const QPalette &palette)
{
    const QColor colour = typeColour(type);
    const QColor base = palette.color(QPalette::Base);
    const bool dark = base.lightnessF() < 0.5;
    QTextCharFormat f;
    // A faint tint keeps the contrast of the text; on a dark base the same share of colour reads
    // stronger, so less is mixed in.
    f.setBackground(mix(base, colour, dark ? 0.28 : 0.22));
    f.setUnderlineStyle(QTextCharFormat::SingleUnderline);
    f.setUnderlineColor(dark ? mix(colour, QColor(Qt::white), 0.2) : colour);
    f.setProperty(QTextFormat::UserProperty, type);
    return f;
}

bool EntityLegend::isShown(const QString &type) const
{
    const auto it = m_boxes.find(type);
    return it == m_boxes.end() || it->second->isChecked();
}

QStringList EntityLegend::shownTypes() const
{
    QStringList out;
    for (const QString &t : types()) {
        if (isShown(t))
            out << t;
    }
    return out;
}

void EntityLegend::setShown(const QString &type, bool shown)
{
    const auto it = m_boxes.find(type);
    if (it != m_boxes.end())
        it->second->setChecked(shown);
}

void EntityLegend::changeEvent(QEvent *event)
{
    QWidget::changeEvent(event);
    if (event->type() == QEvent::PaletteChange)
        updateSwatches();
}

void EntityLegend::updateSwatches()
{
    // Each checkbox shows the highlight it switches, so the legend is also the key.
    for (const auto &[type, box] : m_boxes) {
        const QTextCharFormat f = highlightFormat(type, palette());
        QPixmap swatch(14, 14);
        swatch.fill(f.background().color());
        QPainter p(&swatch);
        p.setPen(QPen(f.underlineColor(), 2));
        p.drawLine(0, 12, 13, 12);
        p.end();
        box->setIcon(QIcon(swatch));
    }
}

} // namespace baokan::ui
