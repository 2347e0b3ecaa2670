// A contract's scheme, its price (flat or by severity level) and the keys of its scheme.
#include "scenario/contract_reader.hpp"

#include <careflow/names.hpp>

#include <fmt/format.h>

#include <algorithm>
#include <array>
#include <cmath>
#include <utility>

namespace careflow::scenario {
namespace {

// In Scheme order (and the others in their enum's order, where they have one).
constexpr std::array<std::string_view, 3> unit_names{"hour", "minute", "day_part"};
constexpr std::array<std::string_view, 2> day_count_names{"first_not_last", "both"};
constexpr std::array<std::string_view, 2> month_names{"full", "pro_rata"};

constexpr std::array<std::string_view, 17> contract_keys{
    "state",  "provider",       "scheme",  "price",         "units_per_week", "unit",
    "days",   "months",         "max_duration",  "budget",  "cost_per_place", "ceiling",
    "bonus",  "level_changes",  "admin",   "behaviour",     "waiting"};

/// Keys that belong to one scheme.
constexpr std::array<std::pair<std::string_view, Scheme>, 7> scheme_keys{{
    {"units_per_week", Scheme::per_unit},
    {"unit", Scheme::per_unit},
    {"days", Scheme::day_price},
    {"months", Scheme::monthly},
    {"max_duration", Scheme::trajectory},
    {"budget", Scheme::lump_sum},
    {"cost_per_place", Scheme::lump_sum},
}};

/// Reports the keys of `node` that do not apply to `scheme`.
void check_scheme_keys(const YAML::Node& node, const std::string& path, Scheme scheme,
                       NodeReader& r) {
    for (const auto& entry : node) {
        if (!entry.first.IsScalar()) continue;
        const std::string& key = entry.first.Scalar();
        const auto owner = std::find_if(scheme_keys.begin(), scheme_keys.end(),
                                        [&](const auto& k) { return k.first == key; });
        if (owner != scheme_keys.end() && owner->second != scheme) {
            r.error(entry.first, fmt::format("'{}' applies to {} contracts only, and {} is a {} "
                                             "contract", key, name_of(owner->second), path,
                                             name_of(scheme)),
                    {fmt::format("hint: remove '{}', or change the scheme to {}", key,
                                 name_of(owner->second))});
        } else if (scheme == Scheme::lump_sum && (key == "price" || key == "ceiling")) {
            r.error(entry.first, fmt::format("'{}' does not apply to lump_sum contracts, and {} "
                                             "is one", key, path),
                    {key == "price" ? "hint: a lump sum pays its 'budget' each year, whatever "
                                      "the volume; remove 'price'"
                                    : "hint: a lump sum is a fixed yearly budget, so it has no "
                                      "ceiling; remove 'ceiling'"});
        }
    }
}

/// True if `node` is one value given as a distribution, not a map of severity levels (a
/// level named like a distribution kind, such as 'normal', keeps its meaning as a level).
bool is_one_uncertain_value(const YAML::Node& node, const Population& p) {
    if (!is_input_distribution(node)) return false;
    const std::string& key = node.begin()->first.Scalar();
    return std::find(p.severity_levels.begin(), p.severity_levels.end(), key) ==
           p.severity_levels.end();
}

/// One value for every level (a number or a distribution), or a map with one per severity
/// level, lightest first.
template <typename T, typename Read>
std::vector<T> read_by_level(const YAML::Node& node, const std::string& path,
                             const Population& p, Read read, NodeReader& r) {
    if (!node.IsMap() || is_one_uncertain_value(node, p)) {
        const auto value = read(node, path);
        return value ? std::vector<T>{*value} : std::vector<T>{};
    }
    r.check_unique_keys(node, path);
    for (const auto& entry : node) {
        const std::string level = entry.first.IsScalar() ? entry.first.Scalar() : "";
        if (std::find(p.severity_levels.begin(), p.severity_levels.end(), level) !=
            p.severity_levels.end()) {
            continue;
        }
        std::vector<std::string> notes;
        if (auto hint = suggestion(level, p.severity_levels)) notes.push_back("hint: " + *hint);
        notes.push_back(known_names_note("severity levels", p.severity_levels));
        r.error(entry.first, fmt::format("unknown severity level {} in {}",
                                         describe(entry.first), path),
                std::move(notes));
    }
    std::vector<T> values;
    std::string missing;
    for (const std::string& level : p.severity_levels) {
        const auto entry = NodeReader::optional(node, level);
        if (!entry) {
            missing += fmt::format("{}'{}'", missing.empty() ? "" : ", ", level);
            continue;
        }
        values.push_back(read(*entry, path + "." + level).value_or(T{}));
    }
    if (missing.empty()) return values;
    r.error(node, fmt::format("{} gives no value for severity level {}", path, missing),
            {"hint: write one value for all levels, or name every level of "
             "youth.severity_levels",
             known_names_note("severity levels", p.severity_levels)});
    return {};
}

std::vector<Cents> read_prices(const YAML::Node& node, const std::string& path,
                               const Population& p, NodeReader& r) {
    const auto money = [&r](const YAML::Node& n, const std::string& at) { return r.cents(n, at); };
    return read_by_level<Cents>(node, path, p, money, r);
}

/// The keys of a per_unit contract: `units_per_week` (required) and `unit`.
void read_per_unit(const YAML::Node& node, const std::string& path, const Population& p,
                   Contract& c, NodeReader& r) {
    c.unit = "hour";
    if (const auto units = NodeReader::optional(node, "units_per_week")) {
        const auto positive = [&r](const YAML::Node& n, const std::string& at) {
            return r.positive_number(n, at);
        };
        c.units_per_week_by_level =
            read_by_level<double>(*units, path + ".units_per_week", p, positive, r);
    } else {
        r.error(node, fmt::format("missing required key 'units_per_week' in {}", path),
                {"hint: a per_unit contract pays price x units for each week in care, e.g. "
                 "'units_per_week: 1.5', or one per severity level"});
    }
    if (const auto unit = NodeReader::optional(node, "unit")) {
        if (const auto i = r.choice(*unit, path + ".unit", unit_names, "unit")) {
            c.unit = std::string(unit_names[*i]);
        }
    }
}

/// The keys only one scheme has.
void read_scheme_keys(const YAML::Node& node, const std::string& path, const Population& p,
                      Contract& c, NodeReader& r) {
    switch (c.scheme) {
        case Scheme::per_unit: read_per_unit(node, path, p, c, r); break;
        case Scheme::day_price:
            if (const auto days = NodeReader::optional(node, "days")) {
                const auto i = r.choice(*days, path + ".days", day_count_names, "day rule");
                if (i) c.day_count = static_cast<DayCount>(*i);
            }
            break;
        case Scheme::monthly:
            if (const auto months = NodeReader::optional(node, "months")) {
                const auto i = r.choice(*months, path + ".months", month_names, "month rule");
                if (i) c.pro_rata = month_names[*i] == "pro_rata";
            }
            break;
        case Scheme::trajectory:
            if (const auto max = NodeReader::optional(node, "max_duration")) {
                c.max_days = r.duration_days(*max, path + ".max_duration");
            }
            break;
        case Scheme::lump_sum:
            if (const auto budget = r.required(node, "budget", path)) {
                c.budget_per_year = r.cents(*budget, path + ".budget").value_or(0);
            }
            if (const auto cost = NodeReader::optional(node, "cost_per_place")) {
                c.cost_per_place_per_year = r.cents(*cost, path + ".cost_per_place");
                if (c.cost_per_place_per_year == Cents{0}) {
                    r.error(*cost, fmt::format("{}.cost_per_place must be greater than 0, got "
                                               "'{}'", path, cost->Scalar()),
                            {"hint: the euros one place costs a year; the budget funds "
                             "budget / cost_per_place places"});
                }
            }
            break;
    }
}

}  // namespace

std::optional<Contract> read_contract_terms(const YAML::Node& node, const std::string& path,
                                            const Population& population, NodeReader& r) {
    if (!r.expect_map(node, path)) return std::nullopt;
    r.check_keys(node, path, contract_keys);
    const auto scheme_node = r.required(node, "scheme", path);
    const auto scheme =
        scheme_node ? r.choice(*scheme_node, path + ".scheme", scheme_words(), "scheme")
                    : std::nullopt;
    if (!scheme) return std::nullopt;
    Contract c;
    c.scheme = static_cast<Scheme>(*scheme);
    check_scheme_keys(node, path, c.scheme, r);
    if (c.scheme != Scheme::lump_sum) {
        if (const auto price = NodeReader::optional(node, "price")) {
            c.price_by_level = read_prices(*price, path + ".price", population, r);
        } else {
            r.error(node, fmt::format("missing required key 'price' in {}", path),
                    {fmt::format("hint: a {} contract needs a price in euros, one for all "
                                 "levels ('price: 280') or one per severity level ('price: "
                                 "{{light: 150, heavy: 300}}')", name_of(c.scheme))});
        }
        if (const auto ceiling = NodeReader::optional(node, "ceiling")) {
            c.ceiling = read_ceiling(*ceiling, path + ".ceiling", r);
        }
    }
    read_scheme_keys(node, path, population, c, r);
    if (const auto changes = NodeReader::optional(node, "level_changes")) {
        c.level_changes = read_level_changes(*changes, path + ".level_changes", r);
    }
    if (const auto bonus = NodeReader::optional(node, "bonus")) {
        read_bonus(*bonus, path + ".bonus", c, r);
    }
    if (const auto admin = NodeReader::optional(node, "admin")) {
        read_admin(*admin, path + ".admin", c, r);
    }
    if (const auto waiting = NodeReader::optional(node, "waiting")) {
        read_waiting_support(*waiting, path + ".waiting", c, r);
    }
    if (const auto behaviour = NodeReader::optional(node, "behaviour")) {
        c.behaviour = read_behaviour(*behaviour, path + ".behaviour", r);
    }
    return c;
}

namespace {

using TermBindings = std::vector<PartBinding<Contract>>;

Cents to_cents(double euros) { return static_cast<Cents>(std::llround(euros * 100.0)); }

/// Binds `key` of `map` (if given) with `set`.
void bind_key(const YAML::Node& map, std::string_view key, const std::string& path,
              PartSetter<Contract> set, TermBindings& out) {
    if (!map.IsMap()) return;
    if (auto node = NodeReader::optional(map, key)) {
        out.push_back({*node, fmt::format("{}.{}", path, key), std::move(set)});
    }
}

/// One value for every level (item 0) or one per severity level (item = the level).
template <class Field>
void bind_by_level(const YAML::Node& node, const std::string& path, const Population& p,
                   std::vector<Field> Contract::*field, Field (*convert)(double),
                   TermBindings& out) {
    const auto setter = [field, convert](std::size_t i) -> PartSetter<Contract> {
        return [field, convert, i](Contract& c, double v) { (c.*field)[i] = convert(v); };
    };
    if (!node.IsMap()) {
        out.push_back({node, path, setter(0)});
        return;
    }
    for (std::size_t level = 0; level < p.severity_levels.size(); ++level) {
        if (auto entry = NodeReader::optional(node, p.severity_levels[level])) {
            out.push_back({*entry, path + "." + p.severity_levels[level], setter(level)});
        }
    }
}

double same(double v) { return v; }

void bind_behaviour(const YAML::Node& node, const std::string& path, TermBindings& out) {
    bind_key(node, "length_of_stay", path,
             [](Contract& c, double v) { c.behaviour.length_of_stay = v; }, out);
    bind_key(node, "step_down", path, [](Contract& c, double v) { c.behaviour.step_down = v; },
             out);
    bind_key(node, "readmission", path,
             [](Contract& c, double v) { c.behaviour.readmission = v; }, out);
    bind_key(node, "upcoding", path, [](Contract& c, double v) { c.behaviour.upcoding = v; },
             out);
}

void bind_bonus(const YAML::Node& node, const std::string& path, TermBindings& out) {
    bind_key(node, "substitution", path,
             [](Contract& c, double v) { c.substitution_bonus = to_cents(v); }, out);
    bind_key(node, "outcome", path, [](Contract& c, double v) { c.outcome_bonus = to_cents(v); },
             out);
    if (!node.IsMap()) return;
    if (auto savings = NodeReader::optional(node, "shared_savings")) {
        const std::string at = path + ".shared_savings";
        bind_key(*savings, "baseline", at,
                 [](Contract& c, double v) { c.shared_savings->baseline_per_year = to_cents(v); },
                 out);
        bind_key(*savings, "share", at,
                 [](Contract& c, double v) { c.shared_savings->share = v; }, out);
    }
}

}  // namespace

std::vector<PartBinding<Contract>> contract_term_bindings(const YAML::Node& node,
                                                          const std::string& path,
                                                          const Population& p) {
    TermBindings out;
    if (!node.IsMap()) return out;
    if (auto price = NodeReader::optional(node, "price")) {
        bind_by_level<Cents>(*price, path + ".price", p, &Contract::price_by_level, to_cents, out);
    }
    if (auto units = NodeReader::optional(node, "units_per_week")) {
        bind_by_level<double>(*units, path + ".units_per_week", p,
                              &Contract::units_per_week_by_level, same, out);
    }
    bind_key(node, "max_duration", path,
             [](Contract& c, double days) { c.max_days = days; }, out);
    bind_key(node, "budget", path,
             [](Contract& c, double v) { c.budget_per_year = to_cents(v); }, out);
    bind_key(node, "cost_per_place", path,
             [](Contract& c, double v) { c.cost_per_place_per_year = to_cents(v); }, out);
    if (auto ceiling = NodeReader::optional(node, "ceiling")) {
        const std::string at = path + ".ceiling";
        bind_key(*ceiling, "per_year", at,
                 [](Contract& c, double v) { c.ceiling->per_year = to_cents(v); }, out);
        bind_key(*ceiling, "reduced_share", at,
                 [](Contract& c, double v) { c.ceiling->reduced_share = v; }, out);
    }
    if (auto bonus = NodeReader::optional(node, "bonus")) bind_bonus(*bonus, path + ".bonus", out);
    if (auto admin = NodeReader::optional(node, "admin")) {
        bind_key(*admin, "per_claim", path + ".admin",
                 [](Contract& c, double v) { c.admin_per_claim = to_cents(v); }, out);
        bind_key(*admin, "per_contract_year", path + ".admin",
                 [](Contract& c, double v) { c.admin_per_contract_year = to_cents(v); }, out);
    }
    if (auto waiting = NodeReader::optional(node, "waiting")) {
        for (const char* key : {"per_day", "per_week"}) {
            bind_key(*waiting, key, path + ".waiting",
                     [](Contract& c, double v) { c.waiting_price = to_cents(v); }, out);
        }
    }
    if (auto behaviour = NodeReader::optional(node, "behaviour")) {
        bind_behaviour(*behaviour, path + ".behaviour", out);
    }
    if (auto changes = NodeReader::optional(node, "level_changes"); changes && changes->IsSequence()) {
        for (std::size_t i = 0; i < changes->size(); ++i) {
            bind_key((*changes)[i], "after", fmt::format("{}.level_changes[{}]", path, i),
                     [i](Contract& c, double days) {
                         for (LevelChange& change : c.level_changes) {
                             if (change.given_order == i) change.after_days = days;
                         }
                         sort_level_changes(c.level_changes);
                     },
                     out);
        }
    }
    return out;
}

}  // namespace careflow::scenario
