// Paired comparison of two scenarios' replications: the mean difference with its paired
// t interval and percentiles, beside Welch's interval for the same data taken as unpaired.
#include <careflow/compare.hpp>
#include <careflow/summary.hpp>

#include <boost/math/distributions/students_t.hpp>

#include <algorithm>
#include <cmath>
#include <limits>
#include <map>
#include <stdexcept>
#include <string_view>
#include <tuple>

namespace careflow {
namespace {

/// The replications where both values are defined, and their differences.
struct Pairs {
    std::vector<double> base;
    std::vector<double> variant;
    std::vector<double> diff;
};

Pairs defined_pairs(std::span<const double> base, std::span<const double> variant) {
    Pairs out;
    for (std::size_t r = 0; r < base.size(); ++r) {
        // Pairwise deletion: a replication undefined on either side says nothing about the
        // difference, and keeping its other half would unpair the samples.
        if (!std::isfinite(base[r]) || !std::isfinite(variant[r])) continue;
        out.base.push_back(base[r]);
        out.variant.push_back(variant[r]);
        out.diff.push_back(variant[r] - base[r]);
    }
    return out;
}

// Summed in replication order, so results do not depend on the thread count.
double mean_of(const std::vector<double>& values) {
    double sum = 0.0;
    for (double v : values) sum += v;
    return sum / static_cast<double>(values.size());
}

double variance_of(const std::vector<double>& values, double mean) {
    double squares = 0.0;
    for (double v : values) squares += (v - mean) * (v - mean);
    return squares / static_cast<double>(values.size() - 1);
}

void set_percentiles(PairedDifference& out, std::vector<double> diff) {
    std::sort(diff.begin(), diff.end());
    out.diff_p05 = quantile_sorted(diff, 0.05);
    out.diff_p50 = quantile_sorted(diff, 0.50);
    out.diff_p95 = quantile_sorted(diff, 0.95);
}

void set_intervals(PairedDifference& out, const Pairs& pairs) {
    const double n = static_cast<double>(out.n);
    const double paired_half = t_critical_95(out.n - 1) *
                               std::sqrt(variance_of(pairs.diff, out.diff_mean) / n);
    out.diff_ci_low = out.diff_mean - paired_half;
    out.diff_ci_high = out.diff_mean + paired_half;

    const double base_variance = variance_of(pairs.base, out.base_mean);
    const double variant_variance = variance_of(pairs.variant, out.variant_mean);
    const auto df = welch_degrees_of_freedom(base_variance, out.n, variant_variance, out.n);
    // Both samples constant: the difference of the means is known exactly.
    const double unpaired_half =
        df ? t_critical_95_real(*df) * std::sqrt(base_variance / n + variant_variance / n) : 0.0;
    // Centred on diff_mean, which equals variant_mean − base_mean up to rounding, so the
    // two intervals differ only in width.
    out.unpaired_ci_low = out.diff_mean - unpaired_half;
    out.unpaired_ci_high = out.diff_mean + unpaired_half;
}

std::vector<double> column(const MetricTable& table, std::size_t key) {
    std::vector<double> out(table.values.size());
    for (std::size_t r = 0; r < out.size(); ++r) out[r] = table.values[r][key];
    return out;
}

using KeyView = std::tuple<std::string_view, std::string_view, std::string_view,
                           std::string_view, std::string_view>;

KeyView key_view(const MetricKey& key) {
    return {key.metric, key.state, key.year, key.strategy, key.provider};
}

}  // namespace

double t_critical_95_real(double degrees_of_freedom) {
    if (!(degrees_of_freedom > 0.0)) {
        throw std::invalid_argument("t_critical_95_real: degrees of freedom must be > 0");
    }
    // Boost's Student t takes real degrees of freedom as they are (no rounding), as R's
    // qt() and t.test(var.equal = FALSE) do.
    const boost::math::students_t t(degrees_of_freedom);
    return boost::math::quantile(boost::math::complement(t, 0.025));
}

std::optional<double> welch_degrees_of_freedom(double base_variance, std::size_t base_n,
                                               double variant_variance, std::size_t variant_n) {
    if (base_n < 2 || variant_n < 2) {
        throw std::invalid_argument("welch_degrees_of_freedom: needs two values per sample");
    }
    double a = base_variance / static_cast<double>(base_n);
    double b = variant_variance / static_cast<double>(variant_n);
    const double larger = std::max(a, b);
    if (larger == 0.0) return std::nullopt;
    // The ratio is scale-free: scaled to the larger term, squares of tiny variances (a metric
    // constant but for rounding) cannot underflow to 0 / 0.
    a /= larger;
    b /= larger;
    return (a + b) * (a + b) /
           (a * a / static_cast<double>(base_n - 1) + b * b / static_cast<double>(variant_n - 1));
}

PairedDifference paired_difference(std::span<const double> base,
                                   std::span<const double> variant) {
    if (base.size() != variant.size()) {
        throw std::invalid_argument("paired_difference: base and variant differ in length");
    }
    const Pairs pairs = defined_pairs(base, variant);
    PairedDifference out;
    out.n = pairs.diff.size();
    if (out.n == 0) {
        const double nan = std::numeric_limits<double>::quiet_NaN();
        out.base_mean = out.variant_mean = out.diff_mean = nan;
        out.diff_p05 = out.diff_p50 = out.diff_p95 = nan;
        return out;
    }
    out.base_mean = mean_of(pairs.base);
    out.variant_mean = mean_of(pairs.variant);
    out.diff_mean = mean_of(pairs.diff);
    set_percentiles(out, pairs.diff);
    if (out.n >= 2) set_intervals(out, pairs);
    return out;
}

std::vector<ComparedMetric> compare_tables(const MetricTable& base, const MetricTable& variant) {
    if (base.values.size() != variant.values.size()) {
        throw std::invalid_argument("compare_tables: base and variant differ in replications");
    }
    std::map<KeyView, std::size_t> variant_index;
    for (std::size_t k = 0; k < variant.keys.size(); ++k) {
        variant_index.emplace(key_view(variant.keys[k]), k);
    }
    std::vector<ComparedMetric> out;
    out.reserve(base.keys.size());
    for (std::size_t k = 0; k < base.keys.size(); ++k) {
        const auto match = variant_index.find(key_view(base.keys[k]));
        if (match == variant_index.end()) continue;
        out.push_back({base.keys[k],
                       paired_difference(column(base, k), column(variant, match->second))});
    }
    return out;
}

}  // namespace careflow
