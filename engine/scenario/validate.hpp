// Checks that need the whole resolved model: trapped youths, overload, runaway runs.
#pragma once

#include "scenario/node_reader.hpp"
#include "scenario/resolve.hpp"

#include <careflow/model.hpp>

namespace careflow::scenario {

/// Reports errors (states that cannot reach exit, runs too large to finish) and warnings
/// (capacitated states whose offered load reaches their capacity) to `reader`.
void validate(const Model& model, const ModelSource& source, NodeReader& reader);

}  // namespace careflow::scenario
