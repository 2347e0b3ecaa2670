// Reading a state's waitlist rules: `fifo`, or a map with order, norm, waiting clocks, bridging.
#pragma once

#include "scenario/node_reader.hpp"
#include "scenario/transition_reader.hpp"

#include <careflow/model.hpp>

#include <string>

namespace careflow::scenario {

/// `waitlist: fifo`, `waitlist: priority`, or `waitlist: {order: priority, norm: 10 weeks,
/// renege_per_year: 0.5, bridging: ambulatory, escalation_growth_per_week: 0.02,
/// while_waiting: [...]}` for the state `waiting_for`.
WaitlistRules read_waitlist(const YAML::Node& node, const std::string& path,
                            const Population& population, const StateLookup& lookup,
                            StateId waiting_for, NodeReader& reader,
                            const Where<WaitlistRules>& where = {});

}  // namespace careflow::scenario
