// Competing transitions: destination, type, an exponential rate or a duration, and factors.
#include "scenario/transition_reader.hpp"

#include <careflow/names.hpp>

#include "scenario/distribution_reader.hpp"
#include "scenario/units.hpp"
#include "scenario/youth_reader.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <array>

namespace careflow::scenario {
namespace {

std::optional<TransitionType> read_type(const YAML::Node& node, const std::string& path,
                                        NodeReader& r) {
    const auto word = r.text(node, path);
    if (!word) return std::nullopt;
    if (auto type = parse_transition_type(*word)) return type;
    r.error(node, fmt::format("unknown transition type '{}' in {}", *word, path),
            {known_names_note("types", transition_type_names())});
    return std::nullopt;
}

/// Either `per_year` (an exponential clock) or `after` (a distribution), never both.
bool read_clock(const YAML::Node& node, const std::string& path, Transition& t, NodeReader& r,
                const Where<Transition>& where) {
    const auto rate = NodeReader::optional(node, "per_year");
    const auto after = NodeReader::optional(node, "after");
    if (rate.has_value() == after.has_value()) {
        r.error(node, fmt::format("{} needs exactly one of 'per_year' (a rate) or 'after' (a "
                                  "duration distribution)", path));
        return false;
    }
    if (rate) {
        const auto per_year = r.positive_number(*rate, path + ".per_year");
        if (per_year) t.rate_per_day = per_day_from_per_year(*per_year);
        if (where) {
            r.bind(*rate, path + ".per_year",
                   assign(member(where, &Transition::rate_per_day),
                          [](double v) { return std::optional(per_day_from_per_year(v)); }));
        }
        return per_year.has_value();
    }
    t.after = read_distribution(*after, path + ".after", r,
                                held(member(where, &Transition::after)));
    return t.after.has_value();
}

std::optional<Transition> read_one(const YAML::Node& node, const std::string& path,
                                   const Population& p, const StateLookup& lookup,
                                   NodeReader& r, const Where<Transition>& where) {
    static constexpr std::array<std::string_view, 7> keys{
        "to", "type", "per_year", "after", "by_severity", "by_age_band", "guardianship"};
    if (!r.expect_map(node, path)) return std::nullopt;
    r.check_keys(node, path, keys);
    Transition t;
    const auto to_node = r.required(node, "to", path);
    const auto to = to_node ? lookup(*to_node, path + ".to") : std::nullopt;
    const auto type_node = r.required(node, "type", path);
    const auto type = type_node ? read_type(*type_node, path + ".type", r) : std::nullopt;
    const bool clock_ok = read_clock(node, path, t, r, where);
    t.severity_factor.assign(p.severity_levels.size(), 1.0);
    t.age_band_factor.assign(p.age_band_labels.size(), 1.0);
    if (auto factors = NodeReader::optional(node, "by_severity")) {
        t.severity_factor = read_severity_factors(
            *factors, path + ".by_severity", p, r,
            member(where, &Transition::severity_factor));
    }
    if (auto factors = NodeReader::optional(node, "by_age_band")) {
        if (t.after) {
            r.error(*factors, fmt::format("{}.by_age_band needs a rate ('per_year'), not "
                                          "'after'", path));
        }
        t.age_band_factor = read_per_age_band(
            *factors, path + ".by_age_band", p, r,
            member(where, &Transition::age_band_factor));
    }
    if (auto factor = NodeReader::optional(node, "guardianship")) {
        t.guardianship_factor = r.number(*factor, path + ".guardianship").value_or(1.0);
        if (where) {
            r.bind(*factor, path + ".guardianship",
                   assign(member(where, &Transition::guardianship_factor)));
        }
        if (t.guardianship_factor < 0.0) {
            r.error(*factor, fmt::format("{}.guardianship must be 0 or more, got '{}'", path,
                                         factor->Scalar()));
        }
    }
    if (!to || !type || !clock_ok) return std::nullopt;
    t.to = *to;
    t.type = *type;
    return t;
}

}  // namespace

std::vector<Transition> read_transitions(const YAML::Node& node, const std::string& path,
                                         const Population& population, const StateLookup& lookup,
                                         NodeReader& r,
                                         const Where<std::vector<Transition>>& where) {
    std::vector<Transition> out;
    if (!r.expect_list(node, path)) return out;
    for (std::size_t i = 0; i < node.size(); ++i) {
        auto t = read_one(node[i], fmt::format("{}[{}]", path, i), population, lookup, r,
                          item(where, out.size()));
        if (t) out.push_back(std::move(*t));
    }
    return out;
}

}  // namespace careflow::scenario
