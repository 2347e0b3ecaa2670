// Reading who the youths are: severity levels and age bands, and the mix a stream brings.
#pragma once

#include "scenario/node_reader.hpp"

#include <careflow/model.hpp>

#include <optional>
#include <string>

namespace careflow::scenario {

/// `youth: {severity_levels: [...], age_bands: [0, 12, 16], leave_age: 18}`.
Population read_population(const YAML::Node& node, NodeReader& reader);

/// The optional keys `age`, `severity` and `guardianship` of `node` (a stream or a stock).
/// With `where`, the guardianship share is bound (shares that must sum to 1 cannot vary).
YouthMix read_youth_mix(const YAML::Node& node, const std::string& path,
                        const Population& population, NodeReader& reader,
                        const Where<YouthMix>& where = {});

/// A map from severity level names to numbers, e.g. `{severe: 0.5}`, as one value per level
/// (`fill` for levels not named). With `where` (the list in the model), each value is bound.
std::vector<double> read_per_severity(const YAML::Node& node, const std::string& path,
                                      const Population& population, double fill,
                                      NodeReader& reader,
                                      const Where<std::vector<double>>& where = {});

/// A map from severity level names to rate factors, e.g. `{severe: 3}`, one per level (1 for
/// levels not named); a negative factor is reported. `where` as for read_per_severity.
std::vector<double> read_severity_factors(const YAML::Node& node, const std::string& path,
                                          const Population& population, NodeReader& reader,
                                          const Where<std::vector<double>>& where = {});

/// A map from age band labels to factors, e.g. `{16-17: 2}`, one value per band (default 1).
/// With `where` (the list in the model), each factor is bound.
std::vector<double> read_per_age_band(const YAML::Node& node, const std::string& path,
                                      const Population& population, NodeReader& reader,
                                      const Where<std::vector<double>>& where = {});

}  // namespace careflow::scenario
