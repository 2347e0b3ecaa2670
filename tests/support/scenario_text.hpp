// Test helper: a Model from YAML text written inline in a test.
#pragma once

#include <careflow/careflow.hpp>

#include <memory>
#include <string>

namespace careflow::testing {

/// Loads `yaml` as a scenario named "test.yaml"; throws ScenarioError like a file would.
[[nodiscard]] std::shared_ptr<const Model> model_from_yaml(const std::string& yaml);

/// The mean of one metric over a batch's replications and its standard error.
struct Estimate {
    double mean = 0.0;
    double standard_error = 0.0;
    std::size_t n = 0;
};

/// Estimates (metric, state, year, strategy) from a batch (year empty: the whole window;
/// strategy empty: the shared pass); throws if the key is missing.
[[nodiscard]] Estimate estimate(const BatchResult& batch, const std::string& metric,
                                const std::string& state = "", const std::string& year = "",
                                const std::string& strategy = "");

/// A metric's value in every replication, in order.
[[nodiscard]] std::vector<double> column(const BatchResult& batch, const std::string& metric,
                                         const std::string& state = "",
                                         const std::string& year = "",
                                         const std::string& strategy = "");

/// A small, quick queue with waiting, so that replications differ in every metric.
[[nodiscard]] std::shared_ptr<const Model> small_queue_model();

/// Every file a run writes from a batch's tables, as one text (a text, as NaN != NaN in a
/// vector of values).
[[nodiscard]] std::string batch_file_bytes(const BatchResult& batch);

}  // namespace careflow::testing
