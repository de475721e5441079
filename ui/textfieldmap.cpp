// SPDX-License-Identifier: MIT
#include "textfieldmap.h"

#include <algorithm>

namespace baokan::ui {

namespace {

struct FieldName
{
    ReaderField field;
    QLatin1String name;
};

constexpr FieldName fieldNames[] = {
    {ReaderField::Kicker, QLatin1String("kicker")},     {ReaderField::Title, QLatin1String("title")},
    {ReaderField::Subtitle, QLatin1String("subtitle")}, {ReaderField::Byline, QLatin1String("byline")},
    {ReaderField::Body, QLatin1String("body")},         {ReaderField::Caption, QLatin1String("caption")},
    {ReaderField::Source, QLatin1String("source")},
};

} // namespace

QString readerFieldName(ReaderField field)
{
    for (const FieldName &f : fieldNames)
        if (f.field == field)
            return f.name;
    return {};
}

std::optional<ReaderField> readerFieldFromName(const QString &name)
{
    for (const FieldName &f : fieldNames)
        if (name == f.name)
            return f.field;
    return std::nullopt;
}

int TextFieldMap::utf16Offset(const QString &text, int codePoint)
{
    int cp = 0;
    int i = 0;
    while (i < text.size() && cp < codePoint) {
        i += (text.at(i).isHighSurrogate() && i + 1 < text.size() && text.at(i + 1).isLowSurrogate()) ? 2 : 1;
        ++cp;
    }
    return i;
}

int TextFieldMap::codePointOffset(const QString &text, int utf16)
{
    const int limit = std::clamp(utf16, 0, int(text.size()));
    int cp = 0;
    int i = 0;
    while (i < limit) {
        i += (text.at(i).isHighSurrogate() && i + 1 < text.size() && text.at(i + 1).isLowSurrogate()) ? 2 : 1;
        ++cp;
    }
    return cp;
}

void TextFieldMap::addSegment(ReaderField field, int fieldStart, int documentPosition, const QString &text)
{
    m_segments.append(Segment{field, fieldStart, fieldStart + codePointLength(text), documentPosition,
                              documentPosition + int(text.size()), text});
}

QList<DocumentRange> TextFieldMap::toDocument(const FieldRange &range) const
{
    QList<DocumentRange> spans;
    if (range.end <= range.start)
        return spans;
    for (const Segment &s : m_segments) {
        if (s.field != range.field || range.end <= s.fieldStart || range.start >= s.fieldEnd)
            continue;
        const int from = std::max(range.start, s.fieldStart) - s.fieldStart;
        const int to = std::min(range.end, s.fieldEnd) - s.fieldStart;
        const DocumentRange span{s.docStart + utf16Offset(s.text, from), s.docStart + utf16Offset(s.text, to)};
        if (span.end > span.start)
            spans.append(span);
    }
    return spans;
}

std::optional<FieldRange> TextFieldMap::fromDocument(int start, int end) const
{
    if (end <= start)
        return std::nullopt;
    std::optional<FieldRange> result;
    for (const Segment &s : m_segments) {
        if (s.docEnd <= start || s.docStart >= end)
            continue;
        if (result && s.field != result->field)
            break; // a selection running into the next field is clipped to the first one
        const int to = s.fieldStart + codePointOffset(s.text, std::min(end, s.docEnd) - s.docStart);
        if (!result) {
            const int from = s.fieldStart + codePointOffset(s.text, std::max(start, s.docStart) - s.docStart);
            result = FieldRange{s.field, from, to};
        } else {
            result->end = to;
        }
    }
    if (result && result->end <= result->start)
        return std::nullopt;
    return result;
}

} // namespace baokan::ui
