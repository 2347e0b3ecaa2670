// Severity levels, age bands, age tables and youth mixes.
#include "scenario/youth_reader.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <array>
#include <cmath>
#include <set>

namespace careflow::scenario {
namespace {

constexpr double share_tolerance = 1e-6;
constexpr double oldest_age_years = 30.0;

std::string band_label(double lower, std::optional<double> next_lower) {
    if (!next_lower) return fmt::format("{}+", lower);
    return fmt::format("{}-{}", lower, *next_lower - 1.0);
}

void read_levels(const YAML::Node& node, Population& p, NodeReader& r) {
    if (!r.expect_list(node, "youth.severity_levels")) return;
    std::set<std::string> seen;
    p.severity_levels.clear();
    for (std::size_t i = 0; i < node.size(); ++i) {
        const auto name = r.text(node[i], fmt::format("youth.severity_levels[{}]", i));
        if (!name) continue;
        if (!seen.insert(*name).second) {
            r.error(node[i], fmt::format("severity level '{}' is listed twice", *name));
        }
        p.severity_levels.push_back(*name);
    }
}

void read_bands(const YAML::Node& node, Population& p, NodeReader& r) {
    if (!r.expect_list(node, "youth.age_bands")) return;
    std::vector<double> lower;
    for (std::size_t i = 0; i < node.size(); ++i) {
        const std::string path = fmt::format("youth.age_bands[{}]", i);
        const auto age = r.number(node[i], path);
        if (!age) continue;
        const bool first_is_zero = i > 0 || *age == 0.0;
        const bool rising = lower.empty() || *age > lower.back();
        if (!first_is_zero || !rising || std::trunc(*age) != *age) {
            r.error(node[i], fmt::format("{} must be whole years rising from 0, got '{}'", path,
                                         node[i].Scalar()),
                    {"hint: list the lower bound of each band, e.g. [0, 4, 12, 16]"});
            continue;
        }
        lower.push_back(*age);
    }
    p.age_band_lower_years = lower.empty() ? std::vector<double>{0.0} : lower;
    p.age_band_labels.clear();
    for (std::size_t i = 0; i < p.age_band_lower_years.size(); ++i) {
        const auto next = i + 1 < p.age_band_lower_years.size()
                              ? std::optional(p.age_band_lower_years[i + 1])
                              : std::nullopt;
        p.age_band_labels.push_back(band_label(p.age_band_lower_years[i], next));
    }
}

std::optional<AgeTable> read_age_table(const YAML::Node& node, const std::string& path,
                                       NodeReader& r, const Where<AgeTable>& where) {
    if (!r.expect_list(node, path)) return std::nullopt;
    AgeTable table;
    double total = 0.0;
    for (std::size_t i = 0; i < node.size(); ++i) {
        const YAML::Node row = node[i];
        const std::string row_path = fmt::format("{}[{}]", path, i);
        if (!row.IsSequence() || row.size() != 3) {
            r.error(row, fmt::format("{} must be [from age, to age, share], got {}", row_path,
                                     describe(row)),
                    {"hint: e.g. '- [12, 16, 0.4]' for 40 % aged 12 to 15"});
            return std::nullopt;
        }
        const auto from = r.number(row[0], row_path + "[0]");
        const auto to = r.number(row[1], row_path + "[1]");
        const auto share = r.number(row[2], row_path + "[2]");
        if (!from || !to || !share) return std::nullopt;
        if (*from < 0.0 || *to <= *from || *to > oldest_age_years || *share < 0.0) {
            r.error(row, fmt::format("{} must have 0 <= from < to <= {} and a share >= 0",
                                     row_path, oldest_age_years));
            return std::nullopt;
        }
        total += *share;
        if (where) {  // the shares must sum to 1: none can vary alone
            r.bind(row[0], row_path + "[0]", assign(item(member(where, &AgeTable::from_years), i)));
            r.bind(row[1], row_path + "[1]", assign(item(member(where, &AgeTable::to_years), i)));
        }
        table.from_years.push_back(*from);
        table.to_years.push_back(*to);
        table.cumulative.push_back(total);
    }
    if (std::abs(total - 1.0) > share_tolerance) {
        r.error(node, fmt::format("{} shares must sum to 1, got {:.10g}", path, total));
        return std::nullopt;
    }
    table.cumulative.back() = 1.0;
    return table;
}

/// Shares per severity level that must sum to 1.
std::vector<double> read_severity_mix(const YAML::Node& node, const std::string& path,
                                      const Population& p, NodeReader& r) {
    const auto shares = read_per_severity(node, path, p, 0.0, r);
    double total = 0.0;
    std::vector<double> cumulative;
    for (double share : shares) {
        if (share < 0.0 || share > 1.0) {
            r.error(node, fmt::format("{} shares must lie in [0, 1]", path));
            return {1.0};
        }
        total += share;
        cumulative.push_back(total);
    }
    if (std::abs(total - 1.0) > share_tolerance) {
        r.error(node, fmt::format("{} shares must sum to 1, got {:.10g}", path, total));
        return {1.0};
    }
    cumulative.back() = 1.0;
    return cumulative;
}

/// `{Harderwijk: 0.4, Ermelo: 0.6}`: cumulative shares in the order of youth.municipalities.
std::vector<double> read_municipality_mix(const YAML::Node& node, const std::string& path,
                                          const Population& p, NodeReader& r) {
    std::vector<double> shares(p.municipalities.size(), 0.0);
    if (!r.expect_map(node, path)) return {};
    r.check_unique_keys(node, path);
    for (const auto& entry : node) {
        const std::string name = entry.first.Scalar();
        const auto it = std::find(p.municipalities.begin(), p.municipalities.end(), name);
        if (it == p.municipalities.end()) {
            r.error(entry.first, fmt::format("unknown municipality '{}' in {}", name, path),
                    {known_names_note("municipalities", p.municipalities)});
            continue;
        }
        const auto share = r.number(entry.second, path + "." + name);
        if (share && (*share < 0.0 || *share > 1.0)) {
            r.error(entry.second, fmt::format("{}.{} must lie in [0, 1]", path, name));
        } else if (share) {
            shares[static_cast<std::size_t>(it - p.municipalities.begin())] = *share;
        }
    }
    double total = 0.0;
    for (double& share : shares) share = (total += share);
    if (shares.empty() || std::abs(total - 1.0) > share_tolerance) {
        r.error(node, fmt::format("{} shares must sum to 1, got {:.10g}", path, total));
        return {};
    }
    shares.back() = 1.0;
    return shares;
}

}  // namespace

Population read_population(const YAML::Node& node, NodeReader& r) {
    static constexpr std::array<std::string_view, 4> keys{"severity_levels", "age_bands",
                                                          "leave_age", "municipalities"};
    Population p;
    if (!r.expect_map(node, "youth")) return p;
    r.check_keys(node, "youth", keys);
    if (auto levels = NodeReader::optional(node, "severity_levels")) read_levels(*levels, p, r);
    if (auto bands = NodeReader::optional(node, "age_bands")) read_bands(*bands, p, r);
    if (auto names = NodeReader::optional(node, "municipalities")) {
        if (r.expect_list(*names, "youth.municipalities")) {
            for (std::size_t i = 0; i < names->size(); ++i) {
                const auto name = r.text((*names)[i], fmt::format("youth.municipalities[{}]", i));
                if (!name) continue;
                if (std::find(p.municipalities.begin(), p.municipalities.end(), *name) !=
                    p.municipalities.end()) {
                    r.error((*names)[i], fmt::format("municipality '{}' is listed twice", *name));
                }
                p.municipalities.push_back(*name);
            }
        }
    }
    if (auto age = NodeReader::optional(node, "leave_age")) {
        p.leave_age_years = r.positive_number(*age, "youth.leave_age").value_or(18.0);
    }
    return p;
}

YouthMix read_youth_mix(const YAML::Node& node, const std::string& path,
                        const Population& population, NodeReader& r,
                        const Where<YouthMix>& where) {
    YouthMix mix;
    // Without a severity mix, every youth has the lightest level.
    mix.severity_cumulative.assign(population.severity_levels.size(), 1.0);
    if (auto age = NodeReader::optional(node, "age")) {
        mix.age = read_age_table(*age, path + ".age", r,
                                 held(member(where, &YouthMix::age)));
    }
    if (auto severity = NodeReader::optional(node, "severity")) {
        mix.severity_cumulative = read_severity_mix(*severity, path + ".severity", population, r);
    }
    if (auto shares = NodeReader::optional(node, "municipalities")) {
        mix.municipality_cumulative = read_municipality_mix(*shares, path + ".municipalities",
                                                            population, r);
    } else if (population.municipalities.size() > 1) {
        r.error(node, fmt::format("{} needs municipalities: the share of its youths from each "
                                  "of youth.municipalities", path));
    }
    if (auto share = NodeReader::optional(node, "guardianship")) {
        const auto value = r.number(*share, path + ".guardianship");
        if (value && (*value < 0.0 || *value > 1.0)) {
            r.error(*share, fmt::format("{}.guardianship is a share and must lie in [0, 1], "
                                        "got '{}'", path, share->Scalar()));
        } else if (value) {
            mix.guardianship_share = *value;
        }
        if (where) {
            r.bind(*share, path + ".guardianship",
                   assign(member(where, &YouthMix::guardianship_share)));
        }
    }
    return mix;
}

std::vector<double> read_severity_factors(const YAML::Node& node, const std::string& path,
                                          const Population& p, NodeReader& r,
                                          const Where<std::vector<double>>& where) {
    auto factors = read_per_severity(node, path, p, 1.0, r, where);
    if (std::any_of(factors.begin(), factors.end(), [](double f) { return f < 0.0; })) {
        r.error(node, fmt::format("{} factors must be 0 or more", path));
    }
    return factors;
}

std::vector<double> read_per_severity(const YAML::Node& node, const std::string& path,
                                      const Population& p, double fill, NodeReader& r,
                                      const Where<std::vector<double>>& where) {
    std::vector<double> values(p.severity_levels.size(), fill);
    if (!r.expect_map(node, path)) return values;
    r.check_unique_keys(node, path);
    for (const auto& entry : node) {
        const std::string name = entry.first.Scalar();
        const auto it = std::find(p.severity_levels.begin(), p.severity_levels.end(), name);
        if (it == p.severity_levels.end()) {
            std::vector<std::string> notes;
            if (auto hint = suggestion(name, p.severity_levels)) notes.push_back("hint: " + *hint);
            notes.push_back(known_names_note("severity levels", p.severity_levels));
            r.error(entry.first, fmt::format("unknown severity level '{}' in {}", name, path),
                    std::move(notes));
            continue;
        }
        const auto level = static_cast<std::size_t>(it - p.severity_levels.begin());
        const auto value = r.number(entry.second, path + "." + name);
        if (value) values[level] = *value;
        if (where) r.bind(entry.second, path + "." + name, assign(item(where, level)));
    }
    return values;
}

std::vector<double> read_per_age_band(const YAML::Node& node, const std::string& path,
                                      const Population& p, NodeReader& r,
                                      const Where<std::vector<double>>& where) {
    std::vector<double> factors(p.age_band_labels.size(), 1.0);
    if (!r.expect_map(node, path)) return factors;
    r.check_unique_keys(node, path);
    for (const auto& entry : node) {
        const std::string label = entry.first.Scalar();
        const auto it = std::find(p.age_band_labels.begin(), p.age_band_labels.end(), label);
        if (it == p.age_band_labels.end()) {
            r.error(entry.first, fmt::format("unknown age band '{}' in {}", label, path),
                    {known_names_note("age bands", p.age_band_labels)});
            continue;
        }
        const auto value = r.number(entry.second, path + "." + label);
        if (value && *value < 0.0) {
            r.error(entry.second, fmt::format("{}.{} must be 0 or more", path, label));
        } else if (value) {
            factors[static_cast<std::size_t>(it - p.age_band_labels.begin())] = *value;
        }
        if (where) {
            r.bind(entry.second, path + "." + label,
                   assign(item(where, static_cast<std::size_t>(it - p.age_band_labels.begin()))));
        }
    }
    return factors;
}

}  // namespace careflow::scenario
