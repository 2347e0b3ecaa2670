// YearReport: per calendar year and per month tallies of the measured window.
#pragma once

#include "sim/replication_metrics.hpp"
#include "sim/year_tally.hpp"
#include "sim/youth_store.hpp"

#include <careflow/model.hpp>

#include <cstdint>
#include <vector>

namespace careflow::sim {

/// Owned by a Simulation; its handlers report admissions, completions and month ends here.
/// Year indices are those of Model::calendar.
class YearReport {
public:
    explicit YearReport(const Model& model);

    /// A youth took a place in `state` during `year`: counts the admission and the client.
    void admission(YouthStore& youths, YouthId youth, StateId state, std::size_t year,
                   double wait_days);
    void reneged(StateId state, std::size_t year) { ++tally(year, state).reneged; }
    void overflow(StateId state, std::size_t year) { ++tally(year, state).overflows; }
    void redirected(StateId state, std::size_t year) { ++tally(year, state).redirected; }
    void bridged(StateId state, std::size_t year) { ++tally(year, state).bridged; }
    void waiting_event(StateId state, std::size_t year, WaitingEvent event) {
        ++tally(year, state).waiting_events[static_cast<std::size_t>(event)];
    }
    void came_back(StateId state, std::size_t year) { ++tally(year, state).came_back; }
    /// A youth asked for a place in `state` (admitted at once, or joining its line).
    void entered(StateId state, std::size_t year) { ++tally(year, state).entries; }
    /// A wait for `state` from day `from` to day `to` ended (or the window did): its days, and
    /// those beyond the state's norm, go to the calendar years they fell in.
    void waited(StateId state, double from, double to);
    /// A youth in care at the start of `year` is one of its clients.
    void client(YouthStore& youths, YouthId youth, StateId state, std::size_t year);
    void completion(StateId state, std::size_t year, double stay_days);
    void left(StateId state, std::size_t year, TransitionType type) {
        ++tally(year, state).left_by_type[static_cast<std::size_t>(type)];
    }
    void aged_out(StateId state, std::size_t year) { ++tally(year, state).aged_out; }
    void moved(StateId state, std::size_t year) { ++tally(year, state).moves; }
    void referred(std::size_t year, std::size_t municipality) {
        ++referrals_[year];
        if (municipalities_ > 0) ++by_municipality(year, municipality).referrals;
    }
    /// Youths in care at the end of `year`, per municipality.
    void municipality_stock(std::size_t year, const YouthStore& youths);
    void exited(std::size_t year) { ++exits_[year]; }
    void re_entered(std::size_t year) { ++re_entries_[year]; }
    /// Stock and waitlist per state at the end of `month` (and of its year if `year_end`).
    /// Stock, waitlist, places and staff (FTE) per state at the end of `month`.
    struct Snapshot {
        std::vector<std::uint32_t> stock;
        std::vector<std::uint32_t> waitlist;
        std::vector<std::uint32_t> places;
        std::vector<double> fte;
    };
    void month_end(std::size_t month, std::size_t year, bool year_end, const Snapshot& now);

    /// Adds the yearly and monthly figures to `out`.
    void collect(ReplicationMetrics& out) const;

private:
    YearTally& tally(std::size_t year, StateId state) {
        return years_[year * states_ + index(state)];
    }

    /// Adds the part of [from, to) inside each year of the window to `field` of the state.
    void add_by_year(StateId state, double from, double to, double YearTally::*field);

    const Model& model_;
    std::size_t states_;
    std::vector<double> year_start_days_;  ///< per year, then the window's end
    std::vector<YearTally> years_;
    std::vector<std::uint64_t> clients_;
    std::vector<std::uint64_t> referrals_;  ///< per year: referrals into the system
    std::vector<std::uint64_t> exits_;      ///< per year: youths who left care altogether
    std::vector<std::uint64_t> re_entries_; ///< per year: youths referred again after leaving
    struct MunicipalityTally {
        std::uint64_t clients = 0;
        std::uint64_t referrals = 0;
        std::uint32_t stock_end = 0;
    };
    MunicipalityTally& by_municipality(std::size_t year, std::size_t m) {
        return municipality_years_[year * municipalities_ + m];
    }
    std::size_t municipalities_;
    std::vector<MunicipalityTally> municipality_years_;  ///< [year * municipalities + m]
    std::vector<std::uint64_t> segment_clients_;
    std::vector<std::uint32_t> month_stock_;
    std::vector<std::uint32_t> month_waitlist_;
    std::vector<double> month_places_;
};

}  // namespace careflow::sim
