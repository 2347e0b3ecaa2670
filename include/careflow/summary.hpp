// Summaries of a metric over replications: mean, spread, 95 % interval, percentiles.
#pragma once

#include <careflow/run.hpp>

#include <cstddef>
#include <optional>
#include <span>
#include <vector>

namespace careflow {

struct Summary {
    double mean = 0.0;
    std::optional<double> sd;       ///< sample standard deviation; needs n >= 2
    std::optional<double> ci_low;   ///< 95 % Student-t interval of the mean; needs n >= 2
    std::optional<double> ci_high;
    double p05 = 0.0;  ///< percentiles of the replication values (R's type 7)
    double p50 = 0.0;
    double p95 = 0.0;
    std::size_t n = 0;
};

/// Summarises one metric's replication values (at least one value).
[[nodiscard]] Summary summarize(std::span<const double> values);

/// Summarises every metric of a table, in key order.
[[nodiscard]] std::vector<Summary> summarize(const MetricTable& table);

/// The p-quantile (0..1) of sorted values, linear interpolation as R's default (type 7).
[[nodiscard]] double quantile_sorted(std::span<const double> sorted, double p);

/// Two-sided 95 % Student-t critical value for `degrees_of_freedom`.
[[nodiscard]] double t_critical_95(std::size_t degrees_of_freedom);

}  // namespace careflow
