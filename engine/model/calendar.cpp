// Civil-date arithmetic (Howard Hinnant's days_from_civil) and the window's months and years.
#include <careflow/calendar.hpp>

#include <algorithm>
#include <charconv>
#include <cmath>

namespace careflow {
namespace {


bool is_leap(int year) { return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0; }

int days_in_month(int year, int month) {
    constexpr int lengths[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    return month == 2 && is_leap(year) ? 29 : lengths[month - 1];
}

std::optional<int> parse_field(std::string_view text) {
    int value = 0;
    const auto [ptr, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
    if (ec != std::errc{} || ptr != text.data() + text.size()) return std::nullopt;
    return value;
}

std::string two_digits(int value) { return (value < 10 ? "0" : "") + std::to_string(value); }

/// Months of a calendar window: the start, then every first of the month after it.
void add_calendar_months(Calendar& c, const Date& start, double window_start) {
    const std::int64_t start_epoch = days_since_epoch(start);
    Date month = start;
    double at = window_start;
    while (at < c.end_days) {
        const std::string year = std::to_string(month.year);
        if (c.year_labels.empty() || c.year_labels.back() != year) c.year_labels.push_back(year);
        c.month_start_days.push_back(at);
        c.month_year.push_back(static_cast<std::uint32_t>(c.year_labels.size() - 1));
        c.month_labels.push_back(year + "-" + two_digits(month.month));
        month = add_months(Date{month.year, month.month, 1}, 1);
        at = window_start + static_cast<double>(days_since_epoch(month) - start_epoch);
    }
}

/// Months of a window without dates: twelve equal months to a 365.25-day year.
void add_plain_months(Calendar& c, double window_start) {
    for (int m = 0;; ++m) {
        const double at = window_start + m * days_per_year / 12.0;
        if (at >= c.end_days) break;
        const int year = m / 12 + 1;
        if (m % 12 == 0) c.year_labels.push_back("year " + std::to_string(year));
        c.month_start_days.push_back(at);
        c.month_year.push_back(static_cast<std::uint32_t>(year - 1));
        c.month_labels.push_back("year " + std::to_string(year) + " month " +
                                 two_digits(m % 12 + 1));
    }
}

}  // namespace

std::optional<Date> parse_date(std::string_view text) {
    if (text.size() != 10 || text[4] != '-' || text[7] != '-') return std::nullopt;
    const auto year = parse_field(text.substr(0, 4));
    const auto month = parse_field(text.substr(5, 2));
    const auto day = parse_field(text.substr(8, 2));
    if (!year || !month || !day || *month < 1 || *month > 12 || *day < 1) return std::nullopt;
    if (*day > days_in_month(*year, *month)) return std::nullopt;
    return Date{*year, *month, *day};
}

std::int64_t days_since_epoch(const Date& date) {
    const std::int64_t y = date.year - (date.month <= 2 ? 1 : 0);
    const std::int64_t era = (y >= 0 ? y : y - 399) / 400;
    const std::int64_t year_of_era = y - era * 400;
    const std::int64_t shifted_month = date.month > 2 ? date.month - 3 : date.month + 9;
    const std::int64_t day_of_year = (153 * shifted_month + 2) / 5 + date.day - 1;
    const std::int64_t day_of_era =
        year_of_era * 365 + year_of_era / 4 - year_of_era / 100 + day_of_year;
    return era * 146097 + day_of_era - 719468;
}

Date add_months(const Date& date, int months) {
    const int index = date.year * 12 + (date.month - 1) + months;
    Date out{index / 12, index % 12 + 1, date.day};
    out.day = std::min(out.day, days_in_month(out.year, out.month));
    return out;
}

int month_of_year(const Calendar& calendar, double window_start_days, double days) {
    const double offset = days - window_start_days;
    if (!calendar.start) {
        const double in_year = offset - days_per_year * std::floor(offset / days_per_year);
        return std::min(11, static_cast<int>(in_year / (days_per_year / 12.0)));
    }
    // Hinnant's civil_from_days, for the month only.
    const std::int64_t z = days_since_epoch(*calendar.start) +
                           static_cast<std::int64_t>(std::floor(offset)) + 719468;
    const std::int64_t era = (z >= 0 ? z : z - 146096) / 146097;
    const std::int64_t day_of_era = z - era * 146097;
    const std::int64_t year_of_era =
        (day_of_era - day_of_era / 1460 + day_of_era / 36524 - day_of_era / 146096) / 365;
    const std::int64_t day_of_year = day_of_era - (365 * year_of_era + year_of_era / 4 -
                                                   year_of_era / 100);
    const std::int64_t shifted_month = (5 * day_of_year + 2) / 153;
    return static_cast<int>(shifted_month < 10 ? shifted_month + 2 : shifted_month - 10);
}

Calendar make_calendar(std::optional<Date> start, double window_start_days, double horizon_days) {
    Calendar c;
    c.start = start;
    c.end_days = window_start_days + horizon_days;
    if (start) {
        add_calendar_months(c, *start, window_start_days);
    } else {
        add_plain_months(c, window_start_days);
    }
    return c;
}

}  // namespace careflow
