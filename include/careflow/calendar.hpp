// Calendar: dates, and the years and months of a run's measured window in simulation days.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace careflow {

/// The model's year: rates "per year", trends and plain (undated) years use the Julian year,
/// so that four years are 1,461 days whatever the leap years.
inline constexpr double days_per_year = 365.25;
inline constexpr double days_per_month = days_per_year / 12.0;
inline constexpr double days_per_week = 7.0;

/// A proleptic Gregorian date.
struct Date {
    int year = 1970;
    int month = 1;  ///< 1..12
    int day = 1;    ///< 1..31

    friend bool operator==(const Date&, const Date&) = default;
};

/// "2019-01-01" (ISO 8601), or nullopt if the text is not a valid date.
[[nodiscard]] std::optional<Date> parse_date(std::string_view text);

/// Days since 1970-01-01 (negative before).
[[nodiscard]] std::int64_t days_since_epoch(const Date& date);

/// The date `months` calendar months after `date` (day clamped to the month's length).
[[nodiscard]] Date add_months(const Date& date, int months);

/// The reporting periods of the measured window, as simulation days (time 0 is the start of
/// the warm-up). Without a start date, years are 365.25 days and months a twelfth of that,
/// labelled "year 1", "year 1 month 01", ...
struct Calendar {
    std::optional<Date> start;                ///< calendar date of the window's start
    std::vector<double> month_start_days;     ///< start of each month in the window, ascending
    std::vector<std::uint32_t> month_year;    ///< year index of each month
    std::vector<std::string> month_labels;    ///< "2019-01"
    std::vector<std::string> year_labels;     ///< "2019"
    double end_days = 0.0;                    ///< the window's end

    [[nodiscard]] std::size_t years() const noexcept { return year_labels.size(); }
    [[nodiscard]] std::size_t months() const noexcept { return month_labels.size(); }
};

/// The month of the year (0 = January) at simulation day `days`; without a start date, a
/// twelfth of a 365.25-day year counted from the window's start.
[[nodiscard]] int month_of_year(const Calendar& calendar, double window_start_days, double days);

/// Months and years from `window_start_days` for `horizon_days`, from `start` if given.
[[nodiscard]] Calendar make_calendar(std::optional<Date> start, double window_start_days,
                                     double horizon_days);

}  // namespace careflow
