// --target-ci on the terminal: where the targets stand, and counts that read at a glance.
#include "target_text.hpp"

#include <fmt/format.h>
#include <fmt/ranges.h>

#include <cmath>
#include <cstddef>

namespace careflow::cli {
namespace {

/// Three significant digits, never an exponent for large amounts (euros).
std::string format_width(double width) {
    if (std::abs(width) >= 100.0) return fmt::format("{:.0f}", width);
    return fmt::format("{:.3g}", width);
}

}  // namespace

std::string describe(const std::vector<TargetStatus>& statuses) {
    std::vector<std::string> parts;
    for (const TargetStatus& s : statuses) {
        const std::string width = s.half_width ? format_width(*s.half_width) : "n/a";
        parts.push_back(fmt::format("{} ± {} {} {}", s.target.name, width, s.met ? "≤" : ">",
                                    s.target.half_width));
    }
    return fmt::format("{}", fmt::join(parts, ", "));
}

std::string with_thousands(std::uint32_t n) {
    std::string digits = std::to_string(n);
    for (auto at = static_cast<std::ptrdiff_t>(digits.size()) - 3; at > 0; at -= 3) {
        digits.insert(static_cast<std::size_t>(at), ",");
    }
    return digits;
}

}  // namespace careflow::cli
