// SPDX-License-Identifier: MIT
#pragma once

#include <QList>
#include <QString>

#include <optional>

namespace baokan::ui {

// The parts of an article the reader shows, named as the archive names them.
enum class ReaderField { Kicker, Title, Subtitle, Byline, Body, Caption, Source };

// The archive's name of a field ("kicker", "body", …: the field of a stored mention), and back.
QString readerFieldName(ReaderField field);
std::optional<ReaderField> readerFieldFromName(const QString &name);

// A span of one field in Unicode code points, end exclusive. Body offsets count the paragraphs
// joined by '\n', caption offsets the captions joined by '\n': the same text the archive stores.
struct FieldRange
{
    ReaderField field = ReaderField::Body;
    int start = 0;
    int end = 0;

    bool operator==(const FieldRange &o) const { return field == o.field && start == o.start && end == o.end; }
};

// A span of QTextDocument positions (UTF-16 units, one per block separator), end exclusive.
struct DocumentRange
{
    int start = 0;
    int end = 0;
};

// Where each field's text sits in the reader's document. This is the one place where code-point
// offsets (what the archive stores) become UTF-16 document positions and back (STYLE.md rule 14),
// so entity highlights, passage highlights and search marks all land on the same characters.
// A plain value; GUI thread in practice.
class TextFieldMap
{
public:
    void clear() { m_segments.clear(); }

    // Records that `text`, which starts at code point `fieldStart` of `field`, was inserted into
    // the document at position `documentPosition` with no characters added or dropped.
    void addSegment(ReaderField field, int fieldStart, int documentPosition, const QString &text);

    // The document spans showing `range`: one per segment it touches (a body range may cross
    // paragraphs). Empty when the field is not shown or the range lies outside it.
    QList<DocumentRange> toDocument(const FieldRange &range) const;

    // The field range shown at document positions [start, end): clipped to the field in which
    // the span begins. Nothing when the span covers no field text (a label, an empty selection).
    std::optional<FieldRange> fromDocument(int start, int end) const;

    // Code point index → UTF-16 index in `text`, and back; clamped to the text.
    static int utf16Offset(const QString &text, int codePoint);
    static int codePointOffset(const QString &text, int utf16);
    static int codePointLength(const QString &text) { return codePointOffset(text, text.size()); }

private:
    struct Segment
    {
        ReaderField field;
        int fieldStart; // code points
        int fieldEnd;
        int docStart; // document positions
        int docEnd;
        QString text;
    };
    QList<Segment> m_segments; // in document order
};

} // namespace baokan::ui
