// SPDX-License-Identifier: MIT
#include "entities/entityrecognizer.h"

#include "entities/codepoints.h"
#include "entities/datescanner.h"
#include "entities/documentscanner.h"
#include "entities/lexicon.h"
#include "entities/orgheads.h"
#include "entities/personnames.h"
#include "entities/placeorgbuilder.h"
#include "entities/postscanner.h"
#include "entities/recognizerrules.h"
#include "entities/segmenter.h"
#include "entities/sentence.h"
#include "entities/tokenclassifier.h"

#include <QLoggingCategory>

#include <algorithm>

namespace baokan::entities {

Q_LOGGING_CATEGORY(lcRecognizer, "baokan.entities.recognizer", QtWarningMsg)

namespace {

void resolveOverlaps(std::vector<Span> &spans, int length)
{
    // 党委书记 is one post, though 党委 alone is an organization.
    spans.erase(std::remove_if(spans.begin(), spans.end(),
                               [&](const Span &o) {
                                   return o.type == EntityType::Organization &&
                                          std::any_of(spans.begin(), spans.end(), [&](const Span &p) {
                                              return p.type == EntityType::Post && p.start <= o.start &&
                                                     o.end <= p.end && o.end < p.end;
                                          });
                               }),
                spans.end());
    auto rank = [](EntityType t) {
        switch (t) {
        case EntityType::Date:
            return 0;
        case EntityType::Organization:
            return 1;
        case EntityType::Person:
            return 2;
        case EntityType::Location:
            return 3;
        case EntityType::Post:
            return 4;
        case EntityType::Document:
            return 5;
        }
        return 6;
    };
    std::stable_sort(spans.begin(), spans.end(), [&](const Span &a, const Span &b) {
        if (rank(a.type) != rank(b.type))
            return rank(a.type) < rank(b.type);
        return a.start < b.start;
    });
    std::vector<bool> used(size_t(length), false);
    std::vector<Span> kept;
    kept.reserve(spans.size());
    for (const Span &s : spans) {
        bool free = true;
        for (int i = s.start; i < s.end && free; ++i)
            free = !used[size_t(i)];
        if (!free)
            continue;
        for (int i = s.start; i < s.end; ++i)
            used[size_t(i)] = true;
        kept.push_back(s);
    }
    spans.swap(kept);
}

} // namespace

const EntityRecognizer &EntityRecognizer::instance()
{
    static const EntityRecognizer recognizer;
    return recognizer;
}

EntityRecognizer::EntityRecognizer()
    : m_lexicon(Lexicon::instance())
{
    RecognizerRules::get();
}

QString EntityRecognizer::version()
{
    return QStringLiteral("%1.%2").arg(kRulesVersion).arg(instance().lexicon().wordCount());
}

QList<Mention> EntityRecognizer::recognizeUtf16(QStringView input) const
{
    if (input.isEmpty())
        return {};
    const Sentence text(input);
    const RecognizerRules &rules = RecognizerRules::get();
    const PersonNames names(text, m_lexicon, rules);
    const OrgHeads heads(text, rules);
    std::vector<Span> spans;
    if (lcRecognizer().isDebugEnabled())
        qCDebug(lcRecognizer) << "---";
    DateScanner(text, rules).scan(spans);
    std::vector<Token> tokens = Segmenter(text, m_lexicon, rules, names).segment();
    const TokenClassifier classifier(text, m_lexicon, rules, names, heads);
    classifier.reshape(tokens);
    std::vector<std::optional<EntityType>> types(tokens.size());
    for (size_t k = 0; k < tokens.size(); ++k)
        types[k] = classifier.tokenType(tokens[k]);
    PlaceOrgBuilder(text, m_lexicon, rules, names, heads).build(tokens, types, spans);
    PostScanner(text, rules, tokens).scan(spans);
    resolveOverlaps(spans, text.size());
    names.addListedNames(spans);
    DocumentScanner(text).scan(spans);
    std::sort(spans.begin(), spans.end(),
              [](const Span &a, const Span &b) { return a.start != b.start ? a.start < b.start : a.end > b.end; });
    QList<Mention> out;
    out.reserve(qsizetype(spans.size()));
    for (const Span &s : spans)
        out.append(Mention{text.origin(s.start), text.origin(s.end - 1) + 1, s.type});
    return out;
}

QList<Mention> EntityRecognizer::recognize(const QString &text) const
{
    QList<Mention> mentions = recognizeUtf16(text);
    const CodePoints cp(text);
    if (cp.length() != text.size()) {
        for (Mention &m : mentions) {
            m.start = cp.fromUtf16(m.start);
            m.end = cp.fromUtf16(m.end);
        }
    }
    return mentions;
}

} // namespace baokan::entities
