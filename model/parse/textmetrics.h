// SPDX-License-Identifier: MIT
#pragma once

#include <QSet>
#include <QString>
#include <QStringList>

namespace baokan::parse {

// Measures the parser shares: printed width, punctuation, phrases and character bigrams. Pure;
// usable from any thread.
class TextMetrics
{
public:
    // Printed width in full-width cells: a CJK character is 1, an ASCII character 1/2.
    static double width(const QString &text);

    // True when the text has punctuation only sentences have (，。；！？), unlike a headline.
    static bool hasSentencePunctuation(const QString &text);

    // Splits a headline line at the spaces between CJK characters, where extraction glued
    // separate phrases (or separate headlines) onto one line.
    static QStringList phrases(const QString &line);

    // A pair of adjacent Han characters, packed as (first << 32 | second).
    using Bigram = quint64;

    // The distinct pairs of adjacent Han characters: a cheap, dictionary-free picture of what a
    // text is about, good enough to tell which body a headline belongs to.
    static QSet<Bigram> hanBigrams(const QString &text);
};

} // namespace baokan::parse
