// What one replication measured, per state, over the window after the warm-up.
#pragma once

#include <cstdint>
#include <vector>

namespace careflow::sim {

/// Means are NaN where they are undefined (no admissions, no completions).
struct StateMetrics {
    double in_care_mean = 0.0;    ///< time-average number in care
    double waiting_mean = 0.0;    ///< time-average number on the waitlist
    double wait_days_mean = 0.0;  ///< mean wait per admission, zero waits included
    double waited_share = 0.0;    ///< share of admissions that waited at all
    double stay_days_mean = 0.0;  ///< mean length of the stays completed
    std::uint64_t admissions = 0;
    std::uint64_t completions = 0;
};

struct ReplicationMetrics {
    std::vector<StateMetrics> states{};  ///< indexed by StateId
    std::uint64_t referrals = 0;       ///< external arrivals in the window
    std::uint64_t events = 0;          ///< events processed, warm-up included
};

}  // namespace careflow::sim
