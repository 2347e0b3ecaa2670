// Spelling: how far apart two names are, for every "did you mean" careflow prints.
#pragma once

#include <algorithm>
#include <cstddef>
#include <string_view>

namespace careflow {

/// Edit distance (insertions, deletions, substitutions) between `a` and `b`.
[[nodiscard]] std::size_t edit_distance(std::string_view a, std::string_view b);

/// The largest edit distance at which a name is still plausibly a typo of `wanted`: two edits,
/// or a third of its length for long names.
[[nodiscard]] inline std::size_t typo_limit(std::string_view wanted) noexcept {
    return std::max<std::size_t>(2, wanted.size() / 3);
}

}  // namespace careflow
