// CeilingMeter: continuous accrual of a provider's earnings against its yearly ceiling.
#include "finance/ceiling_meter.hpp"

#include "finance/indexation.hpp"

#include <careflow/calendar.hpp>

#include <algorithm>

namespace careflow::finance {

void CeilingMeter::start_year(std::size_t year) noexcept {
    factor_ = index_factor(strategy_->indexation_per_year, year);
    ceiling_ = static_cast<double>(indexed(contract_->ceiling->per_year, factor_));
    closed_ = rate_sum_ = rate_start_sum_ = 0.0;
}

bool CeilingMeter::below_ceiling(double now) const noexcept {
    return closed_ + rate_sum_ * now - rate_start_sum_ < ceiling_;
}

void CeilingMeter::admit(std::size_t level, double now) noexcept {
    resume(level, now);
    if (contract_->scheme == Scheme::trajectory) closed_ += static_cast<double>(price(level));
}

void CeilingMeter::resume(std::size_t level, double now) noexcept {
    const double rate = daily_tariff(level);
    rate_sum_ += rate;
    rate_start_sum_ += rate * now;
}

void CeilingMeter::release(std::size_t level, double since, double now) noexcept {
    const double rate = daily_tariff(level);
    closed_ += rate * (now - since);
    rate_sum_ -= rate;
    rate_start_sum_ -= rate * since;
}

Cents CeilingMeter::price(std::size_t level) const noexcept {
    const auto& by_level = contract_->price_by_level;
    return indexed(by_level[std::min(level, by_level.size() - 1)], factor_);
}

// Trajectory fees are earned whole at admission (see admit), lump sums have no ceiling.
double CeilingMeter::daily_tariff(std::size_t level) const noexcept {
    const auto tariff = static_cast<double>(price(level));
    switch (contract_->scheme) {
        case Scheme::per_unit: {
            const auto& units = contract_->units_per_week_by_level;
            return tariff * units[std::min(level, units.size() - 1)] / days_per_week;
        }
        case Scheme::day_price: return tariff;
        case Scheme::monthly: return tariff * 12.0 / days_per_year;
        case Scheme::trajectory:
        case Scheme::lump_sum: return 0.0;
    }
    return 0.0;
}

}  // namespace careflow::finance
