// manifest.json: how a run came to be (version, scenario hash, seed, options) and the model it ran.
#pragma once

#include <careflow/model.hpp>
#include <careflow/output.hpp>

#include <cstdint>
#include <string>

namespace careflow::output {

/// The manifest as pretty-printed JSON (2-space indent, trailing newline), keys in fixed order.
/// `partial` marks a run that stopped before all replications finished; `completed` is then
/// how many did (record.options.replications says how many were asked for).
[[nodiscard]] std::string manifest_json(const Model& model, const RunRecord& record,
                                        bool partial = false, std::uint32_t completed = 0);

}  // namespace careflow::output
