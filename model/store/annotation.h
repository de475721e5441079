// SPDX-License-Identifier: MIT
#pragma once

#include <QDateTime>
#include <QList>
#include <QString>

#include <optional>

// The user's annotations as plain values, one struct per row of the user-data tables (tag,
// article_tag, note, correction, user_lexicon). They carry every stored column so an edit can
// put a row back exactly.
namespace baokan::store {

struct Tag
{
    qint64 id = 0;
    QString name;  // as the user spelled it (NFKC, single spaces)
    QString color; // #rrggbb
    QString created;
    int articleCount = 0; // filled by listings only; not a column

    bool operator==(const Tag &o) const
    {
        return id == o.id && name == o.name && color == o.color && created == o.created;
    }
    bool operator!=(const Tag &o) const { return !(*this == o); }
};

struct ArticleTag
{
    QString articleKey;
    qint64 tagId = 0;
    QString created;

    bool operator==(const ArticleTag &o) const
    {
        return articleKey == o.articleKey && tagId == o.tagId && created == o.created;
    }
    bool operator!=(const ArticleTag &o) const { return !(*this == o); }
};

enum class NoteKind { ArticleNote, Highlight };
enum class AnchorState { Ok, Review };

inline QString noteKindName(NoteKind kind)
{
    return kind == NoteKind::Highlight ? QStringLiteral("highlight") : QStringLiteral("article-note");
}

inline std::optional<NoteKind> noteKindFromName(const QString &name)
{
    if (name == QLatin1String("highlight"))
        return NoteKind::Highlight;
    if (name == QLatin1String("article-note"))
        return NoteKind::ArticleNote;
    return std::nullopt;
}

inline QString anchorStateName(AnchorState state)
{
    return state == AnchorState::Review ? QStringLiteral("review") : QStringLiteral("ok");
}

// An article note or a highlighted passage. start/end are code-point offsets into the field
// (end exclusive), -1 when the row has none (article notes).
struct Note
{
    qint64 id = 0;
    QString articleKey;
    NoteKind kind = NoteKind::ArticleNote;
    QString field = QStringLiteral("body");
    QString quote;
    QString prefix;
    QString suffix;
    qint64 start = -1;
    qint64 end = -1;
    QString note;
    QString color;
    AnchorState anchor = AnchorState::Ok;
    QString created;
    QString modified;

    bool operator==(const Note &o) const
    {
        return id == o.id && articleKey == o.articleKey && kind == o.kind && field == o.field && quote == o.quote &&
               prefix == o.prefix && suffix == o.suffix && start == o.start && end == o.end && note == o.note &&
               color == o.color && anchor == o.anchor && created == o.created && modified == o.modified;
    }
    bool operator!=(const Note &o) const { return !(*this == o); }
};

// A user's correction of the recognizer (see the correction table). start/end are -1 when NULL.
struct Correction
{
    qint64 id = 0;
    QString scope;
    QString articleKey;
    QString field;
    qint64 start = -1;
    qint64 end = -1;
    QString text;
    QString prefix;
    QString suffix;
    QString type; // null: "not an entity"
    QString created;

    // The same correction, whenever it was made.
    bool sameAs(const Correction &o) const
    {
        return scope == o.scope && articleKey == o.articleKey && field == o.field && start == o.start && end == o.end &&
               text == o.text && type == o.type;
    }
    bool operator==(const Correction &o) const
    {
        return id == o.id && sameAs(o) && prefix == o.prefix && suffix == o.suffix && created == o.created;
    }
    bool operator!=(const Correction &o) const { return !(*this == o); }
};

// An entry of the user lexicon: "always a person" (type PER), "never an entity" (type null).
struct LexiconEntry
{
    QString text;
    QString type;
    QString created;

    bool operator==(const LexiconEntry &o) const { return text == o.text && type == o.type && created == o.created; }
    bool operator!=(const LexiconEntry &o) const { return !(*this == o); }
};

// A state of the rows one edit touches: what they were before it, or after it.
struct RowSet
{
    QList<Tag> tags;
    QList<ArticleTag> articleTags;
    QList<Note> notes;
    QList<Correction> corrections;
    QList<LexiconEntry> lexicon;

    bool isEmpty() const
    {
        return tags.isEmpty() && articleTags.isEmpty() && notes.isEmpty() && corrections.isEmpty() && lexicon.isEmpty();
    }
};

// Times are stored as ISO 8601 UTC with milliseconds, so they sort as text.
inline QString nowIso()
{
    return QDateTime::currentDateTimeUtc().toString(Qt::ISODateWithMs);
}

} // namespace baokan::store
