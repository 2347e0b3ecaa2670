// Resolving a scenario's YAML tree: top level, run settings, states, routing and arrivals.
#include "scenario/resolve.hpp"

#include "scenario/capacity_reader.hpp"
#include "scenario/distribution_reader.hpp"
#include "scenario/inflow_reader.hpp"
#include "scenario/policy_reader.hpp"
#include "scenario/provider_reader.hpp"
#include "scenario/strategy_reader.hpp"
#include "scenario/transition_reader.hpp"
#include "scenario/waitlist_reader.hpp"
#include "scenario/youth_reader.hpp"

#include <careflow/names.hpp>
#include "scenario/units.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <array>
#include <cmath>
#include <limits>
#include <map>

namespace careflow::scenario {
namespace {

constexpr double probability_tolerance = 1e-6;
constexpr int newest_version = 2;

// Keys that format version 2 added; a version 1 file using one is told to say version 2.
constexpr std::array<std::string_view, 20> version_2_keys{
    "start",        "youth",          "initial_stock", "kind",        "max_age",
    "transitions",  "age",            "severity",      "guardianship", "trend_per_year",
    "seasonality",  "in_care_for",    "count",         "state",        "never_waits",
    "policies",     "re_entry",       "municipalities", "providers",   "strategies"};

/// Resolves one scenario; holds what the passes share (the reader and the state names).
class Resolver {
public:
    Resolver(NodeReader& reader, ModelSource& source) : r_(reader), source_(source) {}

    std::optional<Model> resolve(const YAML::Node& root);

private:
    void read_version(const YAML::Node& root);
    /// In a version 1 file, reports keys of `map` that only version 2 knows.
    void check_version_1(const YAML::Node& map, const std::string& path);
    std::optional<Date> read_date(const YAML::Node& node, const std::string& path);
    void align_horizon_to_calendar(const Date& start);
    void read_run(const YAML::Node& node);
    void declare_states(const YAML::Node& list);
    void index_segments();
    /// Reads a state's keys; returns the nodes later checks point at (next, capacity).
    std::pair<YAML::Node, YAML::Node> read_state(const YAML::Node& node, CareState& state,
                                                 const Where<CareState>& where);
    void read_kind(const YAML::Node& node, const std::string& path, CareState& state);
    /// Providers, their deliveries (with "other" for the rest) and strategies, if any.
    void read_procurement(const YAML::Node& root);
    std::vector<Route> read_routes(const YAML::Node& node, const std::string& path,
                                   const Where<std::vector<Route>>& where);
    /// Looks up care states by name (not `exit`), for streams and stock.
    StateLookup care_state_lookup() {
        return [this](const YAML::Node& n, const std::string& p) { return find_state(n, p, false); };
    }
    std::optional<StateId> find_state(const YAML::Node& name, const std::string& path,
                                      bool allow_exit);
    /// `where`, or none when the reader records no bindings (then no number is bound).
    template <class Part, class Find>
    Where<Part> where_if_recording(Find find) const {
        return r_.records_bindings() ? Where<Part>(std::move(find)) : nullptr;
    }

