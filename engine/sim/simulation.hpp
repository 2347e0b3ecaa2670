// Simulation: one replication of a model, from time 0 through warm-up and measured window.
#pragma once

#include "finance/ceiling_meter.hpp"
#include "finance/contract_table.hpp"
#include "finance/cost_book.hpp"
#include "sim/event_queue.hpp"
#include "model/random_stream.hpp"
#include "sim/replication_metrics.hpp"
#include "sim/route_table.hpp"
#include "sim/state_tally.hpp"
#include "sim/waitlist.hpp"
#include "sim/year_report.hpp"
#include "sim/youth_store.hpp"

#include <careflow/model.hpp>

#include <array>
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace careflow::sim {

/// Which strategies a replication prices, and which one (if any) governs behaviour: its
/// funded places, admission stops at ceilings and behaviour multipliers.
struct Pass {
    const finance::ContractTable* contracts = nullptr;  ///< null: no providers' gates, no costs
    std::optional<std::size_t> governing{};             ///< index into Model::strategies
    std::vector<std::size_t> priced{};                  ///< strategies priced (ascending)
};

/// A value type with no globals: one per replication, so replications run on threads.
/// Its handlers live in several files: simulation.cpp (loop, window, months),
/// simulation_flow.cpp (admission, clocks, leaving), simulation_waiting.cpp (waitlists and
/// what happens while waiting), simulation_inflow.cpp (referrals,
/// initial stock, youth attributes), simulation_staff.cpp, simulation_policy.cpp and
/// simulation_providers.cpp (providers, their admission gates, behaviour and billing).
class Simulation {
public:
    Simulation(const Model& model, std::uint64_t seed, std::uint32_t replication,
               const Pass& pass = {});

    /// Runs warm-up and horizon and returns what the window measured. Call once.
    ReplicationMetrics run();

    /// Events processed so far (stale ones excluded).
    [[nodiscard]] std::uint64_t events_processed() const noexcept { return events_; }

private:
    struct Source {
        RandomStream gaps;
        double peak_rate_per_day;  ///< bound on the stream's rate, for thinning
        std::uint32_t referrals = 0;
        double inflow_factor = 1.0;  ///< product of active inflow policies
        std::uint64_t stamp = 0;     ///< seq of the live arrival event
    };
    /// A provider delivering a state, as the governing strategy sees it.
    struct ProviderSlot {
        std::uint16_t provider = 0;
        double share = 1.0;
        std::uint32_t occupied = 0;
        std::uint32_t funded = UINT32_MAX;      ///< places a lump sum funds; UINT32_MAX: no cap
        /// Under a contract whose ceiling stops admissions: what the provider earned this year.
        std::optional<finance::CeilingMeter> ceiling{};
        Behaviour behaviour{};
    };
    struct StateRuntime {
        std::uint32_t occupied = 0;
        std::uint32_t places = 0;   ///< UINT32_MAX stands for unlimited
        std::uint32_t waiting = 0;  ///< live entries over all queues
        std::vector<FifoWaitlist> queues;  ///< one per priority level (one if fifo), lowest first
        StateTally tally;
        bool rates_depend_on_age = false;  ///< some rate has an age-band factor
        bool waiting_depends_on_age = false;  ///< some waiting clock has an age-band factor
        double fte = 0.0;                  ///< staff, for staffed states
        std::uint64_t staff_stamp = 0;     ///< seq of the live staff_change event
        std::array<double, transition_type_count> rate_factor{1.0, 1.0, 1.0, 1.0, 1.0};
        std::vector<std::pair<StateId, double>> redirects;  ///< (to, share), active policies
        std::vector<ProviderSlot> providers;  ///< empty without procurement
        bool gated = false;  ///< some provider may refuse admissions (funded places, ceiling)
    };
    /// The earliest clock of a youth's stay, and what it does.
    struct Clock {
        double at = Youth::never;
        Outcome outcome = Outcome::completion;
        std::uint16_t transition = 0;
    };

    // simulation.cpp: set-up, loop, window and months
    void reserve_for_steady_state();
    void run_until(double end_days);
    /// Runs what `run` does; run() adds the failure context to whatever this throws.
    void simulate();
    // simulation_failure.cpp: what a replication that fails says about where it was
    /// "replication 3, day 412.6 (2020-02), <what `ev` was doing>: <reason>"; `ev` null
    /// outside the event loop.
    [[nodiscard]] std::string failure_message(const Event* ev, std::string_view reason) const;
    [[nodiscard]] std::string event_description(const Event& ev) const;
    [[nodiscard]] bool is_stale(const Event& ev) const noexcept;
    void open_window();
    void on_month_end(const Event& ev);
    void start_month(std::size_t month);
    void close_due_months();
    void close_month(std::size_t month, bool year_end);
    void count_clients_in_care();
    ReplicationMetrics collect() const;

    // simulation_flow.cpp: places, waitlists, clocks and leaving
    void enter(YouthId youth, StateId state);
    void admit(YouthId youth, StateId state);
    void release_place(YouthId youth, StateId state);
    void admit_next_waiting(StateId state);
    void on_leave_state(const Event& ev);
    void leave(YouthId youth, StateId from, StateId to, TransitionType type);
    /// A youth leaving care from `from`: gone, or (re_entry) outside care until its next
    /// referral.
    void leave_care(YouthId youth, StateId from);
    /// Room for one more: a free place and (with procurement) a provider that admits.
    [[nodiscard]] bool can_admit(StateId state) noexcept;
    void schedule_stay_end(YouthId youth, StateId state, bool new_stay,
                           double elapsed_days = 0.0);
    Clock draw_fixed_clock(YouthId youth, const CareState& state, RandomStream& rng,
                           double elapsed_days) const;
    [[nodiscard]] double rate_factor(YouthId youth, const Transition& t) const noexcept;
    [[nodiscard]] double age_years(YouthId youth) const noexcept;
    /// True if the youth has an age and is past youth care's leaving age on `day`.
    [[nodiscard]] bool past_leave_age(YouthId youth, double day) const noexcept;
    /// The youth's age band now (the first for youths without an age).
    [[nodiscard]] std::size_t age_band(YouthId youth) const noexcept;
    /// Ageing out of `state`, or (if `age_dependent`) entering the next age band, when earlier
    /// than `best`.
    void add_age_clocks(YouthId youth, const CareState& state, bool age_dependent,
                        Clock& best) const noexcept;
    StateId draw_next_state(YouthId youth, StateId from);
    /// The youth's own stream, continued where its last draw stopped.
    [[nodiscard]] RandomStream youth_stream(YouthId youth) const noexcept;

    // simulation_waiting.cpp: the waitlist, its clocks, bridging care, the waits' accounts
    void join_waitlist(YouthId youth, StateId state);
    void leave_waitlist(YouthId youth, StateId state);
    bool try_bridging(YouthId youth, StateId awaited);
    void stop_waiting_elsewhere(YouthId youth);
    void recheck_bridging();
    void schedule_wait_end(YouthId youth, StateId state);
    /// A waiting clock's rate for the youth now, in age band `band` (0: it cannot run out).
    [[nodiscard]] double waiting_rate(YouthId youth, const WaitingClock& c, bool bridged,
                                      std::size_t band) const noexcept;
    /// The earliest of the waiting clocks of `awaited`'s line, drawn now, if before `best`.
    void draw_waiting_clocks(YouthId youth, StateId awaited, bool bridged, RandomStream& rng,
                             Clock& best) const;
    void on_waiting_clock(YouthId youth);
    void deteriorate(YouthId youth, StateId awaited);
    /// Takes a waiting youth out of `awaited`'s line, and out of its bridging care if in it.
    void leave_line(YouthId youth, StateId awaited);
    void give_up(YouthId youth, StateId awaited, const WaitingClock& clock);
    void on_come_back(YouthId youth);
    /// Counts the wait for `awaited` that ends now (youth-days, over the norm, its price).
    void end_wait(YouthId youth, StateId awaited, bool admitted);
    void close_open_waits();

    // simulation_staff.cpp: staff attrition and hiring, and the places they give
    void schedule_staff_change(StateId state);
    void on_staff_change(const Event& ev);
    void set_places_from_staff(StateId state);

    // simulation_policy.cpp: dated policies switching on and off
    void schedule_policies();
    void on_policy(const Event& ev, bool start);
    void apply_change(const PolicyChange& change, double& saved, bool start);
    void recompute_policy_factors();
    void recheck_stays(StateId state);
    StateId redirect(YouthId youth, StateId to);

    // simulation_providers.cpp: providers, their gates, behaviour and the cost book
    void set_up_providers(const Pass& pass);
    [[nodiscard]] bool provider_admits(const ProviderSlot& slot) const noexcept;
    [[nodiscard]] bool any_provider_admits(StateId state) const noexcept;
    /// Picks the youth's provider among those admitting (by share) and takes its place.
    void assign_provider(YouthId youth, StateId state);
    void release_provider(YouthId youth, StateId state);
    [[nodiscard]] const Behaviour& behaviour(YouthId youth, StateId state) const noexcept;
    void restart_ceiling_year();
    [[nodiscard]] finance::Stay stay_of(YouthId youth, StateId state, bool open) const noexcept;
    void bill_stay_end(YouthId youth, StateId state);
    void bill_open_stays();

    // simulation_inflow.cpp: referrals, initial stock, who the youths are
    void on_arrival(const Event& ev);
    void schedule_next_arrival(std::uint32_t source);
    [[nodiscard]] double arrival_rate(std::uint32_t source, double at) const noexcept;
    [[nodiscard]] double peak_arrival_rate(const ArrivalStream& stream) const noexcept;
    void place_initial_stock();
    void draw_youth(YouthId youth, const YouthMix& mix, RandomStream& rng);

    const Model& model_;
    std::optional<std::size_t> governing_;  ///< the strategy whose gates this pass simulates
    StreamKey youth_key_;
    RouteTable routes_;
    EventQueue queue_;
    YouthStore youths_;
    std::vector<Source> sources_;
    std::vector<StateRuntime> states_;
    std::vector<RandomStream> staff_rng_;  ///< per state (used by staffed states only)
    std::vector<std::uint8_t> policy_active_;           ///< per policy
    bool any_bridging_ = false;  ///< some waitlist has bridging care (monthly rechecks needed)
    std::vector<std::vector<double>> policy_saved_;     ///< per policy and change: value before
    std::unique_ptr<finance::CostBook> book_;  ///< null when nothing is priced
    bool any_ceiling_ = false;  ///< some provider's ceiling may stop admissions
    YearReport report_;
    YearReport::Snapshot snapshot_;  ///< reused at every month end
    double clock_ = 0.0;
    bool window_open_ = false;  ///< false during the warm-up
    std::size_t year_ = 0;      ///< calendar year index, once the window is open
    double year_start_ = 0.0;   ///< simulation day the current year began
    std::size_t month_ = 0;     ///< calendar month index, once the window is open
    std::uint64_t next_ticket_ = 1;
    std::uint64_t events_ = 0;
    std::uint64_t referrals_in_window_ = 0;
};

}  // namespace careflow::sim
