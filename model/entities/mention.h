// SPDX-License-Identifier: MIT
#pragma once

#include <QList>
#include <QString>

#include <optional>

namespace baokan::entities {

enum class EntityType { Person, Location, Organization, Date, Document, Post };

// The short names used on the command line, in JSON and in the database: PER LOC ORG DATE DOC POS.
QString entityTypeName(EntityType type);
std::optional<EntityType> entityTypeFromName(const QString &name);

// One recognized mention. Offsets are Unicode code points into the recognized text, end exclusive.
struct Mention
{
    int start = 0;
    int end = 0;
    EntityType type = EntityType::Person;

    friend bool operator==(const Mention &a, const Mention &b)
    {
        return a.start == b.start && a.end == b.end && a.type == b.type;
    }
};

// A person the text names together with a post they hold, and the organization of that post
// when the text names one (`农牧厅党组书记、厅长冯志刚` gives two: 党组书记 and 厅长, both at 农牧厅).
struct PersonPost
{
    QString person;
    QString post;
    QString organization; // empty when the text names none
};

} // namespace baokan::entities
