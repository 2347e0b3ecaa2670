// A contract's optional terms: ceiling, level changes, bonuses, administration and behaviour.
#include "scenario/contract_reader.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <array>
#include <utility>

namespace careflow::scenario {
namespace {

// In CeilingRule order.
constexpr std::array<std::string_view, 2> ceiling_rule_names{"stop_admissions",
                                                             "reduced_tariff"};

constexpr NumberRange share_range{.low = 0.0, .high = 1.0, .low_open = false, .what = "a share"};
constexpr NumberRange multiplier_range{.low = 0.0, .high = 100.0, .low_open = true,
                                      .what = "a multiplier"};
constexpr NumberRange chance_range{.low = 0.0, .high = 1.0, .low_open = false,
                                   .what = "a chance"};

/// The amount under `key` of `map`, if given.
std::optional<Cents> optional_cents(const YAML::Node& map, std::string_view key,
                                    const std::string& path, NodeReader& r) {
    const auto node = NodeReader::optional(map, key);
    return node ? r.cents(*node, fmt::format("{}.{}", path, key)) : std::nullopt;
}

std::optional<SharedSavings> read_shared_savings(const YAML::Node& node, const std::string& path,
                                                 NodeReader& r) {
    static constexpr std::array<std::string_view, 2> keys{"baseline", "share"};
    if (!r.expect_map(node, path)) return std::nullopt;
    r.check_keys(node, path, keys);
    const auto baseline = r.required(node, "baseline", path);
    const auto share = r.required(node, "share", path);
    SharedSavings savings;
    if (baseline) savings.baseline_per_year = r.cents(*baseline, path + ".baseline").value_or(0);
    if (share) {
        savings.share = r.bounded_number(*share, path + ".share", share_range,
                                         {"hint: 0.5 pays the provider half of what it billed "
                                          "below the baseline"})
                            .value_or(0.0);
    }
    return savings;
}

}  // namespace

std::optional<Ceiling> read_ceiling(const YAML::Node& node, const std::string& path,
                                    NodeReader& r) {
    static constexpr std::array<std::string_view, 3> keys{"per_year", "then", "reduced_share"};
    if (!r.expect_map(node, path)) return std::nullopt;
    r.check_keys(node, path, keys);
    Ceiling ceiling;
    if (const auto per_year = r.required(node, "per_year", path)) {
        const auto amount = r.cents(*per_year, path + ".per_year");
        if (amount == Cents{0}) {
            r.error(*per_year, fmt::format("{}.per_year must be greater than 0, got '{}'", path,
                                           per_year->Scalar()),
                    {"hint: the euros the provider may bill in a year under this contract"});
        }
        ceiling.per_year = amount.value_or(0);
    }
    const auto then = NodeReader::optional(node, "then");
    if (!then) {
        r.error(node, fmt::format("missing required key 'then' in {}", path),
                {"hint: 'then: stop_admissions' (no new admissions until 1 January) or "
                 "'then: reduced_tariff' (pay reduced_share of each euro above the ceiling)"});
    }
    const auto rule = then ? r.choice(*then, path + ".then", ceiling_rule_names, "ceiling rule")
                           : std::nullopt;
    if (rule) ceiling.rule = static_cast<CeilingRule>(*rule);
    const auto share = NodeReader::optional(node, "reduced_share");
    if (rule && ceiling.rule == CeilingRule::reduced_tariff) {
        if (const auto given = r.required(node, "reduced_share", path)) {
            ceiling.reduced_share = r.bounded_number(*given, path + ".reduced_share",
                                                     share_range,
                                                     {"hint: 0.7 pays 70 % of the tariff above "
                                                      "the ceiling"})
                                        .value_or(0.0);
        }
    } else if (rule && share) {
        r.error(*share, fmt::format("'reduced_share' in {} applies with 'then: reduced_tariff' "
                                    "only", path),
                {"hint: a ceiling that stops admissions pays nothing above it; remove "
                 "'reduced_share'"});
    }
    return ceiling;
}

void sort_level_changes(std::vector<LevelChange>& changes) {
    std::sort(changes.begin(), changes.end(), [](const LevelChange& a, const LevelChange& b) {
        return std::pair(a.after_days, a.given_order) < std::pair(b.after_days, b.given_order);
    });
}

std::vector<LevelChange> read_level_changes(const YAML::Node& node, const std::string& path,
                                            NodeReader& r) {
    static constexpr std::array<std::string_view, 2> keys{"after", "by"};
    std::vector<LevelChange> changes;
    if (!r.expect_list(node, path)) return changes;
    for (std::size_t i = 0; i < node.size(); ++i) {
        const YAML::Node item = node[i];
        const std::string at = fmt::format("{}[{}]", path, i);
        if (!r.expect_map(item, at)) continue;
        r.check_keys(item, at, keys);
        LevelChange change{.given_order = static_cast<std::uint16_t>(i)};
        if (const auto after = r.required(item, "after", at)) {
            change.after_days = r.duration_days(*after, at + ".after").value_or(0.0);
        }
        if (const auto by = r.required(item, "by", at)) {
            // Drawn between -1 and 1, say, it could be 0: a change that moves nothing.
            const FixedInputs fixed(r, "a level change moves the billed level by a whole, "
                                       "non-zero number of levels");
            const auto levels = r.integer(*by, at + ".by");
            if (levels == 0 || (levels && (*levels < -100 || *levels > 100))) {
                r.error(*by, fmt::format("{}.by must be a whole number of levels other than 0, "
                                         "between -100 and 100, got '{}'", at, by->Scalar()),
                        {"hint: -1 bills one level lighter from then on, 1 one level heavier"});
            } else if (levels) {
                change.by = static_cast<int>(*levels);
            }
        }
        changes.push_back(change);
    }
    sort_level_changes(changes);
    return changes;
}

void read_bonus(const YAML::Node& node, const std::string& path, Contract& c, NodeReader& r) {
    static constexpr std::array<std::string_view, 3> keys{"substitution", "outcome",
                                                          "shared_savings"};
    if (!r.expect_map(node, path)) return;
    r.check_keys(node, path, keys);
    c.substitution_bonus = optional_cents(node, "substitution", path, r).value_or(0);
    c.outcome_bonus = optional_cents(node, "outcome", path, r).value_or(0);
    if (const auto savings = NodeReader::optional(node, "shared_savings")) {
        c.shared_savings = read_shared_savings(*savings, path + ".shared_savings", r);
    }
}

void read_waiting_support(const YAML::Node& node, const std::string& path, Contract& c,
                          NodeReader& r) {
    static constexpr std::array<std::string_view, 2> keys{"per_day", "per_week"};
    if (!r.expect_map(node, path)) return;
    r.check_keys(node, path, keys);
    const auto per_day = optional_cents(node, "per_day", path, r);
    const auto per_week = optional_cents(node, "per_week", path, r);
    const bool day_given = NodeReader::optional(node, "per_day").has_value();
    if (day_given == NodeReader::optional(node, "per_week").has_value()) {
        r.error(node, fmt::format("{} needs exactly one of 'per_day' or 'per_week'", path),
                {"hint: the price of support while a youth waits, e.g. 'waiting: {per_week: "
                 "35}'"});
        return;
    }
    c.waiting_price = day_given ? per_day.value_or(0) : per_week.value_or(0);
    c.waiting_unit_days = day_given ? 1 : 7;
}

void read_admin(const YAML::Node& node, const std::string& path, Contract& c, NodeReader& r) {
    static constexpr std::array<std::string_view, 2> keys{"per_claim", "per_contract_year"};
    if (!r.expect_map(node, path)) return;
    r.check_keys(node, path, keys);
    c.admin_per_claim = optional_cents(node, "per_claim", path, r).value_or(0);
    c.admin_per_contract_year = optional_cents(node, "per_contract_year", path, r).value_or(0);
}

Behaviour read_behaviour(const YAML::Node& node, const std::string& path, NodeReader& r) {
    static constexpr std::array<std::string_view, 4> keys{"length_of_stay", "step_down",
                                                          "upcoding", "readmission"};
    Behaviour b;
    if (!r.expect_map(node, path)) return b;
    r.check_keys(node, path, keys);
    const auto multiplier = [&](std::string_view key, double& value) {
        const auto given = NodeReader::optional(node, key);
        if (!given) return;
        value = r.bounded_number(*given, fmt::format("{}.{}", path, key), multiplier_range,
                                 {"hint: 1 changes nothing; 1.1 is 10 % more, 0.9 10 % less"})
                    .value_or(1.0);
    };
    const std::size_t inputs_before = r.uncertain_input_count();
    multiplier("length_of_stay", b.length_of_stay);
    multiplier("step_down", b.step_down);
    multiplier("readmission", b.readmission);
    b.drawn = r.uncertain_input_count() > inputs_before;
    if (const auto upcoding = NodeReader::optional(node, "upcoding")) {
        b.upcoding = r.bounded_number(*upcoding, path + ".upcoding", chance_range,
                                      {"hint: the chance a stay is billed one severity level "
                                       "above the youth's own, e.g. 0.1"})
                         .value_or(0.0);
    }
    return b;
}

}  // namespace careflow::scenario
