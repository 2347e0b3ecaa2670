// BillingCalendar: cuts the measured window into whole billing days, months and years.
#include "finance/billing_calendar.hpp"

#include <algorithm>
#include <cmath>

namespace careflow::finance {
namespace {

// Window times are sums of doubles: a month that starts at 31.000000000001 still owns day 31.
constexpr double day_tolerance = 1e-9;

std::int64_t whole_days_until(double offset) {
    return static_cast<std::int64_t>(std::ceil(offset - day_tolerance));
}

/// 365 or 366: the length of calendar year `year`.
std::int64_t calendar_year_days(int year) {
    return days_since_epoch(Date{year + 1, 1, 1}) - days_since_epoch(Date{year, 1, 1});
}

}  // namespace

BillingCalendar::BillingCalendar(const Model& model)
    : window_start_(model.run.warmup_days),
      days_(std::max<std::int64_t>(0, whole_days_until(model.run.horizon_days))) {
    const Calendar& calendar = model.calendar;
    for (std::size_t m = 0; m < calendar.months(); ++m) {
        const std::int64_t first =
            std::clamp<std::int64_t>(whole_days_until(calendar.month_start_days[m] - window_start_),
                                     0, days_);
        const std::size_t year = calendar.month_year[m];
        month_first_day_.push_back(first);
        month_year_.push_back(year);
        if (year == year_first_day_.size()) year_first_day_.push_back(first);
    }
    for (std::size_t y = 0; y < years(); ++y) {
        full_year_days_.push_back(full_length(model.calendar, y));
    }
    // A day's month is looked up for every piece of every stay: a table, not a search.
    month_by_day_.reserve(static_cast<std::size_t>(days_));
    for (std::int64_t day = 0; day < days_; ++day) {
        const auto after = std::upper_bound(month_first_day_.begin(), month_first_day_.end(), day);
        month_by_day_.push_back(static_cast<std::uint16_t>(
            std::max<std::ptrdiff_t>(0, after - month_first_day_.begin() - 1)));
    }
}

/// With dates, the calendar year's length. Without, the plain years are 365.25 days long
/// from the window's start: year y nominally spans days [ceil(365.25 y), ceil(365.25 (y+1))).
/// A year the window holds whole counts its own days; a cut one counts as 365.
std::int64_t BillingCalendar::full_length(const Calendar& calendar, std::size_t year) const {
    if (calendar.start) return calendar_year_days(calendar.start->year + static_cast<int>(year));
    const std::int64_t nominal_end =
        whole_days_until(days_per_year * static_cast<double>(year + 1));
    const bool whole = months_in_year(year) == 12 && nominal_end <= days_;
    return whole ? year_days(year) : 365;
}

std::size_t BillingCalendar::months_in_year(std::size_t year) const noexcept {
    return static_cast<std::size_t>(std::count(month_year_.begin(), month_year_.end(), year));
}

std::int64_t BillingCalendar::day_of(double t) const noexcept {
    return static_cast<std::int64_t>(std::floor(t - window_start_));
}

std::int64_t BillingCalendar::month_first_day(std::size_t month) const noexcept {
    return month < months() ? month_first_day_[month] : days_;
}

std::int64_t BillingCalendar::month_days(std::size_t month) const noexcept {
    return month_first_day(month + 1) - month_first_day(month);
}

// The last month whose first day is not after `day`; a month left empty by clamping shares its
// first day with the next one and is skipped.
std::size_t BillingCalendar::month_of_day(std::int64_t day) const noexcept {
    if (day >= 0 && day < days_) return month_by_day_[static_cast<std::size_t>(day)];
    const auto after = std::upper_bound(month_first_day_.begin(), month_first_day_.end(), day);
    const std::ptrdiff_t month = after - month_first_day_.begin() - 1;
    return static_cast<std::size_t>(std::max<std::ptrdiff_t>(0, month));
}

std::size_t BillingCalendar::year_of_month(std::size_t month) const noexcept {
    return month_year_[month];
}

std::size_t BillingCalendar::year_of_day(std::int64_t day) const noexcept {
    return year_of_month(month_of_day(day));
}

std::int64_t BillingCalendar::year_first_day(std::size_t year) const noexcept {
    return year < years() ? year_first_day_[year] : days_;
}

std::int64_t BillingCalendar::year_days(std::size_t year) const noexcept {
    return year_first_day(year + 1) - year_first_day(year);
}

std::int64_t BillingCalendar::full_year_days(std::size_t year) const noexcept {
    return full_year_days_[year];
}

}  // namespace careflow::finance
