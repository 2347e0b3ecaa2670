// Policies: when they are in force, and the changes they make.
#include "scenario/policy_reader.hpp"

#include <careflow/names.hpp>

#include <fmt/format.h>

#include <algorithm>
#include <array>
#include <cmath>

namespace careflow::scenario {
namespace {

using Kind = PolicyChange::Kind;

/// A duration after the window's start, as a simulation day; bound to `set_day` (which takes
/// the day).
std::optional<double> read_moment_duration(const YAML::Node& node, const std::string& path,
                                           double window_start, const ModelSetter& set_day,
                                           NodeReader& r) {
    const auto days = r.duration_days(node, path, true);
    if (set_day) {
        r.bind(node, path, [set_day, window_start](Model& m, double drawn) {
            set_day(m, window_start + drawn);
        });
    }
    return days ? std::optional(window_start + *days) : std::nullopt;
}

/// `from`/`until` as simulation days: a date (with a start date) or a duration after the
/// window's start. A duration is bound to `set_day` (a date is text, never a number).
std::optional<double> read_moment(const YAML::Node& node, const std::string& path,
                                  const Model& model, NodeReader& r, const ModelSetter& set_day) {
    const double window_start = model.run.warmup_days;
    if (is_input_distribution(node)) {  // an uncertain duration (a date cannot be drawn)
        return read_moment_duration(node, path, window_start, set_day, r);
    }
    const auto text = r.text(node, path);
    if (!text) return std::nullopt;
    if (const auto date = parse_date(*text)) {
        if (!model.calendar.start) {
            r.error(node, fmt::format("{} is a date, but the scenario has no 'start'", path),
                    {"hint: add 'start: YYYY-MM-DD', or write a duration such as '2 years'"});
            return std::nullopt;
        }
        return window_start +
               static_cast<double>(days_since_epoch(*date) - days_since_epoch(*model.calendar.start));
    }
    return read_moment_duration(node, path, window_start, set_day, r);
}

std::optional<std::uint16_t> find_stream(const YAML::Node& node, const std::string& path,
                                         const Model& model, NodeReader& r) {
    const auto name = r.text(node, path);
    if (!name) return std::nullopt;
    std::vector<std::string> known;
    for (std::size_t i = 0; i < model.arrivals.size(); ++i) {
        if (model.arrivals[i].name == *name) return static_cast<std::uint16_t>(i);
        known.push_back(model.arrivals[i].name);
    }
    known.emplace_back("all");
    r.error(node, fmt::format("unknown referral stream '{}' in {}", *name, path),
            {known_names_note("streams", known)});
    return std::nullopt;
}

/// The number a change sets or multiplies by, under `key`, checked against `[0, max]`.
std::optional<double> change_value(const YAML::Node& node, std::string_view key,
                                   const std::string& path, double max, NodeReader& r,
                                   const Where<PolicyChange>& where) {
    const auto value_node = r.required(node, key, path);
    if (!value_node) return std::nullopt;
    const auto value = r.number(*value_node, fmt::format("{}.{}", path, key));
    if (where) {
        r.bind(*value_node, fmt::format("{}.{}", path, key),
               assign(member(where, &PolicyChange::value)));
    }
    if (value && (*value < 0.0 || *value > max)) {
        r.error(*value_node, fmt::format("{}.{} must lie between 0 and {}, got '{}'", path, key,
                                         max, value_node->Scalar()));
        return std::nullopt;
    }
    return value;
}

std::optional<PolicyChange> read_change(const YAML::Node& node, const std::string& path,
                                        const Model& model, const StateLookup& lookup,
                                        NodeReader& r, const Where<PolicyChange>& where) {
    static constexpr std::array<std::string_view, 10> keys{
        "places", "staff", "rates", "inflow", "redirect", "to", "type", "factor", "fte", "share"};
    if (!r.expect_map(node, path)) return std::nullopt;
    r.check_keys(node, path, keys);
    PolicyChange change;
    std::optional<double> value;
    const auto kinds = std::count_if(keys.begin(), keys.begin() + 5, [&](std::string_view key) {
        return NodeReader::optional(node, key).has_value();
    });
    if (kinds > 1) {
        r.error(node, fmt::format("{} names more than one change; give each its own entry", path),
                {"hint: one of places, staff, rates, inflow or redirect per change"});
        return std::nullopt;
    }
    if (auto state = NodeReader::optional(node, "places")) {
        change.kind = Kind::places;
        const auto id = lookup(*state, path + ".places");
        if (auto to = NodeReader::optional(node, "to"); to && is_input_distribution(*to)) {
            (void)r.integer(*to, path + ".to");  // drawn places are whole: now the nominal
        }
        value = change_value(node, "to", path, 1e7, r, where);
        if (value && std::trunc(*value) != *value) {
            r.error(node, fmt::format("{}.to must be a whole number of places", path));
            return std::nullopt;
        }
        if (!id) return std::nullopt;
        change.state = *id;
    } else if (auto staffed = NodeReader::optional(node, "staff")) {
        change.kind = Kind::staff;
        const auto id = lookup(*staffed, path + ".staff");
        value = change_value(node, "fte", path, 1e6, r, where);
        if (!id) return std::nullopt;
        if (!model.state(*id).staff) {
            r.error(*staffed, fmt::format("{}.staff: state '{}' has no staff in its capacity",
                                          path, model.state(*id).name));
            return std::nullopt;
        }
        change.state = *id;
    } else if (auto rates = NodeReader::optional(node, "rates")) {
        change.kind = Kind::rates;
        const auto id = lookup(*rates, path + ".rates");
        value = change_value(node, "factor", path, 1e3, r, where);
        if (auto type = NodeReader::optional(node, "type")) {
            const auto word = r.text(*type, path + ".type");
            change.type = word ? parse_transition_type(*word) : std::nullopt;
            if (word && !change.type) {
                r.error(*type, fmt::format("unknown transition type '{}' in {}.type", *word, path),
                        {known_names_note("types", transition_type_names())});
            }
        }
        if (!id) return std::nullopt;
        change.state = *id;
    } else if (auto stream = NodeReader::optional(node, "inflow")) {
        change.kind = Kind::inflow;
        value = change_value(node, "factor", path, 1e3, r, where);
        if (!(stream->IsScalar() && stream->Scalar() == "all")) {
            change.stream = find_stream(*stream, path + ".inflow", model, r);
            if (!change.stream) return std::nullopt;
        }
    } else if (auto from = NodeReader::optional(node, "redirect")) {
        change.kind = Kind::redirect;
        const auto id = lookup(*from, path + ".redirect");
        const auto to_node = r.required(node, "to", path);
        const auto to = to_node ? lookup(*to_node, path + ".to") : std::nullopt;
        value = change_value(node, "share", path, 1.0, r, where);
        if (!id || !to) return std::nullopt;
        change.state = *id;
        change.to = *to;
    } else {
        r.error(node, fmt::format("{} must name what it changes: places, staff, rates, inflow or "
                                  "redirect", path),
                {"hint: e.g. '{rates: residential, type: escalation, factor: 0.8}'"});
        return std::nullopt;
    }
    if (!value) return std::nullopt;
    change.value = *value;
    return change;
}

}  // namespace

std::optional<Policy> read_policy(const YAML::Node& node, const std::string& path,
                                  const Model& model, const StateLookup& lookup, NodeReader& r,
                                  const Where<Policy>& where) {
    static constexpr std::array<std::string_view, 4> keys{"name", "from", "until", "changes"};
    if (!r.expect_map(node, path)) return std::nullopt;
    r.check_keys(node, path, keys);
    Policy policy;
    if (auto name = NodeReader::optional(node, "name")) {
        policy.name = r.text(*name, path + ".name").value_or("");
    }
    const auto from_node = r.required(node, "from", path);
    const ModelSetter set_from = assign(member(where, &Policy::from_days),
                                        [](double day) { return std::max(0.0, day); });
    const auto from =
        from_node ? read_moment(*from_node, path + ".from", model, r, set_from) : std::nullopt;
    if (auto until_node = NodeReader::optional(node, "until")) {
        const ModelSetter set_until = assign(member(where, &Policy::until_days),
                                             [](double day) { return std::optional(day); });
        policy.until_days = read_moment(*until_node, path + ".until", model, r, set_until);
        if (from && policy.until_days && *policy.until_days <= *from) {
            r.error(*until_node, fmt::format("{}.until must come after from", path));
        }
    }
    const auto changes = r.required(node, "changes", path);
    if (!changes || !r.expect_list(*changes, path + ".changes")) return std::nullopt;
    bool ok = from.has_value();
    for (std::size_t i = 0; i < changes->size(); ++i) {
        auto change = read_change((*changes)[i], fmt::format("{}.changes[{}]", path, i), model,
                                  lookup, r,
                                  item(member(where, &Policy::changes), policy.changes.size()));
        ok = ok && change.has_value();
        if (change) policy.changes.push_back(*change);
    }
    if (!ok) return std::nullopt;
    policy.from_days = std::max(0.0, *from);
    if (policy.name.empty()) policy.name = path;
    return policy;
}

}  // namespace careflow::scenario
