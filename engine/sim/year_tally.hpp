// YearTally: what happened in one state in one calendar year of the measured window.
#pragma once

#include "sim/wait_histogram.hpp"

#include <careflow/model.hpp>

#include <array>
#include <cstdint>
#include <limits>

namespace careflow::sim {

struct YearTally {
    std::uint64_t clients = 0;      ///< distinct youths in care in the state during the year
    std::uint64_t admissions = 0;
    std::uint64_t completions = 0;  ///< stays that ended (by any route)
    double wait_days_sum = 0.0;
    double stay_days_sum = 0.0;
    std::uint32_t stock_end = 0;     ///< in care at the year's end
    std::uint32_t waitlist_end = 0;  ///< waiting at the year's end
    std::uint32_t places_end = std::numeric_limits<std::uint32_t>::max();  ///< UINT32_MAX: unlimited
    double fte_end = 0.0;            ///< staff at the year's end (staffed states)
    std::array<std::uint64_t, transition_type_count> left_by_type{};  ///< by TransitionType
    std::uint64_t aged_out = 0;  ///< left (from care or the waitlist) on reaching max age
    std::uint64_t moves = 0;     ///< moves to another place of the same state
    std::uint64_t over_norm = 0;  ///< admissions that waited longer than the state's norm
    std::uint64_t reneged = 0;    ///< left the waitlist without care (gave up, went elsewhere)
    std::uint64_t overflows = 0;  ///< emergency placements beyond the places (never_waits)
    std::uint64_t redirected = 0; ///< referred here, sent elsewhere by a redirect policy
    std::uint64_t bridged = 0;    ///< waiting for this state, cared for meanwhile in bridging care
    /// Waiting clocks that ran out in this state's line, by WaitingEvent (renege: `reneged`).
    std::array<std::uint64_t, waiting_event_count> waiting_events{};
    std::uint64_t came_back = 0;  ///< referred here again after giving up waiting
    std::uint64_t entries = 0;    ///< youths who asked for a place here (admitted or waiting)
    double wait_youth_days = 0.0;      ///< days youths spent on this line in the year
    double over_norm_youth_days = 0.0; ///< of which beyond the norm (each youth's own wait)
    WaitHistogram waits;
};

/// Stock and waitlist of one state at the end of one month.
struct MonthSnapshot {
    std::uint32_t stock = 0;
    std::uint32_t waitlist = 0;
};

}  // namespace careflow::sim
