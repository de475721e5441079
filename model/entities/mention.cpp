// SPDX-License-Identifier: MIT
#include "entities/mention.h"

namespace baokan::entities {

namespace {

struct TypeName
{
    EntityType type;
    QLatin1String name;
};

const TypeName kTypeNames[] = {
    {EntityType::Person, QLatin1String("PER")},       {EntityType::Location, QLatin1String("LOC")},
    {EntityType::Organization, QLatin1String("ORG")}, {EntityType::Date, QLatin1String("DATE")},
    {EntityType::Document, QLatin1String("DOC")},     {EntityType::Post, QLatin1String("POS")},
};

} // namespace

QString entityTypeName(EntityType type)
{
    for (const TypeName &t : kTypeNames) {
        if (t.type == type)
            return t.name;
    }
    return {};
}

std::optional<EntityType> entityTypeFromName(const QString &name)
{
    for (const TypeName &t : kTypeNames) {
        if (name == t.name)
            return t.type;
    }
    return std::nullopt;
}

} // namespace baokan::entities
