// Numbers as text that reads back exactly: for CSV fields and for values written as scenario
// text (a sweep's points).
#pragma once

#include <fmt/format.h>

#include <cmath>
#include <cstdint>
#include <string>

namespace careflow {

/// Integral values below this magnitude are written as plain integers.
inline constexpr double plain_integer_limit = 1e15;

/// A number as text: integral values below 1e15 as integers (`12`), others as fmt's shortest
/// round-trip form; NaN and infinities as an empty string.
[[nodiscard]] inline std::string number_text(double value) {
    if (!std::isfinite(value)) return {};
    if (std::trunc(value) == value && std::fabs(value) < plain_integer_limit) {
        // Also maps -0.0 to "0", so equal values always print alike.
        return fmt::format("{}", static_cast<std::int64_t>(value));
    }
    return fmt::format("{}", value);
}

}  // namespace careflow
