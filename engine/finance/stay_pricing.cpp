// CostBook's per-stay billing: care days cut into month pieces at one tariff level, priced by
// the contract's scheme. Nothing here allocates: the tables were built in the constructor.
#include "finance/care_days.hpp"
#include "finance/cost_book.hpp"
#include "finance/level_path.hpp"
#include "finance/money_rounding.hpp"

#include <algorithm>
#include <cassert>
#include <cmath>
#include <limits>

namespace careflow::finance {
namespace {

/// Days between arrangement starts: ceil(max_days), or 0 when an arrangement is never renewed.
std::int64_t renewal_days(const Contract& c) noexcept {
    constexpr double never_renewed_days = 1e15;  // also keeps the day count from overflowing
    if (!c.max_days || !(*c.max_days > 0.0) || *c.max_days >= never_renewed_days) return 0;
    return static_cast<std::int64_t>(std::ceil(*c.max_days));
}

}  // namespace

void CostBook::bill(const Terms& t, const Stay& stay, bool upcoded) {
    const Contract& c = *t.contract_terms;
    const DayCount rule = c.scheme == Scheme::day_price ? c.day_count : DayCount::first_not_last;
    const CareDays days = care_days(calendar_, stay.admitted_at, stay.left_at, stay.open, rule);
    const LevelPath path(days.admitted, stay.severity + (upcoded ? 1 : 0), c.level_changes,
                         prices_.levels(t.slot, t.contract));
    count_care_days(t, days);
    switch (c.scheme) {
        case Scheme::per_unit:
        case Scheme::day_price:
        case Scheme::monthly: bill_by_months(t, stay, days, path); break;
        case Scheme::trajectory: bill_trajectory(t, stay, days, path); break;
        case Scheme::lump_sum: break;  // the budget is booked at close()
    }
}

/// One claim per calendar month with care; the month's amount is the sum of its pieces.
void CostBook::bill_by_months(const Terms& t, const Stay& stay, const CareDays& days,
                              const LevelPath& path) {
    std::size_t last_month = std::numeric_limits<std::size_t>::max();
    for_each_piece(calendar_, path, days.first, days.last, [&](const Piece& piece) {
        const bool month_started = piece.month != last_month;
        last_month = piece.month;
        book_care(t, stay, piece.year, piece_amount(t, piece, month_started));
        if (month_started) book_claims(t, stay, piece.year, 1);
    });
}

Cents CostBook::piece_amount(const Terms& t, const Piece& piece,
                             bool month_started) const noexcept {
    const Cents price = prices_.price(t.slot, t.contract, piece.year, piece.level);
    switch (t.contract_terms->scheme) {
        case Scheme::per_unit: {
            // price x (units per week / 1000) x days / 7, rounded half up once per piece.
            constexpr WideCents milli_week_days = 7 * 1000;
            const std::int64_t units =
                prices_.units_per_week_milli(t.slot, t.contract, piece.level);
            return divide_half_up(WideCents{price} * units * piece.days, milli_week_days);
        }
        case Scheme::day_price: return price * piece.days;
        case Scheme::monthly:
            if (t.contract_terms->pro_rata) {
                return divide_half_up(WideCents{price} * piece.days,
                                      calendar_.month_days(piece.month));
            }
            return month_started ? price : 0;  // the level of the month's first care day
        case Scheme::trajectory:
        case Scheme::lump_sum: return 0;
    }
    return 0;
}

/// Arrangements start on the admission day and every renewal_days after it while the stay is
/// in care; those starting inside the window are billed, at that day's level and year.
void CostBook::bill_trajectory(const Terms& t, const Stay& stay, const CareDays& days,
                               const LevelPath& path) {
    const std::int64_t period = renewal_days(*t.contract_terms);
    std::int64_t start = days.admitted;
    if (start < 0) {
        if (period == 0) return;  // its one arrangement began in the warm-up
        start += (-start + period - 1) / period * period;  // the first start on or after day 0
    }
    for (; start < days.end && start < calendar_.days(); start += period) {
        const std::size_t year = calendar_.year_of_day(start);
        book_care(t, stay, year, prices_.price(t.slot, t.contract, year, path.level_at(start)));
        book_claims(t, stay, year, 1);
        ++ledger_.contract_year(t.slot, t.contract, year).arrangements;
        if (period == 0 || days.end - start <= period) break;
    }
}

void CostBook::count_care_days(const Terms& t, const CareDays& days) {
    for (std::int64_t day = days.first; day < days.last;) {
        const std::size_t year = calendar_.year_of_day(day);
        const std::int64_t end = std::min(days.last, calendar_.year_first_day(year + 1));
        ledger_.contract_year(t.slot, t.contract, year).care_days += end - day;
        day = end;
    }
}

void CostBook::book_care(const Terms& t, const Stay& stay, std::size_t year, Cents amount) {
    ledger_.at(t.slot, year, stay.state, stay.provider, stay.municipality, Component::care) +=
        amount;
    ledger_.contract_year(t.slot, t.contract, year).full_price += amount;
}

void CostBook::book_claims(const Terms& t, const Stay& stay, std::size_t year,
                           std::int64_t claims) {
    ledger_.at(t.slot, year, stay.state, stay.provider, stay.municipality, Component::admin) +=
        claims * prices_.amounts(t.slot, t.contract, year).admin_per_claim;
    ledger_.contract_year(t.slot, t.contract, year).claims += claims;
}

/// Waiting days [joined, left) inside the window, year by year; a wait that begins and ends
/// on the same day costs nothing. Each year's days are priced once, rounded half up.
void CostBook::price_wait(const Stay& wait) {
    assert(!closed_ && "CostBook::price_wait after close()");
    const std::int64_t first = std::max<std::int64_t>(calendar_.day_of(wait.admitted_at), 0);
    const std::int64_t last = std::min(calendar_.day_of(wait.left_at), calendar_.days());
    for (std::size_t slot = 0; slot < priced_.size(); ++slot) {
        const std::optional<Terms> t = terms_for(slot, wait.state, wait.provider);
        if (!t || t->contract_terms->waiting_price == 0) continue;
        for (std::int64_t day = first; day < last;) {
            const std::size_t year = calendar_.year_of_day(day);
            const std::int64_t end = std::min(last, calendar_.year_first_day(year + 1));
            book_waiting(*t, wait, year, end - day);
            day = end;
        }
    }
}

void CostBook::book_waiting(const Terms& t, const Stay& wait, std::size_t year,
                            std::int64_t days) {
    const Cents price = prices_.amounts(t.slot, t.contract, year).waiting_price;
    const Cents amount =
        divide_half_up(WideCents{price} * days, t.contract_terms->waiting_unit_days);
    ledger_.at(t.slot, year, wait.state, wait.provider, wait.municipality,
               Component::waiting) += amount;
    ledger_.waiting_cost(t.slot, year, wait.state) += amount;
}

}  // namespace careflow::finance