    NodeReader& r_;
    ModelSource& source_;
    Model model_;
    std::map<std::string, StateId, std::less<>> ids_;
    std::vector<std::pair<YAML::Node, std::string>> repeated_states_;
};

std::optional<Model> Resolver::resolve(const YAML::Node& root) {
    static constexpr std::array<std::string_view, 14> keys{
        "version",  "name",          "description",   "start",    "run",     "youth",
        "states",   "arrivals",      "initial_stock", "policies", "extends", "re_entry",
        "providers", "strategies"};
    if (!r_.expect_map(root, "the scenario")) return std::nullopt;
    r_.check_keys(root, "the scenario", keys);
    read_version(root);
    check_version_1(root, "the scenario");
    if (auto name = NodeReader::optional(root, "name")) model_.name = r_.text(*name, "name").value_or("");
    if (auto text = NodeReader::optional(root, "description")) {
        model_.description = r_.text(*text, "description").value_or("");
    }
    std::optional<Date> start;
    if (auto node = NodeReader::optional(root, "start")) start = read_date(*node, "start");
    if (auto youth = NodeReader::optional(root, "youth")) {
        const FixedInputs fixed(r_, "youth sets the age bands and levels every replication "
                                    "reports by");
        model_.population = read_population(*youth, r_);
    }
    if (auto run = r_.required(root, "run", "the scenario")) read_run(*run);
    if (start) align_horizon_to_calendar(*start);
    model_.calendar = make_calendar(start, model_.run.warmup_days, model_.run.horizon_days);
    if (auto states = r_.required(root, "states", "the scenario")) {
        declare_states(*states);
        for (std::size_t i = 0; i < source_.state_nodes.size(); ++i) {
            const Where<CareState> where = where_if_recording<CareState>(
                [i](Model& m) -> CareState& { return m.states[i]; });
            auto [next, capacity] = read_state(source_.state_nodes[i], model_.states[i], where);
            source_.next_nodes.push_back(next);
            source_.capacity_nodes.push_back(capacity);
        }
        index_segments();
        for (const auto& [node, name] : repeated_states_) {
            CareState ignored{.name = name};  // still read, so all its problems are reported
            read_state(node, ignored, nullptr);
        }
    }
    if (auto arrivals = r_.required(root, "arrivals", "the scenario")) {
        if (r_.expect_list(*arrivals, "arrivals")) {
            for (std::size_t i = 0; i < arrivals->size(); ++i) {
                const std::string path = fmt::format("arrivals[{}]", i);
                check_version_1((*arrivals)[i], path);
                const std::size_t at = model_.arrivals.size();
                const Where<ArrivalStream> where = where_if_recording<ArrivalStream>(
                    [at](Model& m) -> ArrivalStream& { return m.arrivals[at]; });
                auto stream = read_arrival((*arrivals)[i], path, model_, care_state_lookup(), r_,
                                           where);
                if (stream) model_.arrivals.push_back(std::move(*stream));
            }
        }
    }
    if (auto re_entry = NodeReader::optional(root, "re_entry")) {
        model_.re_entry = read_re_entry(*re_entry, model_, care_state_lookup(), r_);
    }
    if (auto policies = NodeReader::optional(root, "policies")) {
        if (r_.expect_list(*policies, "policies")) {
            for (std::size_t i = 0; i < policies->size(); ++i) {
                const std::size_t at = model_.policies.size();
                const Where<Policy> where = where_if_recording<Policy>(
                    [at](Model& m) -> Policy& { return m.policies[at]; });
                auto policy = read_policy((*policies)[i], fmt::format("policies[{}]", i), model_,
                                          care_state_lookup(), r_, where);
                if (policy) model_.policies.push_back(std::move(*policy));
            }
        }
    }
    read_procurement(root);
    if (auto stock = NodeReader::optional(root, "initial_stock")) {
        if (r_.expect_list(*stock, "initial_stock")) {
            for (std::size_t i = 0; i < stock->size(); ++i) {
                const std::size_t at = model_.initial_stock.size();
                const Where<InitialStock> where = where_if_recording<InitialStock>(
                    [at](Model& m) -> InitialStock& { return m.initial_stock[at]; });
                auto entry = read_initial_stock((*stock)[i], fmt::format("initial_stock[{}]", i),
                                                model_, care_state_lookup(), r_, where);
                if (entry) model_.initial_stock.push_back(std::move(*entry));
            }
        }
    }
    if (r_.has_errors()) return std::nullopt;
    return std::move(model_);
}

void Resolver::read_version(const YAML::Node& root) {
    const FixedInputs fixed(r_, "the format version is one number");
    const auto node = r_.required(root, "version", "the scenario");
    if (!node) return;
    const auto version = r_.integer(*node, "version");
    if (version && (*version < 1 || *version > newest_version)) {
        r_.error(*node, fmt::format("unsupported scenario format version '{}'", node->Scalar()),
                 {fmt::format("hint: this careflow reads format versions 1 to {}",
                              newest_version)});
        model_.version = newest_version;  // check the rest as the newest format
    } else if (version) {
        model_.version = static_cast<int>(*version);
    }
}

void Resolver::check_version_1(const YAML::Node& map, const std::string& path) {
    if (model_.version != 1 || !map.IsMap()) return;
    for (const auto& entry : map) {
        const std::string key = entry.first.IsScalar() ? entry.first.Scalar() : "";
        const bool v2 = std::find(version_2_keys.begin(), version_2_keys.end(), key) !=
                        version_2_keys.end();
        const bool v2_map = key == "to" && entry.second.IsMap() && path != "the scenario";
        if (v2 || v2_map) {
            r_.error(entry.first, fmt::format("'{}' in {} is new in format version 2", key, path),
                     {"hint: write 'version: 2' at the top of the file"});
        }
    }
}

std::optional<Date> Resolver::read_date(const YAML::Node& node, const std::string& path) {
    const auto text = r_.text(node, path);
    if (!text) return std::nullopt;
    if (auto date = parse_date(*text)) return date;
    r_.error(node, fmt::format("{} must be a date written as YYYY-MM-DD, got '{}'", path, *text),
             {"hint: e.g. 'start: 2019-01-01'"});
    return std::nullopt;
}

/// "5 years" from 2019-01-01 ends on 2024-01-01, not 1826.25 days later.
void Resolver::align_horizon_to_calendar(const Date& start) {
    const auto horizon = NodeReader::optional(source_.run_node, "horizon");
    if (!horizon || !horizon->IsScalar()) return;
    if (const auto months = parse_calendar_months(horizon->Scalar())) {
        model_.run.horizon_days =
            static_cast<double>(days_since_epoch(add_months(start, *months)) -
                                days_since_epoch(start));
    }
}

void Resolver::read_run(const YAML::Node& node) {
    static constexpr std::array<std::string_view, 4> keys{"horizon", "warmup", "replications",
                                                          "seed"};
    source_.run_node = node;
    const FixedInputs fixed(r_, "the run's settings are the same for every replication");
    if (!r_.expect_map(node, "run")) return;
    r_.check_keys(node, "run", keys);
    RunSettings& run = model_.run;
    if (auto horizon = r_.required(node, "horizon", "run")) {
        run.horizon_days = r_.duration_days(*horizon, "run.horizon").value_or(0.0);
    }
    if (auto warmup = NodeReader::optional(node, "warmup")) {
        run.warmup_days = r_.duration_days(*warmup, "run.warmup", true).value_or(0.0);
    }
    if (auto reps = r_.required(node, "replications", "run")) {
        const auto n = r_.integer(*reps, "run.replications");
        if (n && (*n < 1 || *n > max_replications)) {
            r_.error(*reps, fmt::format("run.replications must be between 1 and {}, got '{}'",
                                        max_replications, reps->Scalar()));
        } else if (n) {
            run.replications = static_cast<std::uint32_t>(*n);
        }
    }
    if (auto seed = r_.required(node, "seed", "run")) {
        const auto s = r_.integer(*seed, "run.seed");  // int64: seeds up to 2^63 - 1
        if (s && *s < 0) {
            r_.error(*seed, fmt::format("run.seed must be 0 or more, got '{}'", seed->Scalar()));
        } else if (s) {
            run.seed = static_cast<std::uint64_t>(*s);
        }
    }
}

void Resolver::declare_states(const YAML::Node& list) {
    if (!r_.expect_list(list, "states")) return;
    for (std::size_t i = 0; i < list.size(); ++i) {
        const YAML::Node node = list[i];
        const std::string path = fmt::format("states[{}]", i);
        if (!r_.expect_map(node, path)) continue;
        const auto name_node = r_.required(node, "name", path);
        const auto name = name_node ? r_.text(*name_node, path + ".name") : std::nullopt;
        if (!name) continue;
        if (name->empty() || *name == "exit") {
            r_.error(*name_node, fmt::format("{}.name '{}' is reserved or empty", path, *name),
                     {"hint: 'exit' means leaving care; give the state another name"});
            continue;
        }
        if (const auto it = ids_.find(*name); it != ids_.end()) {
            const auto first = r_.where(source_.state_nodes[index(it->second)]);
            r_.error(*name_node, fmt::format("duplicate state '{}' in {}", *name, path),
                     {fmt::format("note: first defined at line {}", first.line)});
            repeated_states_.emplace_back(node, *name);
            continue;
        }
        if (model_.states.size() == max_states) {
            r_.error(node, fmt::format("{} is one state too many: at most {} states", path,
                                       max_states));
            break;
        }
        ids_.emplace(*name, make_id<StateId>(model_.states.size()));
        model_.states.push_back(CareState{.name = *name});
        source_.state_nodes.push_back(node);
    }
}

void Resolver::index_segments() {
    for (std::size_t i = 0; i < model_.states.size(); ++i) {
        CareState& state = model_.states[i];
        if (state.segment.empty()) continue;
        auto& segments = model_.segments;
        auto it = std::find(segments.begin(), segments.end(), state.segment);
        if (it == segments.end() && segments.size() == max_segments) {
            r_.error(source_.state_nodes[i], fmt::format("more than {} segments", max_segments));
            return;
        }
        if (it == segments.end()) it = segments.insert(segments.end(), state.segment);
        state.segment_index = static_cast<std::uint16_t>(it - segments.begin());
    }
}

std::pair<YAML::Node, YAML::Node> Resolver::read_state(const YAML::Node& node,
                                                      CareState& state,
                                                      const Where<CareState>& where) {
    static constexpr std::array<std::string_view, 11> keys{
        "name",           "label", "segment",     "kind",    "capacity",   "waitlist",
        "length_of_stay", "next",  "transitions", "max_age", "never_waits"};
    const std::string path = fmt::format("states.{}", state.name);
    r_.check_keys(node, path, keys);
    check_version_1(node, path);
    if (auto label = NodeReader::optional(node, "label")) {
        state.label = r_.text(*label, path + ".label").value_or("");
    }
    if (auto segment = NodeReader::optional(node, "segment")) {
        state.segment = r_.text(*segment, path + ".segment").value_or("");
    }
    const auto capacity = NodeReader::optional(node, "capacity");
    if (capacity && is_input_distribution(*capacity) &&
        r_.input_mode() == InputMode::uncertain) {
        (void)r_.integer(*capacity, path + ".capacity");  // uncertain places: now the nominal
    }
    if (capacity) read_capacity(*capacity, path + ".capacity", model_.version, state, r_, where);
    if (auto waitlist = NodeReader::optional(node, "waitlist")) {
        const bool fifo = waitlist->IsScalar() && waitlist->Scalar() == "fifo";
        if (!fifo && model_.version == 1) {
            r_.error(*waitlist, fmt::format("a map for {}.waitlist is new in format version 2",
                                            path),
                     {"hint: write 'version: 2' at the top of the file"});
        }
        const auto found = ids_.find(state.name);
        const StateId self = found == ids_.end() ? StateId::exit : found->second;
        state.waitlist = read_waitlist(*waitlist, path + ".waitlist", model_.population,
                                       care_state_lookup(), self, r_,
                                       member(where, &CareState::waitlist));
    }
    if (auto flag = NodeReader::optional(node, "never_waits")) {
        state.never_waits = r_.boolean(*flag, path + ".never_waits").value_or(false);
    }
    if (auto kind = NodeReader::optional(node, "kind")) read_kind(*kind, path + ".kind", state);
    state.max_age_years = model_.population.leave_age_years;
    if (auto age = NodeReader::optional(node, "max_age")) {
        state.max_age_years = r_.positive_number(*age, path + ".max_age").value_or(18.0);
        if (where) r_.bind(*age, path + ".max_age", assign(member(where, &CareState::max_age_years)));
    }
    const auto los = NodeReader::optional(node, "length_of_stay");
    const auto next = NodeReader::optional(node, "next");
    const auto transitions = NodeReader::optional(node, "transitions");
    if (los) {
        state.length_of_stay =
            read_distribution(*los, path + ".length_of_stay", r_,
                              held(member(where, &CareState::length_of_stay)));
    }
    if (los && !next) r_.error(node, fmt::format("missing required key 'next' in {}", path),
                               {"hint: 'next' routes youths whose length_of_stay ends"});
    if (next && !los && transitions) {
        r_.error(*next, fmt::format("{}.next needs a 'length_of_stay'", path));
    }
    if (next) {
        state.next = read_routes(*next, path + ".next",
                                 member(where, &CareState::next));
    }
    if (transitions) {
        const StateLookup any_state = [this](const YAML::Node& n, const std::string& p) {
            return find_state(n, p, true);
        };
        state.transitions = read_transitions(
            *transitions, path + ".transitions", model_.population, any_state, r_,
            member(where, &CareState::transitions));
    }
    if (!los && !transitions) {
        r_.error(node, fmt::format("missing required key 'length_of_stay' in {}", path),
                 {"hint: give a length_of_stay with next, or a list of transitions"});
    }
    return {next.value_or(transitions.value_or(node)), capacity.value_or(node)};
}

void Resolver::read_kind(const YAML::Node& node, const std::string& path, CareState& state) {
    const auto word = r_.text(node, path);
    if (!word) return;
    if (auto kind = parse_state_kind(*word)) {
        state.kind = *kind;
        return;
    }
    const auto known = state_kind_names();
    std::vector<std::string> notes;
    if (auto hint = suggestion(*word, known)) notes.push_back("hint: " + *hint);
    notes.push_back(known_names_note("kinds", known));
    r_.error(node, fmt::format("unknown kind '{}' in {}", *word, path), std::move(notes));
}

void Resolver::read_procurement(const YAML::Node& root) {
    const auto providers = NodeReader::optional(root, "providers");
    const auto strategies = NodeReader::optional(root, "strategies");
    if (!providers && !strategies) return;
    if (providers) read_providers(*providers, care_state_lookup(), model_, r_);
    add_remainder_provider(model_);
    // Contract terms may be uncertain: run_batch prices and gates each replication with the
    // contracts of its own drawn model (batch_runner.cpp).
    if (strategies) {
        model_.strategies = read_strategies(*strategies, model_, care_state_lookup(), r_);
    }
}

std::vector<Route> Resolver::read_routes(const YAML::Node& node, const std::string& path,
                                         const Where<std::vector<Route>>& where) {
    std::vector<Route> routes;
    if (!r_.expect_map(node, path)) return routes;
    r_.check_unique_keys(node, path);
    double total = 0.0;
    bool ok = true;
    for (const auto& entry : node) {
        const std::string key_path = fmt::format("{}.{}", path, entry.first.Scalar());
        const auto to = find_state(entry.first, path, true);
        const auto p = r_.number(entry.second, key_path);
        if (p && (*p < 0.0 || *p > 1.0)) {
            r_.error(entry.second, fmt::format("{} is a probability and must lie in [0, 1], "
                                               "got '{}'", key_path, entry.second.Scalar()));
            ok = false;
        }
        if (!to || !p) { ok = false; continue; }
        total += *p;
        if (*p <= 0.0) continue;  // a route never taken (and a value that cannot vary)
        if (where) {
            r_.bind(entry.second, key_path,
                    assign(member(item(where, routes.size()), &Route::probability)));
        }
        routes.push_back({*to, *p});
    }
    if (ok && std::abs(total - 1.0) > probability_tolerance) {
        r_.error(node, fmt::format("{} probabilities must sum to 1, got {:.10g}", path, total),
                 {"hint: include 'exit' for youths who leave care"});
    }
    return routes;
}

std::optional<StateId> Resolver::find_state(const YAML::Node& name, const std::string& path,
                                            bool allow_exit) {
    if (!name.IsScalar()) {
        r_.error(name, fmt::format("{} must name a state, got {}", path, describe(name)));
        return std::nullopt;
    }
    const std::string& text = name.Scalar();
    if (allow_exit && text == "exit") return StateId::exit;
    if (const auto it = ids_.find(text); it != ids_.end()) return it->second;
    std::vector<std::string> known;
    for (const auto& [known_name, id] : ids_) known.push_back(known_name);
    if (allow_exit) known.emplace_back("exit");
    std::vector<std::string> notes;
    if (auto hint = suggestion(text, known)) notes.push_back("hint: " + *hint);
    notes.push_back(known_names_note("states", known));
    r_.error(name, fmt::format("unknown state '{}' in {}", text, path), std::move(notes));
    return std::nullopt;
}

}  // namespace

std::optional<Model> resolve(const YAML::Node& root, NodeReader& reader, ModelSource& source) {
    return Resolver(reader, source).resolve(root);
}

}  // namespace careflow::scenario
