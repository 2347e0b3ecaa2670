// Checks that need the whole resolved model: trapped youths, overload, runaway runs.
#pragma once

#include "scenario/node_reader.hpp"
#include "scenario/resolve.hpp"

#include <careflow/model.hpp>

#include <string>
#include <vector>

namespace careflow::scenario {

/// Reports errors (states that cannot reach exit, runs too large to finish) and warnings
/// (capacitated states whose offered load reaches their capacity) to `reader`.
void validate(const Model& model, const ModelSource& source, NodeReader& reader);

/// The errors of a model changed after load (typed setters): the whole-model checks above,
/// and the rules between values that the readers check (a uniform's min below its max, staff
/// within max_fte). Empty when the model is valid.
[[nodiscard]] std::vector<std::string> check_model(const Model& model);

}  // namespace careflow::scenario
