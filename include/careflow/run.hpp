// Running a batch of replications and the long-format metrics it yields.
#pragma once

#include <careflow/model.hpp>

#include <cstdint>
#include <string>
#include <vector>

namespace careflow {

/// Names one row of summary.csv (or costs.csv): a metric and its dimensions (empty where
/// not applicable).
struct MetricKey {
    std::string metric{};
    std::string state{};
    std::string year{};
    std::string strategy{};      ///< empty: the trajectories all price-only strategies share
    std::string provider{};
    std::string municipality{};  ///< costs.csv only; empty: the whole region

    friend bool operator==(const MetricKey&, const MetricKey&) = default;
};

struct BatchOptions {
    std::uint32_t replications = 1;
    std::uint64_t seed = 1;
    unsigned threads = 0;  ///< 0: all cores. Results do not depend on it.
};

/// Every replication's value of every metric of one table, in replication order.
struct MetricTable {
    std::vector<MetricKey> keys{};
    std::vector<std::vector<double>> values{};  ///< values[replication][key index]
};

/// What a batch measured: the summary metrics, the monthly time series (whose keys carry
/// the month, "2019-01", in MetricKey::year), and the cost cells of costs.csv (metric: the
/// component, care, admin or incentive; values in euros).
struct BatchResult {
    MetricTable metrics{};
    MetricTable timeseries{};
    MetricTable costs{};
};

/// Runs `options.replications` independent replications of `model`, on threads.
/// The result is the same whatever the thread count.
[[nodiscard]] BatchResult run_batch(const Model& model, const BatchOptions& options);

}  // namespace careflow
