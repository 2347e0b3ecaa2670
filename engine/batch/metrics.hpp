// The metric catalogue: how a replication's measurements become long-format rows.
#pragma once

#include "sim/replication_metrics.hpp"

#include <careflow/model.hpp>
#include <careflow/run.hpp>

#include <string>
#include <vector>

namespace careflow::batch {

/// The keys of every flow metric a replication of `model` reports, in output order, under
/// `strategy` (empty: the shared pass).
[[nodiscard]] std::vector<MetricKey> metric_keys(const Model& model,
                                                 const std::string& strategy = "");

/// One replication's values, aligned with metric_keys(model).
[[nodiscard]] std::vector<double> metric_values(const Model& model,
                                                const sim::ReplicationMetrics& metrics);

/// The keys of the monthly series (stock, waitlist per state and month).
[[nodiscard]] std::vector<MetricKey> series_keys(const Model& model,
                                                 const std::string& strategy = "");

/// One replication's monthly values, aligned with series_keys(model).
[[nodiscard]] std::vector<double> series_values(const sim::ReplicationMetrics& metrics);

}  // namespace careflow::batch
