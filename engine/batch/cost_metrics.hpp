// The cost catalogue: how each strategy's ledger becomes rows of summary.csv (totals, per
// segment, per state, per client, budget use) and the cells of costs.csv.
#pragma once

#include "batch/passes.hpp"
#include "sim/replication_metrics.hpp"

#include <careflow/model.hpp>
#include <careflow/run.hpp>

#include <vector>

namespace careflow::batch {

/// Summary keys of every strategy's costs, in output order (empty without strategies).
[[nodiscard]] std::vector<MetricKey> cost_summary_keys(const Model& model);
/// One replication's values for them; `passes` holds each pass's metrics, in plan order.
[[nodiscard]] std::vector<double> cost_summary_values(
    const Model& model, const PassPlan& plan, const std::vector<sim::ReplicationMetrics>& passes);

/// Keys of costs.csv: strategy x year x (state, provider) delivered x municipality x
/// component. The municipality is empty for the region (or for costs no single municipality
/// owns when the scenario has municipalities).
[[nodiscard]] std::vector<MetricKey> cost_cell_keys(const Model& model);
[[nodiscard]] std::vector<double> cost_cell_values(
    const Model& model, const PassPlan& plan, const std::vector<sim::ReplicationMetrics>& passes);

}  // namespace careflow::batch
