// SPDX-License-Identifier: MIT
#pragma once

#include "entities/mention.h"

#include <QList>
#include <QString>

namespace baokan::entities {

// Links people to the posts and organizations the text gives them: `农牧厅党组书记、厅长冯志刚`
// → 冯志刚 holds 党组书记 and 厅长 at 农牧厅. Works on the recognizer's mentions; stateless, any thread.
class PostLinker
{
public:
    // mentions as EntityRecognizer::recognize returns them for text (code points).
    static QList<PersonPost> link(const QString &text, const QList<Mention> &mentions);
};

} // namespace baokan::entities
