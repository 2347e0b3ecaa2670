// Formatting of CSV fields: deterministic numbers and RFC 4180 quoting, shared by the writers.
#pragma once

#include "model/number_text.hpp"

#include <fmt/format.h>

#include <cmath>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace careflow::output {

/// A number as a field: see number_text (NaN and infinities are empty fields).
[[nodiscard]] inline std::string format_number(double value) { return number_text(value); }

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
