// WaitHistogram: waits in day and week bins, for percentiles without storing every wait.
#pragma once

#include <array>
#include <cmath>
#include <cstdint>
#include <limits>

namespace careflow::sim {

/// Counts waits of exactly zero apart (most admissions in a state with room), then waits in
/// bins of one day up to a year, one week up to ten years, and an overflow bin. A percentile
/// is exact to within its bin (linear inside it), and exactly 0 when it falls on the zeros.
class WaitHistogram {
public:
    void add(double wait_days) noexcept {
        if (wait_days <= 0.0) {
            ++zeros_;
        } else {
            ++bins_[bin_of(wait_days)];
        }
        ++count_;
    }

    [[nodiscard]] std::uint64_t count() const noexcept { return count_; }

    /// The p-quantile (0..1) in days; NaN without waits, +inf if it lies in the overflow bin.
    [[nodiscard]] double quantile(double p) const noexcept {
        if (count_ == 0) return std::numeric_limits<double>::quiet_NaN();
        const double target = p * static_cast<double>(count_);
        if (target <= static_cast<double>(zeros_)) return 0.0;
        double below = static_cast<double>(zeros_);
        for (std::size_t b = 0; b < bin_count; ++b) {
            const auto in_bin = static_cast<double>(bins_[b]);
            if (in_bin > 0.0 && below + in_bin >= target) {
                if (b == bin_count - 1) return std::numeric_limits<double>::infinity();
                const double fraction = (target - below) / in_bin;
                return lower_edge(b) + fraction * (lower_edge(b + 1) - lower_edge(b));
            }
            below += in_bin;
        }
        return std::numeric_limits<double>::infinity();
    }

private:
    static constexpr std::size_t day_bins = 365;
    static constexpr std::size_t week_bins = (3652 - day_bins) / 7 + 1;
    static constexpr std::size_t bin_count = day_bins + week_bins + 1;

    static std::size_t bin_of(double wait_days) noexcept {
        if (wait_days < static_cast<double>(day_bins)) {
            return static_cast<std::size_t>(wait_days < 0.0 ? 0.0 : wait_days);
        }
        const auto week = static_cast<std::size_t>((wait_days - day_bins) / 7.0);
        return week < week_bins ? day_bins + week : bin_count - 1;
    }

    static double lower_edge(std::size_t bin) noexcept {
        if (bin <= day_bins) return static_cast<double>(bin);
        return static_cast<double>(day_bins) + 7.0 * static_cast<double>(bin - day_bins);
    }

    std::array<std::uint32_t, bin_count> bins_{};
    std::uint64_t zeros_ = 0;
    std::uint64_t count_ = 0;
};

}  // namespace careflow::sim
