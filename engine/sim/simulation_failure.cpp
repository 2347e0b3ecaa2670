// What a replication that fails says: which replication and strategy, the simulated day and
// month, and the event it was handling, so that a user can find the scenario's part at fault.
#include "sim/failure_text.hpp"
#include "sim/simulation.hpp"

#include <careflow/run.hpp>

#include <fmt/format.h>

#include <algorithm>

namespace careflow::sim {

std::string month_at(const Calendar& calendar, double day) {
    const auto& starts = calendar.month_start_days;
    if (starts.empty() || day < starts.front()) return "warm-up";
    const auto month = std::upper_bound(starts.begin(), starts.end(), day) - starts.begin() - 1;
    return calendar.month_labels[static_cast<std::size_t>(month)];
}

std::string failure_text(const FailurePoint& point, std::string_view reason) {
    std::string where = fmt::format("replication {}", point.replication + 1);
    if (point.strategy) where += fmt::format(" (strategy '{}')", *point.strategy);
    return fmt::format("{}, day {:.1f} ({}), {}: {}", where, point.day, point.month, point.doing,
                       reason);
}

std::string Simulation::failure_message(const Event* ev, std::string_view reason) const {
    FailurePoint point{.replication = youth_key_.replication,
                       .day = clock_,
                       .month = month_at(model_.calendar, clock_),
                       .doing = ev != nullptr ? event_description(*ev)
                                              : std::string(clock_ == 0.0 ? "setting up"
                                                                          : "closing")};
    if (governing_) point.strategy = model_.strategies[*governing_].name;
    return failure_text(point, reason);
}

std::string Simulation::event_description(const Event& ev) const {
    const auto state_name = [this](StateId id) {
        return id == StateId::exit ? std::string("exit") : model_.state(id).name;
    };
    switch (ev.kind()) {
        case EventKind::arrival:
            return fmt::format("a referral of stream '{}'", model_.arrivals[ev.subject()].name);
        case EventKind::leave_state: {
            const Youth& youth = youths_[ev.subject()];
            if (youth.in_care == 0) {
                return fmt::format("a youth waiting for '{}' since day {:.1f}",
                                   state_name(youth.state), youth.queued_at);
            }
            return fmt::format("a youth leaving '{}', admitted on day {:.1f}",
                               state_name(youth.state), youth.admitted_at);
        }
        case EventKind::warmup_end: return "the end of the warm-up";
        case EventKind::month_end: return "closing a month";
        case EventKind::staff_change:
            return fmt::format("a staff change in '{}'", model_.states[ev.subject()].name);
        case EventKind::policy_start:
        case EventKind::policy_end:
            return fmt::format("policy '{}' {}", model_.policies[ev.subject()].name,
                               ev.kind() == EventKind::policy_start ? "starting" : "ending");
    }
    return "an event";
}

}  // namespace careflow::sim
