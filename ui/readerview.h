// SPDX-License-Identifier: MIT
#pragma once

#include "readerarticle.h"
#include "textfieldmap.h"

#include <QTextCharFormat>
#include <QTextEdit>

#include <map>

namespace baokan::ui {

// Shows one article as typeset Chinese text: kicker, title, subtitle, byline, body, captions and
// source, in a centred column of readable width, with palette-derived colours. Article text is
// always inserted as plain text, never parsed as HTML. Keeps the field ↔ document mapping so
// highlights given in code points of a field (entities, passages, search matches) can be drawn in
// layers. GUI thread only.
class ReaderView final : public QTextEdit
{
    Q_OBJECT

public:
    // Highlight layers, drawn in this order (a later layer paints over an earlier one).
    enum class Layer { Entities, Passages, SearchMatches };

    struct Highlight
    {
        FieldRange range;
        QTextCharFormat format;
    };

    static constexpr qreal DefaultPointSize = 14;
    static constexpr qreal MinimumPointSize = 9;
    static constexpr qreal MaximumPointSize = 32;

    explicit ReaderView(QWidget *parent = nullptr);

    void showArticle(const ReaderArticle &article);
    // Shows a short muted message instead of an article (nothing chosen, the archive is empty).
    void showMessage(const QString &message);
    bool hasArticle() const { return m_hasArticle; }
    const ReaderArticle &article() const { return m_article; }
    // Replaces the article's tag chips (after a tag edit), keeping the reader's place.
    void setTags(const QList<ReaderTag> &tags);
    // The names of the chips in the document, in order: what the user sees.
    QStringList shownTagNames() const;

    // The text of a field as offsets into it count it (see FieldRange).
    QString fieldText(ReaderField field) const;

    qreal textPointSize() const { return m_pointSize; }
    void setTextPointSize(qreal points);
    void enlargeText() { setTextPointSize(m_pointSize + 1); }
    void shrinkText() { setTextPointSize(m_pointSize - 1); }

    // The user's selection as a range of one field; nothing when it covers no article text.
    std::optional<FieldRange> selectedRange() const;
    // Replaces the highlights of one layer. Ranges are kept in field offsets, so they survive a
    // change of font size or palette.
    void highlightRanges(Layer layer, const QList<Highlight> &highlights);
    void clearHighlights(Layer layer) { highlightRanges(layer, {}); }
    // Scrolls so that the range is visible; false when it is not shown.
    bool scrollToRange(const FieldRange &range);

    const TextFieldMap &fieldMap() const { return m_map; }
    // The width of the text column in pixels, for tests and layout.
    int columnWidth() const;

Q_SIGNALS:
    void textPointSizeChanged(qreal points);
    // A click on a tag chip (not the end of a selection): the user wants that tag's articles.
    void tagClicked(const QString &name);

protected:
    void resizeEvent(QResizeEvent *event) override;
    void changeEvent(QEvent *event) override;
    void wheelEvent(QWheelEvent *event) override;
    void mouseMoveEvent(QMouseEvent *event) override;
    void mouseReleaseEvent(QMouseEvent *event) override;

private:
    void render();
    void updateColumnMargins();
    void applyHighlights();
    // The tag whose chip is at a viewport position; empty when none.
    QString tagAt(const QPoint &position) const;

    ReaderArticle m_article;
    bool m_hasArticle = false;
    QString m_message;
    qreal m_pointSize = DefaultPointSize;
    TextFieldMap m_map;
    std::map<Layer, QList<Highlight>> m_highlights;
};

} // namespace baokan::ui
