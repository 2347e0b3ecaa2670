// Human units in scenarios: numbers, durations such as "90 days" or "1.5 years", and money.
#pragma once

#include <careflow/calendar.hpp>
#include <careflow/finance.hpp>

#include <cstdint>
#include <optional>
#include <string_view>

namespace careflow::scenario {

/// A rate "per year" (or a growth "per week") as the model keeps it: per day. The readers and
/// their typed setters convert with these, so a value set after load is the value read.
[[nodiscard]] constexpr double per_day_from_per_year(double v) noexcept { return v / days_per_year; }
[[nodiscard]] constexpr double per_day_from_per_week(double v) noexcept { return v / days_per_week; }

/// The whole text as a finite decimal number ("12", "0.35", "1e3"), or nullopt.
[[nodiscard]] std::optional<double> parse_number(std::string_view text);

/// The whole text as a whole number ("12", "-4"), or nullopt.
[[nodiscard]] std::optional<std::int64_t> parse_integer(std::string_view text);

/// Decimal euros with at most two decimals ("280", "-12.5", "280.50") as whole cents, exactly
/// (no floating point). Nullopt for anything else: three decimals, exponents, a currency sign,
/// thousands separators, or more than fits in Cents.
[[nodiscard]] std::optional<Cents> parse_cents(std::string_view text);

/// "<number> <unit>" with unit day(s), week(s), month(s) or year(s), converted to days.
/// A month is 1/12 of a year of 365.25 days. Nullopt when the text is not of that form.
[[nodiscard]] std::optional<double> parse_duration_days(std::string_view text);

/// Whole calendar months in "<whole number> year(s)|month(s)" ("5 years" is 60), else nullopt.
/// With a start date such a duration ends on the same day of a later month, not after a
/// multiple of 365.25 days.
[[nodiscard]] std::optional<int> parse_calendar_months(std::string_view text);

/// The units accepted by parse_duration_days, for hints.
inline constexpr std::string_view duration_units_hint =
    "write a number and a unit: days, weeks, months or years, e.g. '90 days' or '1.5 years'";

}  // namespace careflow::scenario
