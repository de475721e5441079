// SPDX-License-Identifier: MIT
#pragma once

#include <QColor>
#include <QPalette>
#include <QStringList>
#include <QTextCharFormat>
#include <QWidget>

#include <map>

class QCheckBox;

namespace baokan::ui {

class Settings;

// The colour key of the reader's entity highlights, one checkbox per type that switches that type
// on and off; the choice is kept in Settings. Also the one place that decides each type's colour
// (Okabe–Ito, safe for colour-blind readers) and how a highlight looks in the current palette.
// GUI thread only.
class EntityLegend final : public QWidget
{
    Q_OBJECT

public:
    explicit EntityLegend(Settings *settings, QWidget *parent = nullptr);

    // PER LOC ORG DATE DOC POS, in the legend's order.
    static QStringList types();
    static QString typeName(const QString &type);
    static QColor typeColour(const QString &type);
    // A light tint of the type's colour behind the text and an underline in the colour itself;
    // the tint is mixed towards the palette's base, so text stays readable on light and dark.
    static QTextCharFormat highlightFormat(const QString &type, const QPalette &palette);

    bool isShown(const QString &type) const;
    QStringList shownTypes() const;
    void setShown(const QString &type, bool shown);

Q_SIGNALS:
    void shownTypesChanged();

protected:
    void changeEvent(QEvent *event) override;

private:
    void updateSwatches();

    Settings *m_settings;
    std::map<QString, QCheckBox *> m_boxes;
};

} // namespace baokan::ui
