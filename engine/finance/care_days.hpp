// CareDays: which billing days a stay is in care, under a contract's day-count rule.
#pragma once

#include "finance/billing_calendar.hpp"

#include <careflow/finance.hpp>

#include <algorithm>
#include <cstdint>

namespace careflow::finance {

/// A stay's care days [admitted, end) in billing days, and the part [first, last) inside the
/// window (empty when first >= last).
struct CareDays {
    std::int64_t admitted = 0;  ///< billing day of admission; negative in the warm-up
    std::int64_t end = 0;       ///< one past the last care day
    std::int64_t first = 0;
    std::int64_t last = 0;
};

/// first_not_last: [a, e), at least day a; both: [a, e]; an open stay: [a, days) either way.
[[nodiscard]] inline CareDays care_days(const BillingCalendar& calendar, double admitted_at,
                                        double left_at, bool open, DayCount rule) noexcept {
    CareDays d;
    d.admitted = calendar.day_of(admitted_at);
    const std::int64_t left = calendar.day_of(left_at);
    if (open) {
        d.end = std::max(calendar.days(), d.admitted + 1);
    } else if (rule == DayCount::both) {
        d.end = left + 1;
    } else {
        d.end = std::max(left, d.admitted + 1);
    }
    d.first = std::max<std::int64_t>(d.admitted, 0);
    d.last = std::min(d.end, calendar.days());
    return d;
}

}  // namespace careflow::finance
