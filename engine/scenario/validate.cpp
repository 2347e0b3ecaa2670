// Whole-model checks, run after every name is resolved.
#include "scenario/validate.hpp"

#include "model/traffic.hpp"
#include "scenario/capacity_reader.hpp"
#include "scenario/provider_reader.hpp"
#include "scenario/units.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <functional>
#include <optional>
#include <string>

namespace careflow::scenario {
namespace {

// A replication beyond this many referrals would run for minutes: surely a unit slip.
constexpr double max_referrals_per_replication = 5e8;

std::string trapped_message(const Model& model, std::size_t state) {
    return fmt::format("youths in state '{}' can never reach exit: every way out of states.{} "
                       "loops back into care", model.states[state].name, model.states[state].name);
}

void check_exit_reachable(const Model& model, const ModelSource& source, NodeReader& reader) {
    const auto reaches = reaches_exit(model);
    for (std::size_t i = 0; i < reaches.size(); ++i) {
        if (reaches[i]) continue;
        reader.error(source.next_nodes[i], trapped_message(model, i),
                     {"hint: route some youths to 'exit' (in next or transitions) from at "
                      "least one state on the loop"});
    }
}

void warn_overload(const Model& model, const ModelSource& source, NodeReader& reader) {
    const auto rates = offered_arrival_rates(model);
    if (!rates) return;
    const auto flows = approximate_flows(model);
    for (std::size_t i = 0; i < model.state_count(); ++i) {
        const CareState& state = model.states[i];
        const std::optional<std::uint32_t> places =
            state.staff ? std::optional(places_from_staff(state.staff->fte,
                                                          state.staff->caseload_per_fte))
                        : state.places;
        if (!places || state.never_waits) continue;  // never_waits: overflow, no waitlist
        const double load = (*rates)[i] * flows[i].mean_stay_days;
        // A state nobody is routed to cannot overflow, not even with zero places.
        if (load <= 0.0 || load < static_cast<double>(*places)) continue;
        // Clocks that take youths out of the line (giving up, escalating, recovering) hold it
        // at a finite length: a long wait there is the scenario's intent, not a slip.
        const bool line_drains = std::any_of(
            state.waitlist.clocks.begin(), state.waitlist.clocks.end(),
            [](const WaitingClock& c) {
                return c.event != WaitingEvent::deterioration && c.rate_per_day > 0.0;
            });
        if (line_drains) continue;
        reader.warning(source.capacity_nodes[i],
                       fmt::format("state '{}' is offered a load of {:.1f} places ({:.4g} "
                                   "admissions per year x mean stay {:.4g} days), at or above "
                                   "its capacity of {}; its waitlist will grow without bound",
                                   state.name, load, (*rates)[i] * days_per_year,
                                   flows[i].mean_stay_days, *places),
                       {"hint: add places, shorten stays or route fewer youths here"});
    }
}

/// "run would simulate about ..." when the referrals of one replication pass the limit.
std::optional<std::string> run_size_problem(const Model& model) {
    double rate_per_day = 0.0;
    for (const auto& stream : model.arrivals) rate_per_day += stream.rate_per_day;
    const double referrals = rate_per_day * (model.run.warmup_days + model.run.horizon_days);
    if (referrals <= max_referrals_per_replication) return std::nullopt;
    return fmt::format("run would simulate about {:.3g} referrals per replication, more than the "
                       "limit of {:.0e}", referrals, max_referrals_per_replication);
}

void check_run_size(const Model& model, const ModelSource& source, NodeReader& reader) {
    if (auto problem = run_size_problem(model)) {
        reader.error(source.run_node, std::move(*problem),
                     {"hint: check the units of run.horizon and of the arrivals' per_year rates"});
    }
}

/// A distribution whose numbers no longer fit its form (a uniform's min at or above its max).
void check_distribution(const std::optional<Distribution>& d, const std::string& where,
                        std::vector<std::string>& problems) {
    if (!d) return;
    const auto& values = d->values_days;
    if (std::adjacent_find(values.begin(), values.end(), std::greater_equal<>()) != values.end()) {
        problems.push_back(fmt::format("{}: an empirical table's durations must increase down the "
                                       "table", where));
    } else if (d->kind == DistributionKind::uniform && !(d->high > d->low)) {
        problems.push_back(fmt::format("{}: a uniform's max ({:g} days) must be greater than its "
                                       "min ({:g} days)", where, d->high, d->low));
    } else if (!(d->mean_days > 0.0) || !std::isfinite(d->mean_days)) {
        problems.push_back(fmt::format("{}: the distribution's mean must be a positive number of "
                                       "days", where));
    }
}

void check_state_values(const CareState& state, std::vector<std::string>& problems) {
    const std::string path = "states." + state.name;
    if (!state.next.empty()) {
        double total = 0.0;
        for (const Route& route : state.next) total += route.probability;
        if (std::abs(total - 1.0) > 1e-6) {
            problems.push_back(fmt::format("{}.next probabilities must sum to 1, got {:.10g}", path,
                                           total));
        }
    }
    check_distribution(state.length_of_stay, path + ".length_of_stay", problems);
    for (std::size_t t = 0; t < state.transitions.size(); ++t) {
        check_distribution(state.transitions[t].after,
                           fmt::format("{}.transitions.{}.after", path, t), problems);
    }
    for (const WaitingClock& clock : state.waitlist.clocks) {
        if (clock.comes_back) {
            check_distribution(clock.comes_back->after, path + ".waitlist: comes_back.after",
                               problems);
        }
    }
    if (state.staff && state.staff->max_fte && *state.staff->max_fte < state.staff->fte) {
        problems.push_back(fmt::format("{}.capacity.max_fte must be at least fte ({})", path,
                                       state.staff->fte));
    }
}

}  // namespace

std::vector<std::string> check_model(const Model& model) {
    std::vector<std::string> problems;
    for (const CareState& state : model.states) check_state_values(state, problems);
    for (const InitialStock& stock : model.initial_stock) {
        check_distribution(stock.in_care_for, "initial_stock.in_care_for", problems);
    }
    for (const Policy& policy : model.policies) {
        if (policy.until_days && *policy.until_days <= policy.from_days) {
            problems.push_back(fmt::format("policy '{}': until must come after from", policy.name));
        }
    }
    const auto reaches = reaches_exit(model);
    for (std::size_t i = 0; i < reaches.size(); ++i) {
        if (!reaches[i]) problems.push_back(trapped_message(model, i));
    }
    if (auto problem = run_size_problem(model)) problems.push_back(std::move(*problem));
    for (std::string& problem : provider_share_problems(model)) {
        problems.push_back(std::move(problem));
    }
    return problems;
}

void validate(const Model& model, const ModelSource& source, NodeReader& reader) {
    check_exit_reachable(model, source, reader);
    check_run_size(model, source, reader);
    if (!reader.has_errors()) warn_overload(model, source, reader);
}

}  // namespace careflow::scenario
