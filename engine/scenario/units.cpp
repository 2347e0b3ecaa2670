// Parsing numbers, durations with units and money; strict, so "12x" or "5 yaers" is an error.
#include "scenario/units.hpp"

#include <array>
#include <charconv>
#include <cmath>
#include <limits>
#include <utility>

namespace careflow::scenario {
namespace {

std::string_view trim(std::string_view text) {
    while (!text.empty() && (text.front() == ' ' || text.front() == '\t')) text.remove_prefix(1);
    while (!text.empty() && (text.back() == ' ' || text.back() == '\t')) text.remove_suffix(1);
    return text;
}

std::optional<double> days_per_unit(std::string_view unit) {
    static constexpr std::array<std::pair<std::string_view, double>, 8> units{{
        {"day", 1.0},
        {"days", 1.0},
        {"week", days_per_week},
        {"weeks", days_per_week},
        {"month", days_per_month},
        {"months", days_per_month},
        {"year", days_per_year},
        {"years", days_per_year},
    }};
    for (const auto& [name, days] : units) {
        if (name == unit) return days;
    }
    return std::nullopt;
}

}  // namespace

std::optional<double> parse_number(std::string_view text) {
    text = trim(text);
    if (!text.empty() && text.front() == '+') text.remove_prefix(1);
    double value = 0.0;
    const auto* end = text.data() + text.size();
    const auto [ptr, ec] = std::from_chars(text.data(), end, value);
    if (text.empty() || ec != std::errc{} || ptr != end || !std::isfinite(value)) {
        return std::nullopt;
    }
    return value;
}

std::optional<std::int64_t> parse_integer(std::string_view text) {
    text = trim(text);
    if (!text.empty() && text.front() == '+') text.remove_prefix(1);
    std::int64_t value = 0;
    const auto* end = text.data() + text.size();
    const auto [ptr, ec] = std::from_chars(text.data(), end, value);
    if (text.empty() || ec != std::errc{} || ptr != end) return std::nullopt;
    return value;
}

std::optional<Cents> parse_cents(std::string_view text) {
    text = trim(text);
    const bool negative = !text.empty() && text.front() == '-';
    if (!text.empty() && (text.front() == '+' || negative)) text.remove_prefix(1);
    const auto point = text.find('.');
    const std::string_view whole = text.substr(0, point);
    const std::string_view fraction =
        point == std::string_view::npos ? std::string_view{} : text.substr(point + 1);
    const auto all_digits = [](std::string_view digits) {
        return digits.find_first_not_of("0123456789") == std::string_view::npos;
    };
    const bool fraction_ok = point == std::string_view::npos ||
                             (!fraction.empty() && fraction.size() <= 2 && all_digits(fraction));
    if (whole.empty() || !all_digits(whole) || !fraction_ok) return std::nullopt;
    Cents euros = 0;
    const auto [ptr, ec] = std::from_chars(whole.data(), whole.data() + whole.size(), euros);
    if (ec != std::errc{} || euros > std::numeric_limits<Cents>::max() / 100 - 1) {
        return std::nullopt;
    }
    Cents cents = 0;
    for (std::size_t i = 0; i < 2; ++i) {
        cents = cents * 10 + (i < fraction.size() ? fraction[i] - '0' : 0);
    }
    const Cents amount = euros * 100 + cents;
    return negative ? -amount : amount;
}

std::optional<int> parse_calendar_months(std::string_view text) {
    text = trim(text);
    const auto space = text.find_first_of(" \t");
    if (space == std::string_view::npos) return std::nullopt;
    const auto amount = parse_integer(text.substr(0, space));
    const auto unit = trim(text.substr(space));
    if (!amount || *amount < 0 || *amount > 12'000) return std::nullopt;
    if (unit == "year" || unit == "years") return static_cast<int>(*amount * 12);
    if (unit == "month" || unit == "months") return static_cast<int>(*amount);
    return std::nullopt;
}

std::optional<double> parse_duration_days(std::string_view text) {
    text = trim(text);
    const auto space = text.find_first_of(" \t");
    if (space == std::string_view::npos) return std::nullopt;
    const auto amount = parse_number(text.substr(0, space));
    const auto per_unit = days_per_unit(trim(text.substr(space)));
    if (!amount || !per_unit) return std::nullopt;
    return *amount * *per_unit;
}

}  // namespace careflow::scenario
