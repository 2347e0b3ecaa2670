// Running a batch of replications and the long-format metrics it yields.
#pragma once

#include <careflow/model.hpp>

#include <atomic>
#include <cstdint>
#include <functional>
#include <stdexcept>
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

class Cluster;
class InputUncertainty;

/// A replication that could not go on (a limit of the kernel, memory). Its message names the
/// replication (numbered from 1, as in replications.csv), the strategy simulated, the simulated
/// day and month, and what the kernel was doing: "replication 12, day 431.5 (2020-03), a youth
/// leaving 'residential', admitted on day 300.2: ...".
class ReplicationError : public std::runtime_error {
public:
    using std::runtime_error::runtime_error;
};

struct BatchOptions {
    std::uint32_t replications = 1;
    std::uint64_t seed = 1;
    unsigned threads = 0;  ///< 0: all cores. Results do not depend on it.
    /// The first replication's number (0-based): a batch of replications k..k+n-1 continues
    /// one of 0..k-1 exactly (for adding replications until an interval is narrow enough).
    std::uint32_t first_replication = 0;
    /// Called after each finished replication with the number finished so far in this batch
    /// (on this process), from worker threads: it must be thread-safe and quick.
    std::function<void(std::uint32_t finished)> on_progress{};
    /// When it turns true (a signal handler may set it), no further replication starts; the
    /// batch returns the replications finished before the first one left out.
    const std::atomic<bool>* stop = nullptr;
    /// Parameters given as distributions: each replication runs its own draw of the model.
    const InputUncertainty* uncertainty = nullptr;
    /// The processes sharing the batch (MPI ranks); null: this process alone.
    Cluster* cluster = nullptr;
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
    std::uint32_t requested = 0;  ///< replications asked for; the tables may hold fewer
    /// False on the ranks of a cluster other than the first: they ran their share and sent
    /// it; only the first holds (and writes) the whole batch.
    bool holds_results = true;
    /// A stop (BatchOptions::stop) left replications out. Unlike partial(), every process of
    /// a cluster knows it, so all of them can end a loop of batches together.
    bool stopped = false;

    [[nodiscard]] std::uint32_t replications() const noexcept {
        return static_cast<std::uint32_t>(metrics.values.size());
    }
    /// Stopped (by BatchOptions::stop) before every replication asked for was done.
    [[nodiscard]] bool partial() const noexcept { return replications() < requested; }
};

/// Runs `options.replications` independent replications of `model`, on threads (and on the
/// cluster's processes). The result is the same whatever the thread or process count.
[[nodiscard]] BatchResult run_batch(const Model& model, const BatchOptions& options);

/// Appends the replications of `more` (which continue those of `into`: same model, seed and
/// keys) to `into`.
void append(BatchResult& into, BatchResult&& more);

}  // namespace careflow
