// Indexation: how an amount of a strategy's contracts grows year by year. The one rule the
// billing, the kernel's ceiling gate and the reported budget use all apply, so that the day
// a ceiling stops admissions and the bill that reaches it agree to the cent.
#pragma once

#include "finance/money_rounding.hpp"

#include <careflow/finance.hpp>

#include <cmath>
#include <cstddef>

namespace careflow::finance {

/// (1 + rate)^year, compounding from the window's first year (year 0), in extended precision.
[[nodiscard]] inline long double index_factor(double rate_per_year, std::size_t year) noexcept {
    return std::pow(1.0L + static_cast<long double>(rate_per_year),
                    static_cast<long double>(year));
}

/// `amount` x `factor`, rounded once to whole cents (never a rounded amount indexed again).
[[nodiscard]] inline Cents indexed(Cents amount, long double factor) noexcept {
    return round_cents(static_cast<long double>(amount) * factor);
}

/// `amount` in window year `year` under `strategy`'s indexation, in whole cents.
[[nodiscard]] inline Cents indexed(Cents amount, const Strategy& strategy,
                                   std::size_t year) noexcept {
    return indexed(amount, index_factor(strategy.indexation_per_year, year));
}

}  // namespace careflow::finance
