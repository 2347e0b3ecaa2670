// Formatting the compare table: the headline rows of comparison.csv, readable at a glance.
#include "compare_table.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <array>
#include <cmath>
#include <string_view>

namespace careflow::cli {
namespace {

constexpr std::array<std::string_view, 6> yearly_region_metrics{
    "clients",           "out_of_home_admissions", "out_of_home_entries",
    "crisis_admissions", "waiting_deteriorations", "waiting_escalations"};
/// Shown only where base or variant has some: a scenario without waiting clocks has none.
constexpr std::array<std::string_view, 4> waiting_metrics{
    "out_of_home_entries", "waiting_deteriorations", "waiting_escalations", "cost_of_waiting"};
constexpr std::array<std::string_view, 2> money_metrics{"cost_total", "cost_of_waiting"};
constexpr std::array<std::string_view, 2> window_state_metrics{"in_care_mean",
                                                               "wait_days_mean"};

bool is_one_of(const std::string& metric, std::span<const std::string_view> names) {
    return std::find(names.begin(), names.end(), metric) != names.end();
}

// Flow metrics of flow-changing strategies (strategy set) are left to the CSV: the table
// shows the trajectories shared by every price-only strategy, and each strategy's cost.
bool is_yearly_headline(const ComparedMetric& row) {
    const MetricKey& key = row.key;
    if (key.year.empty() || !key.provider.empty() || !key.state.empty()) return false;
    if (is_one_of(key.metric, waiting_metrics) && row.difference.base_mean == 0.0 &&
        row.difference.variant_mean == 0.0) {
        return false;
    }
    if (is_one_of(key.metric, money_metrics)) return true;
    return is_one_of(key.metric, yearly_region_metrics) && key.strategy.empty();
}

bool is_window_headline(const MetricKey& key) {
    return is_one_of(key.metric, window_state_metrics) && key.year.empty() &&
           key.strategy.empty() && !key.state.empty();
}

/// How a metric is shown: costs in EUR million, counts and days with one or two decimals.
struct Scale {
    double factor = 1.0;
    int decimals = 2;
};

Scale scale_of(const ComparedMetric& row) {
    if (is_one_of(row.key.metric, money_metrics)) return {1e-6, 3};
    const PairedDifference& d = row.difference;
    const double magnitude = std::max(std::fabs(d.base_mean), std::fabs(d.variant_mean));
    return {1.0, magnitude >= 100.0 ? 1 : 2};
}

std::string number(double value, Scale scale) {
    return fmt::format("{:.{}f}", value * scale.factor, scale.decimals);
}

std::string half_width(const std::optional<double>& high, double centre, Scale scale) {
    return high ? "± " + number(*high - centre, scale) : "-";
}

bool excludes_zero(const PairedDifference& d) {
    return d.diff_ci_low && d.diff_ci_high && (*d.diff_ci_low > 0.0 || *d.diff_ci_high < 0.0);
}

std::string row_text(const ComparedMetric& row, const std::string& where) {
    const PairedDifference& d = row.difference;
    const std::string metric = is_one_of(row.key.metric, money_metrics)
                                   ? row.key.metric + " (EUR mln)"
                                   : row.key.metric;
    if (d.n == 0) {
        return fmt::format("{:<25} {:<25} {:>11} {:>11} {:>20} {:>10}\n", metric, where, "-",
                           "-", "-", "-");
    }
    const Scale scale = scale_of(row);
    const std::string paired = number(d.diff_mean, scale) + " " +
                               half_width(d.diff_ci_high, d.diff_mean, scale);
    return fmt::format("{:<25} {:<25} {:>11} {:>11} {:>20} {:>10}{}\n", metric, where,
                       number(d.base_mean, scale), number(d.variant_mean, scale), paired,
                       half_width(d.unpaired_ci_high, d.diff_mean, scale),
                       excludes_zero(d) ? " *" : "");
}

std::string yearly_where(const MetricKey& key) {
    return key.strategy.empty() ? key.year : key.year + " " + key.strategy;
}

}  // namespace

std::string compare_table(const std::string& base_name, const VariantComparison& variant,
                          const BatchOptions& options) {
    std::string out = fmt::format(
        "{} against {}: {} replications each, seed {}, the same random numbers for both\n"
        "difference: variant − base ± 95 % paired half-width; unpaired: the half-width without "
        "pairing (Welch)\n* the paired interval excludes 0\n\n",
        variant.label, base_name, options.replications, options.seed);
    out += fmt::format("{:<25} {:<25} {:>11} {:>11} {:>20} {:>10}\n", "metric",
                       "year / state", "base", "variant", "difference", "unpaired");
    for (const ComparedMetric& row : variant.metrics) {
        if (is_yearly_headline(row)) out += row_text(row, yearly_where(row.key));
    }
    out += "\n";
    for (const ComparedMetric& row : variant.metrics) {
        if (is_window_headline(row.key)) out += row_text(row, row.key.state);
    }
    return out + "\n";
}

}  // namespace careflow::cli
