// manifest.json: run provenance plus the resolved Model, serialised with nlohmann::ordered_json.
#include "output/manifest.hpp"
#include "output/procurement_json.hpp"

#include <careflow/cluster.hpp>
#include <careflow/names.hpp>

#include <fmt/format.h>
#include <careflow/version.hpp>

#include <nlohmann/json.hpp>

#include <stdexcept>
#include <string>

namespace careflow::output {
namespace {

using Json = nlohmann::ordered_json;


const char* kind_name(DistributionKind kind) {
    switch (kind) {
        case DistributionKind::exponential: return "exponential";
        case DistributionKind::gamma: return "gamma";
        case DistributionKind::lognormal: return "lognormal";
        case DistributionKind::weibull: return "weibull";
        case DistributionKind::deterministic: return "deterministic";
        case DistributionKind::uniform: return "uniform";
        case DistributionKind::empirical: return "empirical";
    }
    throw std::logic_error("manifest: unknown distribution kind");
}

// The kind's own parameters, named as a scenario author would write them.
void add_parameters(Json& out, const Distribution& d) {
    switch (d.kind) {
        case DistributionKind::exponential: out["mean_days"] = d.scale; break;
        case DistributionKind::gamma:
        case DistributionKind::weibull:
            out["shape"] = d.shape;
            out["scale_days"] = d.scale;
            break;
        case DistributionKind::lognormal:
            out["median_days"] = d.scale;
            out["sigma_log"] = d.shape;
            break;
        case DistributionKind::deterministic: out["value_days"] = d.scale; break;
        case DistributionKind::uniform:
            out["low_days"] = d.low;
            out["high_days"] = d.high;
            break;
        case DistributionKind::empirical:
            out["values_days"] = d.values_days;
            out["cumulative"] = d.cumulative;
            out["interpolate"] = d.interpolate;
            break;
    }
}

Json distribution_json(const Distribution& d) {
    Json out;
    out["kind"] = kind_name(d.kind);
    out["mean_days"] = d.mean_days;
    out["variance_days2"] = d.variance_days2;
    add_parameters(out, d);  // an exponential's mean_days is its scale: same key, same value
    return out;
}

std::string state_name(const Model& model, StateId id) {
    return id == StateId::exit ? std::string("exit") : model.state(id).name;
}

Json waiting_clocks_json(const Model& model, const std::vector<WaitingClock>& clocks) {
    Json out = Json::array();
    for (const WaitingClock& c : clocks) {
        Json clock{{"type", name_of(c.event)},
                   {"rate_per_year", c.rate_per_day * days_per_year},
                   {"growth_per_week", c.growth_per_day * 7.0},
                   {"severity_factor", c.severity_factor},
                   {"age_band_factor", c.age_band_factor},
                   {"in_bridging", c.bridging_factor}};
        if (c.event == WaitingEvent::escalation) clock["to"] = state_name(model, c.to);
        if (c.comes_back) {
            clock["comes_back"] = {{"share", c.comes_back->share},
                                   {"after", distribution_json(c.comes_back->after)},
                                   {"severity_shift", c.comes_back->severity_shift},
                                   {"to", c.comes_back->to ? Json(state_name(model, *c.comes_back->to))
                                                           : Json()}};
        }
        out.push_back(std::move(clock));
    }
    return out;
}

Json state_json(const Model& model, const CareState& state) {
    Json out;
    out["name"] = state.name;
    out["label"] = state.label;
    out["segment"] = state.segment;
    if (state.staff) {
        const Staffing& staff = *state.staff;
        out["places"] = "staff";
        out["staff"] = {{"fte", staff.fte},
                        {"caseload_per_fte", staff.caseload_per_fte},
                        {"attrition_per_year", staff.attrition_rate_per_day * days_per_year},
                        {"hiring_per_year", staff.hiring_per_day * days_per_year},
                        {"max_fte", staff.max_fte ? Json(*staff.max_fte) : Json()}};
    } else {
        out["places"] = state.places ? Json(*state.places) : Json("unlimited");
    }
    out["kind"] = name_of(state.kind);
    out["max_age_years"] = state.max_age_years;
    out["waitlist"] = {
        {"order", state.waitlist.order == WaitlistOrder::fifo ? "fifo" : "priority"},
        {"norm_days", state.waitlist.norm_days ? Json(*state.waitlist.norm_days) : Json()},
        {"while_waiting", waiting_clocks_json(model, state.waitlist.clocks)}};
    out["never_waits"] = state.never_waits;
    if (state.length_of_stay) out["length_of_stay"] = distribution_json(*state.length_of_stay);
    out["next"] = Json::array();
    for (const Route& route : state.next) {
        out["next"].push_back({{"to", state_name(model, route.to)},
                               {"probability", route.probability}});
    }
    out["transitions"] = Json::array();
    for (const Transition& t : state.transitions) {
        Json transition{{"to", state_name(model, t.to)}, {"type", name_of(t.type)}};
        if (t.rate_per_day) transition["rate_per_year"] = *t.rate_per_day * days_per_year;
        if (t.after) transition["after"] = distribution_json(*t.after);
        transition["severity_factor"] = t.severity_factor;
        transition["age_band_factor"] = t.age_band_factor;
        transition["guardianship_factor"] = t.guardianship_factor;
        out["transitions"].push_back(std::move(transition));
    }
    return out;
}

Json mix_json(const YouthMix& mix) {
    Json out;
    out["severity_cumulative"] = mix.severity_cumulative;
    out["guardianship_share"] = mix.guardianship_share;
    if (mix.age) {
        out["age"] = {{"from_years", mix.age->from_years},
                      {"to_years", mix.age->to_years},
                      {"cumulative", mix.age->cumulative}};
    }
    return out;
}

Json arrival_json(const Model& model, const ArrivalStream& arrival) {
    Json out;
    out["name"] = arrival.name;
    out["to_by_severity"] = Json::array();
    for (StateId to : arrival.to_by_severity) out["to_by_severity"].push_back(state_name(model, to));
    out["rate_per_day"] = arrival.rate_per_day;
    out["rate_per_year"] = arrival.rate_per_day * days_per_year;
    out["mix"] = mix_json(arrival.mix);
    out["trend_per_year"] = arrival.trend_per_year;
    out["seasonality"] = arrival.seasonality;
    return out;
}

Json resolved_json(const Model& model) {
    Json out;
    out["version"] = model.version;
    out["name"] = model.name;
    out["description"] = model.description;
    out["run"] = {{"warmup_days", model.run.warmup_days},
                  {"horizon_days", model.run.horizon_days},
                  {"replications", model.run.replications},
                  {"seed", model.run.seed}};
    out["states"] = Json::array();
    for (const CareState& state : model.states) out["states"].push_back(state_json(model, state));
    out["arrivals"] = Json::array();
    for (const ArrivalStream& a : model.arrivals) out["arrivals"].push_back(arrival_json(model, a));
    out["initial_stock"] = Json::array();
    for (const InitialStock& stock : model.initial_stock) {
        Json entry{{"state", state_name(model, stock.state)}, {"count", stock.count}};
        entry["mix"] = mix_json(stock.mix);
        if (stock.in_care_for) entry["in_care_for"] = distribution_json(*stock.in_care_for);
        out["initial_stock"].push_back(std::move(entry));
    }
    out["youth"] = {{"severity_levels", model.population.severity_levels},
                    {"age_bands", model.population.age_band_labels},
                    {"leave_age_years", model.population.leave_age_years}};
    if (model.calendar.start) {
        const Date& d = *model.calendar.start;
        out["start"] = fmt::format("{:04}-{:02}-{:02}", d.year, d.month, d.day);
    }
    if (!model.strategies.empty()) out["procurement"] = procurement_json(model);
    return out;
}

Json scenario_json(const Model& model, const RunRecord& record) {
    Json out;
    out["path"] = record.scenario_path;
    out["sha256"] = sha256_hex(record.scenario_text);
    out["name"] = model.name;
    out["description"] = model.description;
    return out;
}

const char* outcome_name(TargetOutcome outcome) {
    switch (outcome) {
        case TargetOutcome::met: return "met";
        case TargetOutcome::cap_reached: return "cap reached";
        case TargetOutcome::interrupted: return "interrupted";
    }
    throw std::logic_error("manifest: unknown target outcome");
}

Json targets_json(const TargetsRecord& record) {
    Json out;
    out["max_replications"] = record.max_replications;
    out["outcome"] = outcome_name(record.outcome);
    out["metrics"] = Json::array();
    for (const TargetRecord& t : record.targets) {
        out["metrics"].push_back({{"metric", t.metric},
                                  {"target_half_width", t.target_half_width},
                                  {"half_width", t.half_width ? Json(*t.half_width) : Json()},
                                  {"met", t.met}});
    }
    return out;
}

}  // namespace

std::string manifest_json(const Model& model, const RunRecord& record, bool partial,
                          std::uint32_t completed) {
    Json out;
    out["careflow_version"] = version_string;
    out["format_version"] = model.version;
    out["scenario"] = scenario_json(model, record);
    out["seed"] = record.options.seed;
    // What the files hold: rerunning with this many replications gives the same bytes.
    out["replications"] = partial ? completed : record.options.replications;
    out["threads"] = record.options.threads == 0 ? Json("all") : Json(record.options.threads);
    // Only under mpirun with several ranks, so a one-process manifest is the same in either build.
    if (record.options.cluster != nullptr && record.options.cluster->size() > 1) {
        out["processes"] = record.options.cluster->size();
    }
    out["command_line"] = record.command_line;
    out["wall_time_seconds"] = record.wall_seconds;
    out["partial"] = partial;
    if (partial) {
        out["replications_requested"] = record.options.replications;
        out["replications_completed"] = completed;
    }
    if (record.targets) out["targets"] = targets_json(*record.targets);
    out["resolved"] = resolved_json(model);
    // Invalid UTF-8 (say, in a command-line argument) becomes U+FFFD rather than an exception.
    return out.dump(2, ' ', false, Json::error_handler_t::replace) + "\n";
}

}  // namespace careflow::output
