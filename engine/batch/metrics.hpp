// The metric catalogue: how a replication's measurements become long-format rows.
#pragma once

#include "sim/replication_metrics.hpp"

#include <careflow/model.hpp>
#include <careflow/run.hpp>

#include <vector>

namespace careflow::batch {

/// The keys of every metric a replication of `model` reports, in output order.
[[nodiscard]] std::vector<MetricKey> metric_keys(const Model& model);

/// One replication's values, aligned with metric_keys(model).
[[nodiscard]] std::vector<double> metric_values(const sim::ReplicationMetrics& metrics);

}  // namespace careflow::batch
