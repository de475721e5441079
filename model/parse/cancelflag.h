// SPDX-License-Identifier: MIT
#pragma once

#include <atomic>

namespace baokan::parse {

// A parse of a 50 MB page takes seconds to minutes, so a Cancel button or a closing window must
// be able to stop it: each pass checks the flag (set from any thread) between lines, blocks and
// articles, and returns early with a partial result that its caller drops.
inline bool isCancelled(const std::atomic_bool *flag)
{
    return flag && flag->load(std::memory_order_relaxed);
}

} // namespace baokan::parse
