// The short, readable table `careflow run` prints: one line per state.
#pragma once

#include <careflow/careflow.hpp>

#include <string>
#include <vector>

namespace careflow::cli {

[[nodiscard]] std::string result_table(const Model& model, const BatchResult& batch,
                                       const std::vector<Summary>& summaries,
                                       const BatchOptions& options, double wall_seconds);

}  // namespace careflow::cli
