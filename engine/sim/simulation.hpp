// Simulation: one replication of a model, from an empty system through warm-up and horizon.
#pragma once

#include "sim/event_queue.hpp"
#include "sim/random_stream.hpp"
#include "sim/replication_metrics.hpp"
#include "sim/route_table.hpp"
#include "sim/state_tally.hpp"
#include "sim/waitlist.hpp"
#include "sim/year_report.hpp"
#include "sim/youth_store.hpp"

#include <careflow/model.hpp>

#include <cstdint>
#include <vector>

namespace careflow::sim {

/// A value type with no globals: one per replication, so replications run on threads.
class Simulation {
public:
    Simulation(const Model& model, std::uint64_t seed, std::uint32_t replication);

    /// Runs warm-up and horizon and returns what the window measured. Call once.
    ReplicationMetrics run();

    /// Events processed so far (stale ones excluded).
    [[nodiscard]] std::uint64_t events_processed() const noexcept { return events_; }

private:
    struct Source {
        RandomStream gaps;
        double mean_gap_days;
        std::uint32_t referrals = 0;
    };
    struct StateRuntime {
        std::uint32_t occupied = 0;
        std::uint32_t places = 0;  ///< UINT32_MAX stands for unlimited
        FifoWaitlist waitlist;
        StateTally tally;
    };

    void reserve_for_steady_state();
    void run_until(double end_days);
    [[nodiscard]] bool is_stale(const Event& ev) const noexcept;
    void on_arrival(const Event& ev);
    void on_leave_state(const Event& ev);
    void open_window();
    void on_month_end(const Event& ev);
    void close_month(std::size_t month, bool year_end);
    void count_clients_in_care();
    void enter(YouthId youth, StateId state);
    void admit(YouthId youth, StateId state);
    /// The youth's own stream, continued where its last draw stopped.
    [[nodiscard]] RandomStream youth_stream(YouthId youth) const noexcept;
    double draw_stay_days(YouthId youth, StateId state);
    StateId draw_next_state(YouthId youth, StateId from);
    void schedule_next_arrival(std::uint32_t source);
    ReplicationMetrics collect() const;

    const Model& model_;
    StreamKey youth_key_;
    RouteTable routes_;
    EventQueue queue_;
    YouthStore youths_;
    std::vector<Source> sources_;
    std::vector<StateRuntime> states_;
    YearReport report_;
    std::vector<std::uint32_t> stock_scratch_;     ///< per state, for month-end snapshots
    std::vector<std::uint32_t> waitlist_scratch_;  ///< per state, for month-end snapshots
    double clock_ = 0.0;
    bool window_open_ = false;  ///< false during the warm-up
    std::size_t year_ = 0;      ///< calendar year index, once the window is open
    std::size_t month_ = 0;     ///< calendar month index, once the window is open
    std::uint64_t events_ = 0;
    std::uint64_t referrals_in_window_ = 0;
};

}  // namespace careflow::sim
