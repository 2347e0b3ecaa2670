// LevelPath: the tariff level a stay is billed at on each of its days, and the month pieces
// that a stay is priced by.
#pragma once

#include "finance/billing_calendar.hpp"

#include <careflow/finance.hpp>

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <limits>
#include <vector>

namespace careflow::finance {

/// The level on care day d is base + the `by` of every level change with after_days <=
/// d - admitted, clamped to [0, levels - 1]. The clamp applies to the sum, not step by step.
class LevelPath {
public:
    LevelPath(std::int64_t admitted, int base, const std::vector<LevelChange>& changes,
              std::size_t levels) noexcept
        : admitted_(admitted), base_(base), changes_(changes), top_(static_cast<int>(levels) - 1) {}

    [[nodiscard]] std::size_t level_at(std::int64_t day) const noexcept {
        const auto since = static_cast<double>(day - admitted_);
        int level = base_;
        for (const LevelChange& change : changes_) {
            if (change.after_days <= since) level += change.by;
        }
        return static_cast<std::size_t>(std::clamp(level, 0, std::max(top_, 0)));
    }

    /// The first day after `day` on which some change takes effect, or the largest int64.
    [[nodiscard]] std::int64_t next_change_after(std::int64_t day) const noexcept {
        const auto since = static_cast<double>(day - admitted_);
        for (const LevelChange& change : changes_) {  // sorted by after_days
            if (change.after_days > since) {
                if (change.after_days >= max_offset_days) break;
                return admitted_ + static_cast<std::int64_t>(std::ceil(change.after_days));
            }
        }
        return std::numeric_limits<std::int64_t>::max();
    }

private:
    // Changes later than this never fall inside a run (and would overflow the day count).
    static constexpr double max_offset_days = 1e15;

    std::int64_t admitted_;
    int base_;
    const std::vector<LevelChange>& changes_;
    int top_;
};

/// A maximal run of care days in one calendar month at one level.
struct Piece {
    std::size_t month = 0;
    std::size_t year = 0;
    std::size_t level = 0;
    std::int64_t first_day = 0;
    std::int64_t days = 0;
};

/// Calls visit(piece) for the pieces of the days [first, last), in day order. A change that
/// leaves the (clamped) level as it was does not cut a piece.
template <typename Visit>
void for_each_piece(const BillingCalendar& calendar, const LevelPath& path, std::int64_t first,
                    std::int64_t last, Visit&& visit) {
    std::int64_t day = first;
    while (day < last) {
        const std::size_t month = calendar.month_of_day(day);
        const std::size_t level = path.level_at(day);
        std::int64_t end = std::min(last, calendar.month_first_day(month + 1));
        for (std::int64_t at = path.next_change_after(day); at < end;
             at = path.next_change_after(at)) {
            if (path.level_at(at) != level) end = at;
        }
        visit(Piece{month, calendar.year_of_month(month), level, day, end - day});
        day = end;
    }
}

}  // namespace careflow::finance
