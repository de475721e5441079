// SPDX-License-Identifier: MIT
#include "readerview.h"

#include "tagchip.h"

#include <QAbstractTextDocumentLayout>
#include <QEvent>
#include <QFontMetricsF>
#include <QLocale>
#include <QMouseEvent>
#include <QScrollBar>
#include <QTextBlock>
#include <QTextCursor>
#include <QTextDocument>
#include <QTextFrame>
#include <QUrl>
#include <QWheelEvent>

#include <algorithm>
#include <cmath>

namespace baokan::ui {

namespace {

// The reader column holds about this many CJK characters per line: the range Chinese book and
// e-reader typography keeps to (36–42), so the eye finds the next line without effort.
constexpr int ColumnCharacters = 38;
constexpr qreal BodyLineSpacing = 1.75; // line pitch in ems for body text
constexpr qreal MinimumSideMargin = 2;  // ems: text never runs up to the pane's edge
// Marks a tag chip's image in the document with the tag's name.
constexpr int TagNameProperty = QTextFormat::UserProperty + 1;

QFont cjkFont(bool serif, qreal points, QFont::Weight weight = QFont::Normal)
{
    QFont f;
    // Named explicitly, SC first: with a C locale fontconfig would pick the JP face and draw
    // Japanese glyph forms.
    if (serif)
        f.setFamilies(
            {QStringLiteral("Noto Serif CJK SC"), QStringLiteral("Noto Sans CJK SC"), QStringLiteral("serif")});
    else
        f.setFamilies({QStringLiteral("Noto Sans CJK SC"), QStringLiteral("Noto Sans"), QStringLiteral("sans-serif")});
    f.setPointSizeF(points);
    f.setWeight(weight);
    return f;
}

QTextCharFormat charFormat(const QFont &font, const QColor &colour)
{
    QTextCharFormat f;
    f.setFont(font, QTextCharFormat::FontPropertiesAll);
    f.setFontFamilies(font.families());
    f.setForeground(colour);
    return f;
}

QColor blend(const QColor &a, const QColor &b, qreal t)
{
    return QColor::fromRgbF(float(a.redF() * (1 - t) + b.redF() * t), float(a.greenF() * (1 - t) + b.greenF() * t),
                            float(a.blueF() * (1 - t) + b.blueF() * t));
}

qreal ideographWidth(const QFont &font)
{
    return QFontMetricsF(font).horizontalAdvance(QChar(0x4E2D)); // 中: one em of a CJK face
}

// A proportional line height that gives `ems` of pitch whatever the face's own line gap is
// (Noto CJK's natural line is already ~1.45 em).
qreal proportionalLineHeight(const QFont &font, qreal ems)
{
    const QFontMetricsF fm(font);
    return std::round(100.0 * ems * ideographWidth(font) / fm.height());
}

QString joinedPart(const QStringList &parts, int index, int *offset)
{
    // Offsets of part `index` within parts.join('\n'), in code points.
    int cp = 0;
    for (int i = 0; i < index; ++i)
        cp += TextFieldMap::codePointLength(parts.at(i)) + 1;
    *offset = cp;
    return parts.at(index);
}

} // namespace

ReaderView::ReaderView(QWidget *parent)
    : QTextEdit(parent)
{
    setReadOnly(true);
    setUndoRedoEnabled(false);
    // Mouse selection only: without a keyboard caret, QTextEdit makes the arrows, Space and
    // Page Up/Down scroll the page, as an e-reader does.
    setTextInteractionFlags(Qt::TextSelectableByMouse);
    setFrameShape(QFrame::NoFrame);
    setCursorWidth(0);
    setAcceptRichText(false);
    setFont(cjkFont(false, font().pointSizeF()));
    render();
}

QString ReaderView::fieldText(ReaderField field) const
{
    switch (field) {
    case ReaderField::Kicker:
        return m_article.kicker;
    case ReaderField::Title:
        return m_article.title;
    case ReaderField::Subtitle:
        return m_article.subtitle;
    case ReaderField::Byline:
        return m_article.bylineText();
    case ReaderField::Body:
        return m_article.paragraphs.join(QLatin1Char('\n'));
    case ReaderField::Caption:
        return m_article.captions.join(QLatin1Char('\n'));
    case ReaderField::Source:
        return m_article.source;
    }
    return {};
}

void ReaderView::showArticle(const ReaderArticle &article)
{
    m_article = article;
    m_hasArticle = true;
    m_message.clear();
    m_highlights.clear();
    render();
    verticalScrollBar()->setValue(0);
}

void ReaderView::setTags(const QList<ReaderTag> &tags)
{
    if (!m_hasArticle)
        return;
    QScrollBar *bar = verticalScrollBar();
    const int value = bar->value();
    m_article.tags = tags;
    render();
    bar->setValue(value);
}

QStringList ReaderView::shownTagNames() const
{
    QStringList names;
    for (QTextBlock block = document()->begin(); block.isValid(); block = block.next()) {
        for (auto it = block.begin(); !it.atEnd(); ++it) {
            const QTextCharFormat f = it.fragment().charFormat();
            if (f.isImageFormat() && f.hasProperty(TagNameProperty))
                names << f.property(TagNameProperty).toString();
        }
    }
    return names;
}

void ReaderView::showMessage(const QString &message)
{
    m_article = {};
    m_hasArticle = false;
    m_message = message;
    m_highlights.clear();
    render();
}

void ReaderView::setTextPointSize(qreal points)
{
    points = std::clamp(points, MinimumPointSize, MaximumPointSize);
    if (qFuzzyCompare(points, m_pointSize))
        return;
    // Keep the reader's place: the same fraction of the article stays at the top.
    QScrollBar *bar = verticalScrollBar();
    const qreal fraction = bar->maximum() > 0 ? qreal(bar->value()) / bar->maximum() : 0;
    m_pointSize = points;
    render();
    bar->setValue(int(std::round(fraction * bar->maximum())));
    Q_EMIT textPointSizeChanged(m_pointSize);
}

int ReaderView::columnWidth() const
{
    return int(std::ceil(ideographWidth(cjkFont(true, m_pointSize)) * ColumnCharacters));
}

void ReaderView::render()
{
    const qreal s = m_pointSize;
    const QColor text = palette().color(QPalette::Text);
    const QColor muted = blend(text, palette().color(QPalette::Base), 0.45);

    const QFont bodyFont = cjkFont(true, s);
    const QFont metaFont = cjkFont(false, s * 0.8);
    const QFont kickerFont = cjkFont(false, s * 1.05);
    const QFont titleFont = cjkFont(false, s * 1.65, QFont::Bold);
    const QFont displayTitleFont = cjkFont(false, s * 1.3, QFont::Normal);
    const QFont subtitleFont = cjkFont(false, s * 1.1);
    const QFont smallFont = cjkFont(false, s * 0.85);
    const qreal em = ideographWidth(bodyFont);

    QTextDocument *doc = document();
    doc->clear();
    doc->setDefaultFont(bodyFont);
    m_map.clear();

    QTextCursor c(doc);
    bool firstBlock = true;
    auto startBlock = [&](QTextBlockFormat bf, const QTextCharFormat &cf) {
        if (firstBlock) {
            c.setBlockFormat(bf);
            c.setBlockCharFormat(cf);
            firstBlock = false;
        } else {
            c.insertBlock(bf, cf);
        }
    };
    auto put = [&](ReaderField field, int fieldStart, const QString &s_, const QTextCharFormat &cf) {
        m_map.addSegment(field, fieldStart, c.position(), s_);
        c.insertText(s_, cf); // plain text: never interpreted as markup
    };
    auto headingBlock = [&](const QFont &f, qreal ems, qreal bottom) {
        QTextBlockFormat bf;
        bf.setLineHeight(proportionalLineHeight(f, ems), QTextBlockFormat::ProportionalHeight);
        bf.setBottomMargin(bottom * em);
        return bf;
    };

    if (!m_hasArticle) {
        QTextBlockFormat bf;
        bf.setAlignment(Qt::AlignHCenter);
        bf.setTopMargin(4 * em);
        const QTextCharFormat cf = charFormat(subtitleFont, muted);
        startBlock(bf, cf);
        // Line breaks within the one block, so the top margin is not repeated per line.
        c.insertText(QString(m_message).replace(QLatin1Char('\n'), QChar::LineSeparator), cf);
        updateColumnMargins();
        applyHighlights();
        return;
    }

    const ReaderArticle &a = m_article;
    QStringList meta;
    if (a.issueDate.isValid())
        meta << QLocale(QLocale::Chinese, QLocale::China).toString(a.issueDate, QStringLiteral("yyyy年M月d日"));
    if (!a.issueName.isEmpty())
        meta << a.issueName;
    if (!meta.isEmpty()) {
        const QTextCharFormat cf = charFormat(metaFont, muted);
        startBlock(headingBlock(metaFont, 1.5, 0.9), cf);
        c.insertText(meta.join(QStringLiteral(" · ")), cf);
    }
    if (!a.kicker.isEmpty()) {
        const QTextCharFormat cf = charFormat(kickerFont, text);
        startBlock(headingBlock(kickerFont, 1.5, 0.25), cf);
        put(ReaderField::Kicker, 0, a.kicker, cf);
    }
    if (!a.title.isEmpty()) {
        const QTextCharFormat cf = charFormat(titleFont, text);
        startBlock(headingBlock(titleFont, 1.35, 0.35), cf);
        put(ReaderField::Title, 0, a.title, cf);
    } else if (!a.displayTitle.isEmpty()) {
        // Not printed on the page: made from the first sentence, so it must not pass for a headline.
        QTextCharFormat cf = charFormat(displayTitleFont, muted);
        cf.setToolTip(tr("The page prints no title; this is the article's first sentence."));
        startBlock(headingBlock(displayTitleFont, 1.4, 0.35), cf);
        c.insertText(a.displayTitle, cf);
    }
    if (!a.subtitle.isEmpty()) {
        const QTextCharFormat cf = charFormat(subtitleFont, text);
        startBlock(headingBlock(subtitleFont, 1.5, 0.25), cf);
        put(ReaderField::Subtitle, 0, a.subtitle, cf);
    }
    const QString byline = a.bylineText();
    {
        // The byline block (or the tags' under it) also carries the space between the headings
        // and the body.
        const QTextCharFormat cf = charFormat(smallFont, muted);
        QTextBlockFormat bf = headingBlock(smallFont, 1.6, a.tags.isEmpty() ? 1.4 : 0.2);
        bf.setTopMargin(0.5 * em);
        startBlock(bf, cf);
        if (!byline.isEmpty())
            put(ReaderField::Byline, 0, byline, cf);
    }
    if (!a.tags.isEmpty()) {
        // Chips are images: a document cannot round a character's background. They belong to no
        // field, so selections and highlights never count them.
        const QTextCharFormat cf = charFormat(smallFont, muted);
        startBlock(headingBlock(smallFont, 1.8, 1.4), cf);
        const QFont chipFont = cjkFont(false, s * 0.75);
        const qreal ratio = devicePixelRatioF();
        for (qsizetype i = 0; i < a.tags.size(); ++i) {
            const ReaderTag &tag = a.tags.at(i);
            const QImage image = TagChip::image(tag.name, QColor(tag.color), chipFont, ratio);
            const QUrl url(QStringLiteral("baokan-tag:%1").arg(i));
            doc->addResource(QTextDocument::ImageResource, url, image);
            QTextImageFormat f;
            f.setName(url.toString());
            f.setWidth(image.width() / ratio);
            f.setHeight(image.height() / ratio);
            f.setVerticalAlignment(QTextCharFormat::AlignMiddle);
            f.setToolTip(tr("%1 — click for every article with this tag").arg(tag.name));
            f.setProperty(TagNameProperty, tag.name);
            // An anchor, so a click can be told from one on text (see tagAt).
            f.setAnchor(true);
            f.setAnchorHref(QStringLiteral("baokan-tag:%1").arg(i));
            c.insertImage(f);
            c.insertText(QStringLiteral(" "), cf);
        }
    }

    const QTextCharFormat bodyFormat = charFormat(bodyFont, text);
    QTextBlockFormat bodyBlock;
    bodyBlock.setAlignment(Qt::AlignJustify);
    bodyBlock.setTextIndent(2 * em); // two ideographs: the Chinese paragraph convention
    bodyBlock.setLineHeight(proportionalLineHeight(bodyFont, BodyLineSpacing), QTextBlockFormat::ProportionalHeight);
    bodyBlock.setBottomMargin(0.6 * em);
    for (int i = 0; i < a.paragraphs.size(); ++i) {
        int offset = 0;
        const QString paragraph = joinedPart(a.paragraphs, i, &offset);
        if (paragraph.isEmpty())
            continue;
        startBlock(bodyBlock, bodyFormat);
        put(ReaderField::Body, offset, paragraph, bodyFormat);
    }

    const QTextCharFormat smallFormat = charFormat(smallFont, muted);
    QTextBlockFormat captionBlock = headingBlock(smallFont, 1.6, 0.3);
    captionBlock.setTopMargin(0.4 * em);
    for (int i = 0; i < a.captions.size(); ++i) {
        int offset = 0;
        const QString caption = joinedPart(a.captions, i, &offset);
        if (caption.isEmpty())
            continue;
        startBlock(captionBlock, smallFormat);
        c.insertText(QStringLiteral("▲ "), smallFormat); // the paper's own caption mark
        put(ReaderField::Caption, offset, caption, smallFormat);
    }
    if (!a.source.isEmpty()) {
        QTextBlockFormat bf = headingBlock(smallFont, 1.6, 0);
        bf.setAlignment(Qt::AlignRight);
        bf.setTopMargin(0.8 * em);
        startBlock(bf, smallFormat);
        c.insertText(QStringLiteral("来源："), smallFormat); // labelled as the byline is, in Chinese
        put(ReaderField::Source, 0, a.source, smallFormat);
    }

    updateColumnMargins();
    applyHighlights();
    setTextCursor(QTextCursor(doc)); // caret at the top, not after the last line inserted
}

void ReaderView::updateColumnMargins()
{
    const qreal em = ideographWidth(cjkFont(true, m_pointSize));
    const qreal side = std::max(MinimumSideMargin * em, (viewport()->width() - columnWidth()) / 2.0);
    QTextFrame *root = document()->rootFrame();
    QTextFrameFormat ff = root->frameFormat();
    if (std::abs(ff.leftMargin() - side) < 0.5 && std::abs(ff.topMargin() - 2 * em) < 0.5)
        return; // unchanged: avoid a relayout that could resize us again
    ff.setLeftMargin(side);
    ff.setRightMargin(side);
    ff.setTopMargin(2 * em);
    ff.setBottomMargin(3 * em);
    root->setFrameFormat(ff);
}

void ReaderView::highlightRanges(Layer layer, const QList<Highlight> &highlights)
{
    m_highlights[layer] = highlights;
    applyHighlights();
}

void ReaderView::applyHighlights()
{
    QList<QTextEdit::ExtraSelection> selections;
    for (const auto &[layer, highlights] : m_highlights) {
        Q_UNUSED(layer)
        for (const Highlight &h : highlights) {
            for (const DocumentRange &span : m_map.toDocument(h.range)) {
                QTextCursor cursor(document());
                cursor.setPosition(span.start);
                cursor.setPosition(span.end, QTextCursor::KeepAnchor);
                selections.append({cursor, h.format});
            }
        }
    }
    setExtraSelections(selections);
}

std::optional<FieldRange> ReaderView::selectedRange() const
{
    const QTextCursor cursor = textCursor();
    if (!cursor.hasSelection())
        return std::nullopt;
    return m_map.fromDocument(cursor.selectionStart(), cursor.selectionEnd());
}

bool ReaderView::scrollToRange(const FieldRange &range)
{
    const QList<DocumentRange> spans = m_map.toDocument(range);
    if (spans.isEmpty())
        return false;
    QTextCursor cursor(document());
    cursor.setPosition(spans.first().start);
    const QRect rect = cursorRect(cursor);
    // A third of the way down, so the context before the match is visible too.
    QScrollBar *bar = verticalScrollBar();
    bar->setValue(bar->value() + rect.top() - viewport()->height() / 3);
    return true;
}

void ReaderView::resizeEvent(QResizeEvent *event)
{
    QTextEdit::resizeEvent(event);
    updateColumnMargins();
}

void ReaderView::changeEvent(QEvent *event)
{
    QTextEdit::changeEvent(event);
    if (event->type() == QEvent::PaletteChange)
        render(); // colours are derived from the palette at render time
}

QString ReaderView::tagAt(const QPoint &position) const
{
    const QString href = anchorAt(position);
    if (!href.startsWith(QLatin1String("baokan-tag:")))
        return {};
    bool ok = false;
    const int index = href.mid(11).toInt(&ok);
    return ok && index >= 0 && index < m_article.tags.size() ? m_article.tags.at(index).name : QString();
}

void ReaderView::mouseMoveEvent(QMouseEvent *event)
{
    QTextEdit::mouseMoveEvent(event);
    if (event->buttons() == Qt::NoButton)
        viewport()->setCursor(tagAt(event->pos()).isEmpty() ? Qt::IBeamCursor : Qt::PointingHandCursor);
}

void ReaderView::mouseReleaseEvent(QMouseEvent *event)
{
    QTextEdit::mouseReleaseEvent(event);
    if (event->button() != Qt::LeftButton || textCursor().hasSelection())
        return;
    const QString tag = tagAt(event->pos());
    if (!tag.isEmpty())
        Q_EMIT tagClicked(tag);
}

void ReaderView::wheelEvent(QWheelEvent *event)
{
    if (event->modifiers() & Qt::ControlModifier) {
        const int steps = event->angleDelta().y() / 120;
        if (steps != 0)
            setTextPointSize(m_pointSize + steps);
        event->accept();
        return;
    }
    QTextEdit::wheelEvent(event);
}

} // namespace baokan::ui
