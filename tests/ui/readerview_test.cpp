// SPDX-License-Identifier: MIT
#include "readerview.h"

#include <catch2/catch.hpp>

#include <QFontInfo>
#include <QScrollBar>
#include <QTest>
#include <QTextBlock>
#include <QTextCursor>
#include <QTextDocument>
#include <QTextFrame>

using namespace baokan::ui;

namespace {

ReaderArticle sampleArticle()
{
    ReaderArticle a;
    a.key = QStringLiteral("k1");
    a.kicker = QStringLiteral("引题在上");
    a.title = QStringLiteral("法治宣传进社区");
    a.subtitle = QStringLiteral("——副题在下");
    a.dateline = QStringLiteral("包头");
    a.reporters = {QStringLiteral("张三")};
    a.correspondents = {QStringLiteral("李四")};
    a.paragraphs = {QStringLiteral("第一段𠀀正文。"), QStringLiteral("第二段正文。")};
    a.captions = {QStringLiteral("活动现场。")};
    a.source = QStringLiteral("某某局");
    return a;
}

QTextBlock blockContaining(const QTextDocument *doc, const QString &text)
{
    for (QTextBlock b = doc->begin(); b.isValid(); b = b.next()) {
        if (b.text().contains(text))
            return b;
    }
    return {};
}

} // namespace

TEST_CASE("the reader shows every part of an article", "[ui][reader]")
{
    ReaderView reader;
    reader.showArticle(sampleArticle());
    const QString shown = reader.document()->toPlainText();
    for (const QString &part :
         {QStringLiteral("引题在上"), QStringLiteral("法治宣传进社区"), QStringLiteral("——副题在下"),
          QStringLiteral("张三"), QStringLiteral("李四"), QStringLiteral("包头"), QStringLiteral("第一段𠀀正文。"),
          QStringLiteral("第二段正文。"), QStringLiteral("活动现场。"), QStringLiteral("某某局")})
        CHECK(shown.contains(part));
}

TEST_CASE("markup in article text is shown literally, not interpreted", "[ui][reader]")
{
    ReaderArticle a = sampleArticle();
    a.title = QStringLiteral("<i>标题</i> &lt;");
    a.paragraphs = {QStringLiteral("正文<b>x</b>与&amp;号<br>不换行")};
    ReaderView reader;
    reader.showArticle(a);
    QTextDocument *doc = reader.document();
    const QTextBlock body = blockContaining(doc, QStringLiteral("正文"));
    REQUIRE(body.isValid());
    CHECK(body.text() == QStringLiteral("正文<b>x</b>与&amp;号<br>不换行"));
    CHECK(blockContaining(doc, QStringLiteral("<i>标题</i> &lt;")).isValid());
    // Nothing in the body became bold: the tags are characters.
    QTextCursor c(doc);
    c.setPosition(body.position() + 6);
    CHECK(c.charFormat().fontWeight() < QFont::Bold);
}

TEST_CASE("body paragraphs are indented two characters and set in a Chinese serif face", "[ui][reader]")
{
    ReaderView reader;
    reader.showArticle(sampleArticle());
    const QTextBlock body = blockContaining(reader.document(), QStringLiteral("第二段正文"));
    REQUIRE(body.isValid());
    QTextCursor c(body);
    c.movePosition(QTextCursor::NextCharacter);
    const QFont font = c.charFormat().font();
    CHECK(font.families().value(0) == QStringLiteral("Noto Serif CJK SC"));
    const QFontInfo info(font);
    CHECK_FALSE(info.family().contains(QStringLiteral(" JP"))); // never the Japanese glyph forms
    const qreal em = QFontMetricsF(font).horizontalAdvance(QChar(0x4E2D));
    CHECK(body.blockFormat().textIndent() == Approx(2 * em).margin(0.5));
    CHECK(body.blockFormat().lineHeight() > 100); // more than the face's single spacing
}

TEST_CASE("on a wide window the text column stays a readable width and is centred", "[ui][reader]")
{
    ReaderView reader;
    reader.resize(1800, 800);
    reader.show();
    reader.showArticle(sampleArticle());
    const QTextFrameFormat ff = reader.document()->rootFrame()->frameFormat();
    const qreal textWidth = reader.viewport()->width() - ff.leftMargin() - ff.rightMargin();
    CHECK(textWidth <= reader.columnWidth() + 1);
    CHECK(ff.leftMargin() == Approx(ff.rightMargin()));
    const qreal em = QFontMetricsF(QFont(QStringLiteral("Noto Serif CJK SC"), int(reader.textPointSize())))
                         .horizontalAdvance(QChar(0x4E2D));
    CHECK(textWidth / em <= 42);
    CHECK(textWidth / em >= 34);
}

