// Reading the clocks that run while a youth waits: `waitlist.while_waiting`.
#pragma once

#include "scenario/node_reader.hpp"
#include "scenario/transition_reader.hpp"

#include <careflow/model.hpp>

#include <string>
#include <vector>

namespace careflow::scenario {

/// `while_waiting: [{type: deterioration, per_year: 0.26, growth_per_week: 0.02}, {type:
/// escalation, to: crisis, per_year: 0.1}, {type: renege, per_year: 3, comes_back: {...}},
/// {type: recovery, per_year: 0.5}]`. `waiting_for` is the state whose line this is (an
/// escalation may not lead back into it). With `where` (the line's clocks in the model, this
/// list's first at `first_index`), each number is bound to its field.
std::vector<WaitingClock> read_waiting_clocks(const YAML::Node& node, const std::string& path,
                                              const Population& population,
                                              const StateLookup& lookup, StateId waiting_for,
                                              NodeReader& reader,
                                              const Where<std::vector<WaitingClock>>& where = {},
                                              std::size_t first_index = 0);

}  // namespace careflow::scenario
