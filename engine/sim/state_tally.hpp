// StateTally: one state's statistics over the measured window (time averages and counts).
#pragma once

#include <cstdint>

namespace careflow::sim {

/// Integrates occupancy and waitlist length over time and counts admissions and
/// completions. advance() must run before every change of either count.
struct StateTally {
    double area_in_care = 0.0;  ///< youth-days in care
    double area_waiting = 0.0;  ///< youth-days on the waitlist
    double last_change = 0.0;
    double wait_days_sum = 0.0;
    double stay_days_sum = 0.0;
    std::uint64_t admissions = 0;
    std::uint64_t admissions_waited = 0;
    std::uint64_t completions = 0;

    void advance(double now, std::uint32_t in_care, std::size_t waiting) noexcept {
        const double dt = now - last_change;
        area_in_care += dt * in_care;
        area_waiting += dt * static_cast<double>(waiting);
        last_change = now;
    }

    void count_admission(double wait_days) noexcept {
        ++admissions;
        wait_days_sum += wait_days;
        if (wait_days > 0.0) ++admissions_waited;
    }

    void count_completion(double stay_days) noexcept {
        ++completions;
        stay_days_sum += stay_days;
    }

    /// Forgets the warm-up: the measured window starts at `now`.
    void restart(double now) noexcept { *this = StateTally{.last_change = now}; }
};

}  // namespace careflow::sim
