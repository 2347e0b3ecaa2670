// What one replication measured, per state, over the window after the warm-up.
#pragma once

#include "finance/ledger.hpp"

#include <careflow/model.hpp>

#include <array>
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

/// One state in one calendar year of the window.
struct YearStateMetrics {
    std::uint64_t clients = 0;  ///< distinct youths in care here during the year
    std::uint64_t admissions = 0;
    std::uint64_t completions = 0;
    std::uint32_t stock_end = 0;     ///< in care at the end of the year (31 December)
    std::uint32_t waitlist_end = 0;  ///< waiting at the end of the year
    double places_end = 0.0;         ///< places at the end of the year; NaN if unlimited
    double fte_end = 0.0;            ///< staff at the end of the year; NaN if not staffed
    double wait_days_mean = 0.0;     ///< NaN without admissions
    double wait_days_p90 = 0.0;      ///< NaN without admissions
    double stay_days_mean = 0.0;     ///< of stays completed in the year; NaN without any
    std::array<std::uint64_t, transition_type_count> left_by_type{};  ///< by TransitionType
    std::uint64_t aged_out = 0;
    std::uint64_t moves = 0;
    double over_norm_share = 0.0;  ///< NaN without admissions or without a norm
    std::uint64_t reneged = 0;
    std::uint64_t overflows = 0;
    std::uint64_t redirected = 0;
    std::uint64_t bridged = 0;
    std::uint64_t waiting_deteriorations = 0;
    std::uint64_t waiting_escalations = 0;
    std::uint64_t waiting_recoveries = 0;
    std::uint64_t came_back = 0;
    std::uint64_t entries = 0;  ///< youths who asked for a place (admitted at once or waiting)
    double wait_youth_days = 0.0;
    double over_norm_youth_days = 0.0;  ///< NaN without a norm
};

/// One municipality in one calendar year.
struct MunicipalityYearMetrics {
    std::uint64_t clients = 0;    ///< distinct youths in any care
    std::uint64_t referrals = 0;
    std::uint32_t stock_end = 0;  ///< in care at the end of the year
};

struct ReplicationMetrics {
    std::vector<StateMetrics> states{};  ///< indexed by StateId
    std::uint64_t referrals = 0;         ///< external arrivals in the window
    std::uint64_t events = 0;            ///< events processed, warm-up included
    std::vector<YearStateMetrics> years{};         ///< [year * states + state]
    std::vector<std::uint64_t> clients{};          ///< [year]: distinct youths in any care
    std::vector<std::uint64_t> referrals_by_year{};  ///< [year]: referrals into the system
    std::vector<std::uint64_t> exits_by_year{};      ///< [year]: left care altogether
    std::vector<std::uint64_t> re_entries_by_year{}; ///< [year]: referred again after leaving
    std::vector<MunicipalityYearMetrics> municipality_years{};  ///< [year * municipalities + m]
    std::vector<std::uint64_t> segment_clients{};  ///< [year * segments + segment]
    std::vector<std::uint32_t> month_stock{};      ///< [month * states + state], at month end
    std::vector<std::uint32_t> month_waitlist{};   ///< [month * states + state], at month end
    std::vector<double> month_places{};            ///< [month * states + state]; NaN unlimited
    finance::Ledger ledger{};  ///< costs of the strategies the pass priced (Pass::priced)
};

}  // namespace careflow::sim
