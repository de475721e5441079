// SPDX-License-Identifier: MIT
#pragma once

#include "entities/token.h"

#include <vector>

namespace baokan::entities {

class Sentence;

// Documents are what stands in 《》, nested 〈〉 and 《》 kept inside; a title never runs past the
// end of a line. Works on one Sentence.
class DocumentScanner
{
public:
    explicit DocumentScanner(const Sentence &text);
    void scan(std::vector<Span> &spans) const;

private:
    const Sentence &m_text;
};

} // namespace baokan::entities
