// Formatting of CSV fields: deterministic numbers and RFC 4180 quoting, shared by the writers.
#pragma once

#include <fmt/format.h>

#include <cmath>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace careflow::output {

/// Integral values below this magnitude are written as plain integers.
inline constexpr double plain_integer_limit = 1e15;

/// A number as text: integral values below 1e15 as integers (`12`), others as fmt's shortest
/// round-trip form; NaN and infinities as an empty field.
[[nodiscard]] inline std::string format_number(double value) {
    if (!std::isfinite(value)) return {};
    if (std::trunc(value) == value && std::fabs(value) < plain_integer_limit) {
        // Also maps -0.0 to "0", so equal values always print alike.
        return fmt::format("{}", static_cast<std::int64_t>(value));
    }
    return fmt::format("{}", value);
}

/// As format_number; std::nullopt is an empty field.
[[nodiscard]] inline std::string format_number(const std::optional<double>& value) {
    return value ? format_number(*value) : std::string{};
}

/// A text field, wrapped in double quotes (inner quotes doubled) only if it holds a comma,
/// a quote, CR or LF, as RFC 4180 requires.
[[nodiscard]] inline std::string format_text(std::string_view text) {
    if (text.find_first_of(",\"\r\n") == std::string_view::npos) return std::string(text);
    std::string quoted = "\"";
    for (const char c : text) {
        if (c == '"') quoted.push_back('"');
        quoted.push_back(c);
    }
    quoted.push_back('"');
    return quoted;
}

}  // namespace careflow::output
