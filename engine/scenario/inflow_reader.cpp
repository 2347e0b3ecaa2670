// Referral streams (destination by severity, trend, seasonality) and initial stock.
#include "scenario/inflow_reader.hpp"

#include "scenario/distribution_reader.hpp"
#include "scenario/units.hpp"
#include "scenario/youth_reader.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <array>

namespace careflow::scenario {
namespace {

constexpr std::size_t months_per_year = 12;

/// `to: ambulatory`, or by severity: `to: {light: local_team, severe: residential}` (every
/// level named).
std::vector<StateId> read_destination(const YAML::Node& node, const std::string& path,
                                      const Population& p, const StateLookup& lookup,
                                      NodeReader& r) {
    if (!node.IsMap()) {
        const auto to = lookup(node, path);
        return to ? std::vector<StateId>(p.severity_levels.size(), *to) : std::vector<StateId>{};
    }
    r.check_unique_keys(node, path);
    for (const auto& entry : node) {
        const std::string level = entry.first.Scalar();
        if (std::find(p.severity_levels.begin(), p.severity_levels.end(), level) ==
            p.severity_levels.end()) {
            r.error(entry.first, fmt::format("unknown severity level '{}' in {}", level, path),
                    {known_names_note("severity levels", p.severity_levels)});
        }
    }
    std::vector<StateId> to(p.severity_levels.size(), StateId::exit);
    std::vector<bool> given(p.severity_levels.size(), false);
    bool ok = true;
    for (std::size_t level = 0; level < p.severity_levels.size(); ++level) {
        const auto entry = NodeReader::optional(node, p.severity_levels[level]);
        if (!entry) {
            r.error(node, fmt::format("{} must name a state for severity level '{}'", path,
                                      p.severity_levels[level]));
            ok = false;
            continue;
        }
        const auto state = lookup(*entry, path + "." + p.severity_levels[level]);
        ok = ok && state.has_value();
        if (state) to[level] = *state;
    }
    return ok ? to : std::vector<StateId>{};
}

std::vector<double> read_seasonality(const YAML::Node& node, const std::string& path,
                                     NodeReader& r) {
    if (!node.IsSequence() || node.size() != months_per_year) {
        r.error(node, fmt::format("{} must list 12 monthly multipliers, January first, got {}",
                                  path, describe(node)),
                {"hint: e.g. [1, 1, 1, 1, 1, 1.3, 1, 1, 1, 1, 1.3, 1] for June and "
                 "November peaks"});
        return {};
    }
    std::vector<double> factors;
    for (std::size_t m = 0; m < months_per_year; ++m) {
        const auto f = r.number(node[m], fmt::format("{}[{}]", path, m));
        if (f && *f < 0.0) r.error(node[m], fmt::format("{}[{}] must be 0 or more", path, m));
        factors.push_back(f.value_or(1.0));
    }
    return factors;
}

}  // namespace

std::optional<ArrivalStream> read_arrival(const YAML::Node& node, const std::string& path,
                                          const Model& model, const StateLookup& lookup,
                                          NodeReader& r, const Where<ArrivalStream>& where) {
    static constexpr std::array<std::string_view, 9> keys{
        "name",         "to",             "per_year",    "age",           "severity",
        "guardianship", "trend_per_year", "seasonality", "municipalities"};
    if (!r.expect_map(node, path)) return std::nullopt;
    r.check_keys(node, path, keys);
    ArrivalStream stream;
    if (auto name = NodeReader::optional(node, "name")) {
        stream.name = r.text(*name, path + ".name").value_or("");
    }
    const auto rate_node = r.required(node, "per_year", path);
    const auto per_year = rate_node ? r.positive_number(*rate_node, path + ".per_year")
                                    : std::nullopt;
    if (auto to = r.required(node, "to", path)) {
        stream.to_by_severity = read_destination(*to, path + ".to", model.population, lookup, r);
    }
    stream.mix = read_youth_mix(node, path, model.population, r,
                                member(where, &ArrivalStream::mix));
    if (auto trend = NodeReader::optional(node, "trend_per_year")) {
        const auto value = r.number(*trend, path + ".trend_per_year");
        if (value && *value <= -1.0) {
            r.error(*trend, fmt::format("{}.trend_per_year must be above -1 (-100 %)", path));
        }
        stream.trend_per_year = value.value_or(0.0);
        if (where) {
            r.bind(*trend, path + ".trend_per_year",
                   assign(member(where, &ArrivalStream::trend_per_year)));
        }
    }
    if (auto season = NodeReader::optional(node, "seasonality")) {
        stream.seasonality = read_seasonality(*season, path + ".seasonality", r);
        for (std::size_t m = 0; where && m < stream.seasonality.size(); ++m) {
            r.bind((*season)[m], fmt::format("{}.seasonality[{}]", path, m),
                   assign(item(member(where, &ArrivalStream::seasonality), m)));
        }
    }
    if (rate_node && where) {
        r.bind(*rate_node, path + ".per_year", assign(member(where, &ArrivalStream::rate_per_day),
                                                      per_day_from_per_year));
    }
    if (!per_year || stream.to_by_severity.empty()) return std::nullopt;
    stream.rate_per_day = per_day_from_per_year(*per_year);
    if (stream.name.empty()) stream.name = model.state(stream.to_by_severity.front()).name;
    return stream;
}

std::optional<ReEntry> read_re_entry(const YAML::Node& node, const Model& model,
                                     const StateLookup& lookup, NodeReader& r) {
    static constexpr std::array<std::string_view, 3> keys{"share", "within", "to"};
    if (!r.expect_map(node, "re_entry")) return std::nullopt;
    r.check_keys(node, "re_entry", keys);
    ReEntry re_entry;
    const auto share_node = r.required(node, "share", "re_entry");
    const auto share = share_node ? r.number(*share_node, "re_entry.share") : std::nullopt;
    if (share && (*share < 0.0 || *share > 1.0)) {
        r.error(*share_node, fmt::format("re_entry.share is a share and must lie in [0, 1], got "
                                         "'{}'", share_node->Scalar()));
        return std::nullopt;
    }
    const auto within_node = r.required(node, "within", "re_entry");
    const auto within = within_node ? r.duration_days(*within_node, "re_entry.within")
                                    : std::nullopt;
    if (auto to = r.required(node, "to", "re_entry")) {
        re_entry.to_by_severity = read_destination(*to, "re_entry.to", model.population, lookup, r);
    }
    if (!share || !within || re_entry.to_by_severity.empty()) return std::nullopt;
    re_entry.share = *share;
    re_entry.within_days = *within;
    const Where<ReEntry> where = [](Model& m) -> ReEntry& { return *m.re_entry; };
    r.bind(*share_node, "re_entry.share", assign(member(where, &ReEntry::share)));
    r.bind(*within_node, "re_entry.within", assign(member(where, &ReEntry::within_days)));
    return re_entry;
}

std::optional<InitialStock> read_initial_stock(const YAML::Node& node, const std::string& path,
                                               const Model& model, const StateLookup& lookup,
                                               NodeReader& r, const Where<InitialStock>& where) {
    static constexpr std::array<std::string_view, 7> keys{
        "state", "count", "age", "severity", "guardianship", "in_care_for", "municipalities"};
    if (!r.expect_map(node, path)) return std::nullopt;
    r.check_keys(node, path, keys);
    InitialStock stock;
    const auto state_node = r.required(node, "state", path);
    const auto state = state_node ? lookup(*state_node, path + ".state") : std::nullopt;
    bool count_ok = false;
    if (const auto count_node = r.required(node, "count", path)) {
        const auto count = r.integer(*count_node, path + ".count");
        count_ok = count && *count >= 0 && *count <= 10'000'000;
        if (count && !count_ok) {
            r.error(*count_node, fmt::format("{}.count must be between 0 and 10000000, got '{}'",
                                             path, count_node->Scalar()));
        }
        if (count_ok) stock.count = static_cast<std::uint32_t>(*count);
        if (where) {
            r.bind(*count_node, path + ".count",
                   assign(member(where, &InitialStock::count), whole_number<std::uint32_t>));
        }
    }
    stock.mix = read_youth_mix(node, path, model.population, r,
                               member(where, &InitialStock::mix));
    if (auto spent = NodeReader::optional(node, "in_care_for")) {
        stock.in_care_for =
            read_distribution(*spent, path + ".in_care_for", r,
                              held(member(where, &InitialStock::in_care_for)));
    }
    if (!state || !count_ok) return std::nullopt;
    stock.state = *state;
    return stock;
}

}  // namespace careflow::scenario
