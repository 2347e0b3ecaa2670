// A sweep's manifest.json: scenario hash, seed, replications, command line and every point.
#pragma once

#include <careflow/sweep.hpp>

#include <string>

namespace careflow::output {

/// The sweep's manifest as pretty-printed JSON (2-space indent, trailing newline), keys in
/// fixed order; `model` is the scenario without the sweep's values.
[[nodiscard]] std::string sweep_manifest_json(const Model& model, const SweepDesign& design,
                                              const SweepRecord& record);

}  // namespace careflow::output
