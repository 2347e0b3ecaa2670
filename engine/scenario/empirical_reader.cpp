// The empirical distribution: a table of durations and their probabilities.
#include "scenario/distribution_reader.hpp"

#include "model/distribution_forms.hpp"

#include <fmt/format.h>

#include <array>
#include <cmath>

namespace careflow::scenario {
namespace {

constexpr double probability_tolerance = 1e-6;

struct TableRow {
    double days = 0.0;
    double probability = 0.0;
};

std::optional<TableRow> read_row(NodeReader& r, const YAML::Node& row, const std::string& path) {
    if (!row.IsSequence() || row.size() != 2) {
        r.error(row, fmt::format("{} must be a pair [duration, probability], got {}", path,
                                 describe(row)),
                {"hint: e.g. '- [3 months, 0.25]'"});
        return std::nullopt;
    }
    const auto days = r.duration_days(row[0], path + "[0]", true);
    const auto p = r.number(row[1], path + "[1]");
    if (p && (*p < 0.0 || *p > 1.0)) {
        r.error(row[1], fmt::format("{}[1] is a probability and must lie in [0, 1], got '{}'",
                                    path, row[1].Scalar()));
        return std::nullopt;
    }
    if (!days || !p) return std::nullopt;
    return TableRow{*days, *p};
}

}  // namespace

std::optional<Distribution> read_empirical(NodeReader& r, const YAML::Node& params,
                                           std::string_view path) {
    static constexpr std::array<std::string_view, 2> keys{"table", "interpolate"};
    if (!r.expect_map(params, path)) return std::nullopt;
    r.check_keys(params, path, keys);
    Distribution d{.kind = DistributionKind::empirical, .form = DistributionForm::empirical};
    if (const auto node = NodeReader::optional(params, "interpolate")) {
        d.interpolate = r.boolean(*node, fmt::format("{}.interpolate", path)).value_or(false);
    }
    const auto table = r.required(params, "table", path);
    const std::string table_path = fmt::format("{}.table", path);
    if (!table || !r.expect_list(*table, table_path)) return std::nullopt;

    bool ok = true;
    double total = 0.0;
    for (std::size_t i = 0; i < table->size(); ++i) {
        const YAML::Node row = (*table)[i];
        const auto parsed = read_row(r, row, fmt::format("{}[{}]", table_path, i));
        if (!parsed) { ok = false; continue; }
        if (!d.values_days.empty() && parsed->days <= d.values_days.back()) {
            r.error(row[0], fmt::format("{}[{}] durations must increase down the table, got '{}'",
                                        table_path, i, row[0].Scalar()));
            ok = false;
        }
        total += parsed->probability;
        d.values_days.push_back(parsed->days);
        d.cumulative.push_back(total);
    }
    if (ok && std::abs(total - 1.0) > probability_tolerance) {
        r.error(*table, fmt::format("{} probabilities must sum to 1, got {:.10g}", table_path, total));
        ok = false;
    }
    if (!ok) return std::nullopt;
    d.cumulative.back() = 1.0;
    set_empirical_moments(d);
    if (!(d.mean_days > 0.0)) {
        r.error(*table, fmt::format("{} must have a mean longer than 0 days", table_path));
        return std::nullopt;
    }
    return d;
}

}  // namespace careflow::scenario
