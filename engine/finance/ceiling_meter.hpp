// CeilingMeter: what a provider has earned so far this year under a contract whose ceiling
// stops admissions, for the kernel's admission gate. The kernel owns one per such provider,
// as it owns the cost book; the tariffs and the ceiling are indexed as the bill indexes them.
#pragma once

#include <careflow/finance.hpp>

#include <cstddef>

namespace careflow::finance {

class CeilingMeter {
public:
    /// `contract` (with a ceiling) and `strategy`, its governing strategy, outlive the meter.
    CeilingMeter(const Contract& contract, const Strategy& strategy) noexcept
        : contract_(&contract), strategy_(&strategy) {}

    /// A new year of the window (or its start): nothing earned yet; this year's tariffs.
    void start_year(std::size_t year) noexcept;
    /// True while the earnings accrued by `now` stay below the year's ceiling.
    [[nodiscard]] bool below_ceiling(double now) const noexcept;
    /// A stay at tariff level `level` starts earning at `now`; a trajectory fee is earned
    /// whole at admission.
    void admit(std::size_t level, double now) noexcept;
    /// A stay admitted before this year began goes on earning from `now`: how care under
    /// way enters a new year.
    void resume(std::size_t level, double now) noexcept;
    /// A stay that has earned since `since` ends at `now`.
    void release(std::size_t level, double since, double now) noexcept;

private:
    /// The tariff per care day at `level` this year, in cents (0 for a trajectory fee).
    [[nodiscard]] double daily_tariff(std::size_t level) const noexcept;
    [[nodiscard]] Cents price(std::size_t level) const noexcept;

    const Contract* contract_;
    const Strategy* strategy_;
    long double factor_ = 1.0L;  ///< this year's indexation
    double ceiling_ = 0.0;
    // Continuous accrual: earned = closed + rate_sum x now - rate_start_sum.
    double closed_ = 0.0;
    double rate_sum_ = 0.0;
    double rate_start_sum_ = 0.0;
};

}  // namespace careflow::finance
