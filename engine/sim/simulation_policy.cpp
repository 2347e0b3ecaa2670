// The kernel's policies: dated changes to places, staff, rates, inflow and routing, switched
// on at `from` and undone at `until`.
#include "sim/simulation.hpp"

#include <algorithm>
#include <cmath>

namespace careflow::sim {
namespace {

using Kind = PolicyChange::Kind;

}  // namespace

void Simulation::schedule_policies() {
    const auto& policies = model_.policies;
    policy_active_.assign(policies.size(), 0);
    policy_saved_.resize(policies.size());
    for (std::size_t p = 0; p < policies.size(); ++p) {
        policy_saved_[p].assign(policies[p].changes.size(), 0.0);
        const auto subject = static_cast<std::uint32_t>(p);
        queue_.push(policies[p].from_days, EventKind::policy_start, subject);
        if (policies[p].until_days) {
            queue_.push(*policies[p].until_days, EventKind::policy_end, subject);
        }
    }
    for (StateRuntime& state : states_) {  // room for every redirect, so none allocates later
        state.redirects.reserve(policies.size());
    }
}

void Simulation::on_policy(const Event& ev, bool start) {
    const std::size_t p = ev.subject();
    const Policy& policy = model_.policies[p];
    policy_active_[p] = start ? 1 : 0;
    for (std::size_t c = 0; c < policy.changes.size(); ++c) {
        apply_change(policy.changes[c], policy_saved_[p][c], start);
    }
    recompute_policy_factors();
    for (const PolicyChange& change : policy.changes) {
        if (change.kind == Kind::rates) recheck_stays(change.state);
        if (change.kind != Kind::inflow) continue;
        for (std::uint32_t s = 0; s < sources_.size(); ++s) {
            if (change.stream && *change.stream != s) continue;
            sources_[s].peak_rate_per_day =
                peak_arrival_rate(model_.arrivals[s]) * sources_[s].inflow_factor;
            schedule_next_arrival(s);  // the old candidate becomes stale
        }
    }
}

/// Places and staff are set at the start and restored at the end; factors and redirects are
/// recomputed from the active policies afterwards.
void Simulation::apply_change(const PolicyChange& change, double& saved, bool start) {
    StateRuntime& state = states_[index(change.state)];
    switch (change.kind) {
        case Kind::places: {
            state.tally.advance(clock_, state.occupied, state.waiting);
            if (start) saved = state.places;
            state.places = static_cast<std::uint32_t>(start ? change.value : saved);
            admit_next_waiting(change.state);
            return;
        }
        case Kind::staff:
            if (start) saved = state.fte;
            state.fte = start ? change.value : saved;
            set_places_from_staff(change.state);
            schedule_staff_change(change.state);  // rates changed with the staff
            return;
        case Kind::rates:
        case Kind::inflow:
        case Kind::redirect: return;
    }
}

void Simulation::recompute_policy_factors() {
    for (StateRuntime& state : states_) {
        state.rate_factor.fill(1.0);
        state.redirects.clear();
    }
    for (Source& source : sources_) source.inflow_factor = 1.0;
    for (std::size_t p = 0; p < model_.policies.size(); ++p) {
        if (policy_active_[p] == 0) continue;
        for (const PolicyChange& change : model_.policies[p].changes) {
            StateRuntime& state = states_[index(change.state)];
            if (change.kind == Kind::rates) {
                for (std::size_t t = 0; t < transition_type_count; ++t) {
                    if (!change.type || static_cast<std::size_t>(*change.type) == t) {
                        state.rate_factor[t] *= change.value;
                    }
                }
            } else if (change.kind == Kind::inflow) {
                for (std::uint32_t s = 0; s < sources_.size(); ++s) {
                    if (!change.stream || *change.stream == s) sources_[s].inflow_factor *= change.value;
                }
            } else if (change.kind == Kind::redirect) {
                state.redirects.emplace_back(change.to, change.value);
            }
        }
    }
}

/// Rates changed: redraw the rate clocks of everyone in care in `at` (exact: they are
/// memoryless); duration clocks keep their draws.
void Simulation::recheck_stays(StateId at) {
    for (std::size_t y = 0; y < youths_.slots(); ++y) {
        if (youths_[y].state != at || youths_[y].in_care == 0) continue;
        schedule_stay_end(make_id<YouthId>(y), at, false);
    }
}

/// Where a youth referred to `to` actually goes, given the active redirects.
StateId Simulation::redirect(YouthId youth, StateId to) {
    const auto& redirects = states_[index(to)].redirects;
    if (redirects.empty()) return to;
    RandomStream rng = youth_stream(youth);
    const double u = rng.uniform();
    youths_[index(youth)].draws = rng.position();
    double cumulative = 0.0;
    for (const auto& [target, share] : redirects) {
        cumulative += share;
        if (u < cumulative) {
            if (window_open_) report_.redirected(to, year_);
            // Helped without out-of-home care where it was asked for: a substitution.
            if (is_out_of_home(model_.state(to).kind) &&
                !is_out_of_home(model_.state(target).kind)) {
                youths_[index(youth)].substituted = 1;
            }
            return target;
        }
    }
    return to;
}

}  // namespace careflow::sim
