// The manifest's account of a model's procurement: providers, deliveries, strategies and their
// contracts, with money in euros and durations in days.
#pragma once

#include <careflow/model.hpp>

#include <nlohmann/json.hpp>

namespace careflow::output {

/// {"providers": [...], "strategies": [...]} as careflow understood the scenario.
[[nodiscard]] nlohmann::ordered_json procurement_json(const Model& model);

}  // namespace careflow::output
