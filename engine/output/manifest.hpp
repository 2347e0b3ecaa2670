// manifest.json: how a run came to be (version, scenario hash, seed, options) and the model it ran.
#pragma once

#include <careflow/model.hpp>
#include <careflow/output.hpp>

#include <string>

namespace careflow::output {

/// The manifest as pretty-printed JSON (2-space indent, trailing newline), keys in fixed order.
/// `partial` marks a run that stopped before all replications finished.
[[nodiscard]] std::string manifest_json(const Model& model, const RunRecord& record,
                                        bool partial = false);

}  // namespace careflow::output
