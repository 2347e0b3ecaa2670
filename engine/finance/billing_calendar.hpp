// BillingCalendar: the measured window as whole billing days, grouped in months and years.
#pragma once

#include <careflow/model.hpp>

#include <cstdint>
#include <vector>

namespace careflow::finance {

/// Day k of the window is [window start + k, window start + k + 1) in simulation days. A
/// month or year owns the days that begin inside it. Days before the window are negative.
class BillingCalendar {
public:
    explicit BillingCalendar(const Model& model);

    /// The billing day holding simulation time `t`: floor(t - window start).
    [[nodiscard]] std::int64_t day_of(double t) const noexcept;
    /// Days in the window.
    [[nodiscard]] std::int64_t days() const noexcept { return days_; }
    [[nodiscard]] std::size_t months() const noexcept { return month_first_day_.size(); }
    [[nodiscard]] std::size_t years() const noexcept { return year_first_day_.size(); }
    /// First day of a month; month_first_day(months()) is days().
    [[nodiscard]] std::int64_t month_first_day(std::size_t month) const noexcept;
    [[nodiscard]] std::int64_t month_days(std::size_t month) const noexcept;
    [[nodiscard]] std::size_t month_of_day(std::int64_t day) const noexcept;  ///< 0 <= day < days
    [[nodiscard]] std::size_t year_of_month(std::size_t month) const noexcept;
    [[nodiscard]] std::size_t year_of_day(std::int64_t day) const noexcept;  ///< 0 <= day < days
    /// First day of a year; year_first_day(years()) is days().
    [[nodiscard]] std::int64_t year_first_day(std::size_t year) const noexcept;
    [[nodiscard]] std::int64_t year_days(std::size_t year) const noexcept;  ///< in the window
    /// Months of the window in `year`.
    [[nodiscard]] std::size_t months_in_year(std::size_t year) const noexcept;
    /// Days the year would have if the window held all of it (365 or 366 with a start date;
    /// without one, year_days for years wholly inside the window and 365 otherwise).
    [[nodiscard]] std::int64_t full_year_days(std::size_t year) const noexcept;

private:
    [[nodiscard]] std::int64_t full_length(const Calendar& calendar, std::size_t year) const;

    double window_start_ = 0.0;
    std::int64_t days_ = 0;
    std::vector<std::int64_t> month_first_day_{};
    std::vector<std::size_t> month_year_{};
    std::vector<std::int64_t> year_first_day_{};
    std::vector<std::int64_t> full_year_days_{};
    std::vector<std::uint16_t> month_by_day_{};  ///< month of each day of the window
};

}  // namespace careflow::finance