TEST_CASE("changing the text size keeps the article and clamps to sensible sizes", "[ui][reader]")
{
    ReaderView reader;
    reader.showArticle(sampleArticle());
    const qreal before = reader.textPointSize();
    reader.enlargeText();
    CHECK(reader.textPointSize() == Approx(before + 1));
    CHECK(reader.document()->toPlainText().contains(QStringLiteral("第二段正文")));
    reader.setTextPointSize(1000);
    CHECK(reader.textPointSize() == Approx(ReaderView::MaximumPointSize));
}

TEST_CASE("a selection in the body is reported in code points of the body field", "[ui][reader]")
{
    ReaderView reader;
    reader.showArticle(sampleArticle());
    // Body field: "第一段𠀀正文。\n第二段正文。"; 正文 of the first paragraph is code points 4..6.
    const QTextBlock first = blockContaining(reader.document(), QStringLiteral("第一段"));
    QTextCursor c(first);
    c.setPosition(first.position() + 5); // after 第一段 and the surrogate pair
    c.setPosition(first.position() + 7, QTextCursor::KeepAnchor);
    REQUIRE(c.selectedText() == QStringLiteral("正文"));
    reader.setTextCursor(c);
    const auto range = reader.selectedRange();
    REQUIRE(range.has_value());
    CHECK(range->field == ReaderField::Body);
    CHECK(range->start == 4);
    CHECK(range->end == 6);
    CHECK(reader.fieldText(ReaderField::Body).toUcs4().mid(4, 2) == QStringLiteral("正文").toUcs4());
}

TEST_CASE("highlights given in field offsets cover exactly those characters and survive a size change", "[ui][reader]")
{
    ReaderView reader;
    reader.showArticle(sampleArticle());
    QTextCharFormat mark;
    mark.setBackground(Qt::yellow);
    // 第二段 in the body field: after "第一段𠀀正文。\n" = 8 code points.
    reader.highlightRanges(ReaderView::Layer::SearchMatches, {{{ReaderField::Body, 8, 11}, mark}});
    reader.highlightRanges(ReaderView::Layer::Entities, {{{ReaderField::Byline, 0, 2}, mark}});
    auto texts = [&] {
        QStringList out;
        for (const QTextEdit::ExtraSelection &s : reader.extraSelections())
            out << s.cursor.selectedText();
        return out;
    };
    CHECK(texts() == QStringList{QStringLiteral("包头"), QStringLiteral("第二段")});
    reader.enlargeText();
    CHECK(texts() == QStringList{QStringLiteral("包头"), QStringLiteral("第二段")});
    reader.clearHighlights(ReaderView::Layer::Entities);
    CHECK(texts() == QStringList{QStringLiteral("第二段")});
}

TEST_CASE("reader colours follow the palette, so dark themes stay readable", "[ui][reader]")
{
    ReaderView reader;
    QPalette dark;
    dark.setColor(QPalette::Base, QColor(20, 20, 20));
    dark.setColor(QPalette::Text, QColor(230, 230, 230));
    reader.setPalette(dark);
    reader.showArticle(sampleArticle());
    const QTextBlock body = blockContaining(reader.document(), QStringLiteral("第二段正文"));
    QTextCursor c(body);
    c.movePosition(QTextCursor::NextCharacter);
    CHECK(c.charFormat().foreground().color() == QColor(230, 230, 230));
    const QTextBlock byline = blockContaining(reader.document(), QStringLiteral("张三"));
    QTextCursor b(byline);
    b.movePosition(QTextCursor::NextCharacter);
    const QColor muted = b.charFormat().foreground().color();
    CHECK(muted.lightness() > 80); // muted, yet far from the dark background
    CHECK(muted.lightness() < 230);
}

TEST_CASE("the keyboard scrolls a long article: arrows, Page Down and Space", "[ui][reader]")
{
    ReaderArticle a = sampleArticle();
    a.paragraphs.clear();
    for (int i = 0; i < 80; ++i)
        a.paragraphs << QStringLiteral("这是一段很长的正文，用来让文章超过一屏。").repeated(4);
    ReaderView reader;
    reader.resize(700, 500);
    reader.show();
    reader.showArticle(a);
    reader.setFocus();
    QScrollBar *bar = reader.verticalScrollBar();
    REQUIRE(bar->maximum() > 0);
    REQUIRE(bar->value() == 0);
    QTest::keyClick(&reader, Qt::Key_Down);
    const int afterDown = bar->value();
    CHECK(afterDown > 0);
    QTest::keyClick(&reader, Qt::Key_Space);
    const int afterSpace = bar->value();
    CHECK(afterSpace > afterDown + reader.viewport()->height() / 2);
    QTest::keyClick(&reader, Qt::Key_Space, Qt::ShiftModifier);
    CHECK(bar->value() < afterSpace);
    QTest::keyClick(&reader, Qt::Key_PageDown);
    CHECK(bar->value() > afterDown);
}
