// The kernel's staff: attrition and hiring one FTE at a time, and the places they give.
#include "sim/simulation.hpp"

#include <cmath>

namespace careflow::sim {
namespace {

struct StaffRates {
    double leaving = 0.0;  ///< FTE per day leaving
    double hiring = 0.0;   ///< FTE per day hired
};

StaffRates staff_rates(const Staffing& staff, double fte) {
    const bool room = !staff.max_fte || fte + 1.0 <= *staff.max_fte + 1e-9;
    return {fte >= 1.0 ? fte * staff.attrition_rate_per_day : 0.0,
            room ? staff.hiring_per_day : 0.0};
}

}  // namespace

/// Attrition (each FTE at its rate) and hiring (below the ceiling) as one Poisson process.
void Simulation::schedule_staff_change(StateId at) {
    StateRuntime& state = states_[index(at)];
    state.staff_stamp = 0;  // any earlier staff event is stale from now on
    const StaffRates rates = staff_rates(*model_.state(at).staff, state.fte);
    if (rates.leaving + rates.hiring <= 0.0) return;
    RandomStream& rng = staff_rng_[index(at)];
    const double at_day = clock_ - std::log1p(-rng.uniform()) / (rates.leaving + rates.hiring);
    state.staff_stamp = queue_.push(at_day, EventKind::staff_change,
                                    static_cast<std::uint32_t>(index(at)));
}

void Simulation::on_staff_change(const Event& ev) {
    const auto at = make_id<StateId>(ev.subject());
    StateRuntime& state = states_[index(at)];
    const StaffRates rates = staff_rates(*model_.state(at).staff, state.fte);
    const double total = rates.leaving + rates.hiring;
    const bool leaves = staff_rng_[index(at)].uniform() * total < rates.leaving;
    state.fte += leaves ? -1.0 : 1.0;
    set_places_from_staff(at);
    schedule_staff_change(at);
}

/// Fewer places evict nobody: those in care stay, and admissions wait until there is room.
void Simulation::set_places_from_staff(StateId at) {
    StateRuntime& state = states_[index(at)];
    const Staffing& staff = *model_.state(at).staff;
    state.tally.advance(clock_, state.occupied, state.waiting);
    state.places = places_from_staff(state.fte, staff.caseload_per_fte);
    admit_next_waiting(at);
}

}  // namespace careflow::sim
