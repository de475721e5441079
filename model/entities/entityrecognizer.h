// SPDX-License-Identifier: MIT
#pragma once

#include "entities/mention.h"

#include <QList>
#include <QString>
#include <QStringView>

namespace baokan::entities {

class Lexicon;

// Finds people, places, organizations, dates, documents and posts in Chinese text: a
// jieba-style segmentation over the compiled-in lexicon, with person-name candidates scored by
// surname and given-name statistics, then rules for suffix-built places and organizations,
// date patterns, 《》 titles and posts. The single instance is read-only and may be used from
// any thread at once.
class EntityRecognizer
{
public:
    // The shared recognizer; the lexicon is loaded on the first call.
    static const EntityRecognizer &instance();

    // Mentions sorted by start, offsets in code points of text. Mentions do not overlap, except
    // that a DOC contains the mentions inside its title.
    QList<Mention> recognize(const QString &text) const;
    // The same with offsets in QString's UTF-16 units, for callers that slice the QString.
    QList<Mention> recognizeUtf16(QStringView text) const;

    const Lexicon &lexicon() const { return m_lexicon; }

    // Bump whenever a rule, a word list or the lexicon's conversion changes what is recognized,
    // so archives recognized before know their entities are stale.
    static constexpr int kRulesVersion = 2;
    // The version stored with an article's mentions: the rules' version and the size of the
    // lexicon, so a different jieba dictionary counts as a change too. Loads the lexicon.
    static QString version();

private:
    EntityRecognizer();

    const Lexicon &m_lexicon;
};

} // namespace baokan::entities
