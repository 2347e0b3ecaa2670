// Test helpers for inline scenarios and replication estimates.
#include "support/scenario_text.hpp"

#include <cmath>
#include <stdexcept>

namespace careflow::testing {

std::shared_ptr<const Model> model_from_yaml(const std::string& yaml) {
    return load_scenario_text(yaml, "test.yaml").model;
}

std::vector<double> column(const BatchResult& batch, const std::string& metric,
                           const std::string& state, const std::string& year,
                           const std::string& strategy) {
    const MetricTable& table = batch.metrics;
    for (std::size_t k = 0; k < table.keys.size(); ++k) {
        const MetricKey& key = table.keys[k];
        if (key.metric != metric || key.state != state || key.year != year ||
            key.strategy != strategy) {
            continue;
        }
        std::vector<double> values;
        for (const auto& replication : table.values) values.push_back(replication[k]);
        return values;
    }
    throw std::invalid_argument("no metric " + metric + " for state '" + state + "', year '" +
                                year + "', strategy '" + strategy + "'");
}

Estimate estimate(const BatchResult& batch, const std::string& metric, const std::string& state,
                  const std::string& year, const std::string& strategy) {
    const auto values = column(batch, metric, state, year, strategy);
    const Summary s = summarize(values);
    return {s.mean, s.sd.value_or(0.0) / std::sqrt(static_cast<double>(s.n)), s.n};
}

std::shared_ptr<const Model> small_queue_model() {
    return model_from_yaml(R"(
version: 1
run: {horizon: 2 years, warmup: 100 days, replications: 10, seed: 7}
states:
  - name: queue
    capacity: 3
    waitlist: fifo
    length_of_stay: {exponential: {mean: 20 days}}
    next: {exit: 1}
arrivals:
  - {to: queue, per_year: 50}
)");
}

std::string batch_file_bytes(const BatchResult& batch) {
    return summary_csv(batch.metrics, summarize(batch.metrics)) + replications_csv(batch.metrics) +
           timeseries_csv(batch.timeseries, summarize(batch.timeseries)) +
           replications_csv(batch.costs);
}

}  // namespace careflow::testing
