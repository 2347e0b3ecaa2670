// The kernel's set-up and event loop, the measured window and its calendar months.
#include "sim/simulation.hpp"

#include "model/traffic.hpp"

#include <careflow/run.hpp>

#include <algorithm>
#include <cmath>
#include <limits>

namespace careflow::sim {
namespace {

constexpr std::uint32_t unlimited_places = std::numeric_limits<std::uint32_t>::max();

double ratio_or_nan(double numerator, std::uint64_t denominator) {
    return denominator == 0 ? std::numeric_limits<double>::quiet_NaN()
                            : numerator / static_cast<double>(denominator);
}

/// True if some clock of `clocks` (transitions or waiting clocks) has an age-band factor.
template <typename Clocks>
bool any_age_factor(const Clocks& clocks) {
    return std::any_of(clocks.begin(), clocks.end(), [](const auto& t) {
        return std::any_of(t.age_band_factor.begin(), t.age_band_factor.end(),
                           [](double f) { return f != 1.0; });
    });
}

}  // namespace

Simulation::Simulation(const Model& model, std::uint64_t seed, std::uint32_t replication,
                       const Pass& pass)
    : model_(model),
      governing_(pass.governing),
      youth_key_{seed, replication, Purpose::youth, 0},
      routes_(model),
      states_(model.state_count()),
      report_(model),
      snapshot_{std::vector<std::uint32_t>(model.state_count()),
                std::vector<std::uint32_t>(model.state_count()),
                std::vector<std::uint32_t>(model.state_count()),
                std::vector<double>(model.state_count())} {
    for (std::size_t i = 0; i < model.arrivals.size(); ++i) {
        const StreamKey key{seed, replication, Purpose::arrivals, i};
        sources_.push_back({RandomStream(key), peak_arrival_rate(model.arrivals[i])});
    }
    for (std::size_t s = 0; s < states_.size(); ++s) {
        states_[s].places = model.states[s].places.value_or(unlimited_places);
        staff_rng_.emplace_back(StreamKey{seed, replication, Purpose::staffing, s});
        if (model.states[s].staff) {
            states_[s].fte = model.states[s].staff->fte;
            set_places_from_staff(make_id<StateId>(s));
        }
        const bool by_priority = model.states[s].waitlist.order == WaitlistOrder::priority;
        states_[s].queues.resize(by_priority ? model.population.severity_levels.size() : 1);
        states_[s].rates_depend_on_age = any_age_factor(model.states[s].transitions);
        states_[s].waiting_depends_on_age = any_age_factor(model.states[s].waitlist.clocks);
        any_bridging_ = any_bridging_ || model.states[s].waitlist.bridging.has_value();
    }
    set_up_providers(pass);
    reserve_for_steady_state();
}

void Simulation::reserve_for_steady_state() {
    // Little's law gives the mean population; twice that plus slack covers the peaks of
    // all but pathological runs, so the loop itself does not reallocate.
    double population = 0.0;
    for (const InitialStock& stock : model_.initial_stock) population += stock.count;
    if (const auto rates = offered_arrival_rates(model_)) {
        const auto flows = approximate_flows(model_);
        for (std::size_t s = 0; s < states_.size(); ++s) {
            const double load = (*rates)[s] * flows[s].mean_stay_days;
            population += load;
            if (states_[s].places != unlimited_places) {
                for (auto& queue : states_[s].queues) {
                    queue.reserve(static_cast<std::size_t>(2.0 * load) + 64);
                }
            }
        }
    }
    const auto youths = static_cast<std::size_t>(2.0 * population) + 1024;
    youths_.reserve(youths);
    queue_.reserve(youths + sources_.size() + 1);
}

ReplicationMetrics Simulation::run() {
    try {
        simulate();
    } catch (const ReplicationError&) {
        throw;  // run_until has said which event failed
    } catch (const std::exception& e) {
        throw ReplicationError(failure_message(nullptr, e.what()));
    }
    return collect();
}

void Simulation::simulate() {
    place_initial_stock();
    for (std::size_t s = 0; s < states_.size(); ++s) {
        if (model_.states[s].staff) schedule_staff_change(make_id<StateId>(s));
    }
    for (std::uint32_t s = 0; s < sources_.size(); ++s) schedule_next_arrival(s);
    schedule_policies();
    const double warmup = model_.run.warmup_days;
    if (warmup > 0.0) {
        queue_.push(warmup, EventKind::warmup_end, 0);
    } else {
        open_window();
    }
    run_until(warmup + model_.run.horizon_days);
    close_month(month_, true);
    close_open_waits();
    bill_open_stays();
}

void Simulation::run_until(double end_days) {
    Event ev{};  // outside the loop, so that a failure can say which event it was handling
    try {
        while (!queue_.empty() && queue_.top().time <= end_days) {
            ev = queue_.pop();
            if (is_stale(ev)) continue;  // lazy cancellation: the youth has moved on
            clock_ = ev.time;
            ++events_;
            switch (ev.kind()) {
                case EventKind::arrival: on_arrival(ev); break;
                case EventKind::leave_state: on_leave_state(ev); break;
                case EventKind::warmup_end: open_window(); break;
                case EventKind::month_end: on_month_end(ev); break;
                case EventKind::staff_change: on_staff_change(ev); break;
                case EventKind::policy_start:
                case EventKind::policy_end:
                    close_due_months();  // a month ending now is reported before the change
                    on_policy(ev, ev.kind() == EventKind::policy_start);
                    break;
            }
        }
    } catch (const std::exception& e) {
        throw ReplicationError(failure_message(&ev, e.what()));
    }
    clock_ = end_days;
}

bool Simulation::is_stale(const Event& ev) const noexcept {
    switch (ev.kind()) {
        case EventKind::leave_state: return youths_[ev.subject()].stamp != ev.seq();
        case EventKind::staff_change: return states_[ev.subject()].staff_stamp != ev.seq();
        case EventKind::arrival: return sources_[ev.subject()].stamp != ev.seq();
        default: return false;
    }
}

/// Ends the warm-up: statistics restart, and the first calendar month begins.
void Simulation::open_window() {
    for (StateRuntime& state : states_) {
        state.tally.restart(clock_);
    }
    referrals_in_window_ = 0;
    window_open_ = true;
    year_ = 0;
    month_ = 0;
    year_start_ = clock_;
    count_clients_in_care();
    restart_ceiling_year();
    if (model_.calendar.months() > 1) {
        queue_.push(model_.calendar.month_start_days[1], EventKind::month_end, 1);
    }
}

void Simulation::on_month_end(const Event& ev) {
    const std::size_t month = ev.subject();
    if (month <= month_) return;  // already closed by a policy at the same instant
    start_month(month);
}

/// Closes the month before `month` (the snapshot is of its last instant) and begins `month`.
void Simulation::start_month(std::size_t month) {
    const auto& calendar = model_.calendar;
    const bool new_year = calendar.month_year[month] != calendar.month_year[month - 1];
    close_month(month - 1, new_year);
    month_ = month;
    if (new_year) {
        year_ = calendar.month_year[month];
        year_start_ = calendar.month_start_days[month];
        count_clients_in_care();
        restart_ceiling_year();
    }
    recheck_bridging();
    if (month + 1 < calendar.months()) {
        queue_.push(calendar.month_start_days[month + 1], EventKind::month_end,
                    static_cast<std::uint32_t>(month + 1));
    }
}

void Simulation::close_due_months() {
    const auto& starts = model_.calendar.month_start_days;
    while (window_open_ && month_ + 1 < starts.size() && starts[month_ + 1] <= clock_) {
        start_month(month_ + 1);
    }
}

void Simulation::close_month(std::size_t month, bool year_end) {
    for (std::size_t s = 0; s < states_.size(); ++s) {
        snapshot_.stock[s] = states_[s].occupied;
        snapshot_.waitlist[s] = states_[s].waiting;
        snapshot_.places[s] = states_[s].places;
        snapshot_.fte[s] = states_[s].fte;
    }
    report_.month_end(month, year_, year_end, snapshot_);
    if (year_end) report_.municipality_stock(year_, youths_);
}

/// Everyone in care when a year starts is one of that year's clients.
void Simulation::count_clients_in_care() {
    for (std::size_t y = 0; y < youths_.slots(); ++y) {
        if (youths_[y].state == StateId::exit || youths_[y].in_care == 0) continue;
        report_.client(youths_, make_id<YouthId>(y), youths_[y].state, year_);
    }
}

ReplicationMetrics Simulation::collect() const {
    ReplicationMetrics out;
    report_.collect(out);
    out.referrals = referrals_in_window_;
    out.events = events_;
    if (book_) out.ledger = book_->ledger();
    const double window = model_.run.horizon_days;
    for (const StateRuntime& runtime : states_) {
        StateTally tally = runtime.tally;
        tally.advance(clock_, runtime.occupied, runtime.waiting);
        out.states.push_back({
            .in_care_mean = tally.area_in_care / window,
            .waiting_mean = tally.area_waiting / window,
            .wait_days_mean = ratio_or_nan(tally.wait_days_sum, tally.admissions),
            .waited_share = ratio_or_nan(static_cast<double>(tally.admissions_waited),
                                         tally.admissions),
            .stay_days_mean = ratio_or_nan(tally.stay_days_sum, tally.completions),
            .admissions = tally.admissions,
            .completions = tally.completions,
        });
    }
    return out;
}

}  // namespace careflow::sim
