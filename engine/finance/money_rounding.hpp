// Money rounding: the few places where a cent amount is divided or scaled, done the same way
// everywhere so that a ledger is exact and reproducible.
#pragma once

#include <careflow/finance.hpp>

#include <cmath>
#include <cstdint>

namespace careflow::finance {

// 128-bit products: a price x thousandths of a unit x days, or a cut x a cell amount, can pass
// 2^63 for large budgets. __extension__ keeps -Wpedantic quiet about the GNU type.
__extension__ using WideCents = __int128;

/// round(num / den) with halves rounded up, for num >= 0 and den > 0, in exact integers.
[[nodiscard]] constexpr Cents divide_half_up(WideCents num, WideCents den) noexcept {
    constexpr WideCents narrow = WideCents{1} << 62;
    if (num < narrow && den < narrow) {  // the usual case: 64-bit division is far cheaper
        const auto n = static_cast<std::int64_t>(num);
        const auto d = static_cast<std::int64_t>(den);
        return 2 * (n % d) >= d ? n / d + 1 : n / d;
    }
    const WideCents quotient = num / den;
    const WideCents remainder = num % den;
    return static_cast<Cents>(2 * remainder >= den ? quotient + 1 : quotient);
}

/// A real-valued cent amount rounded to whole cents, halves away from zero. The value comes
/// from a floating-point product (indexation, a share), so it may miss an exact half by a
/// rounding error: anything within a ten-millionth of a cent of a half counts as the half.
/// That keeps 78.50 x 1.00 from becoming 78.4999... on one platform and 78.5000... on another.
[[nodiscard]] inline Cents round_cents(long double value) noexcept {
    constexpr long double half_tolerance = 1e-7L;
    const long double floor_value = std::floor(value);
    if (std::fabs(value - (floor_value + 0.5L)) < half_tolerance) {
        return static_cast<Cents>(value >= 0 ? floor_value + 1 : floor_value);
    }
    return static_cast<Cents>(std::llround(value));
}

}  // namespace careflow::finance
