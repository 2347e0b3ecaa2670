// Reading where youths come from: referral streams and the stock already in care at the start.
#pragma once

#include "scenario/node_reader.hpp"
#include "scenario/transition_reader.hpp"

#include <careflow/model.hpp>

#include <optional>
#include <string>

namespace careflow::scenario {

/// One entry of `arrivals`: a referral stream with its youth mix, trend and seasonality.
std::optional<ArrivalStream> read_arrival(const YAML::Node& node, const std::string& path,
                                          const Model& model, const StateLookup& lookup,
                                          NodeReader& reader,
                                          const Where<ArrivalStream>& where = {});

/// `re_entry: {share: 0.29, within: 5 years, to: local_team}`.
std::optional<ReEntry> read_re_entry(const YAML::Node& node, const Model& model,
                                     const StateLookup& lookup, NodeReader& reader);

/// One entry of `initial_stock`.
std::optional<InitialStock> read_initial_stock(const YAML::Node& node, const std::string& path,
                                               const Model& model, const StateLookup& lookup,
                                               NodeReader& reader,
                                               const Where<InitialStock>& where = {});

}  // namespace careflow::scenario
