// Options that several careflow subcommands declare the same way.
#pragma once

#include <CLI/CLI.hpp>

#include <string>
#include <vector>

namespace careflow::cli {

/// A repeatable option that takes exactly one value per use (`--set A=1 --set B=2`). CLI11 lets
/// a vector option swallow every following word, so `run --set A=1 scenario.yaml` would take the
/// scenario as a second override and then complain that the scenario is missing.
CLI::Option* add_repeatable_option(CLI::App& command, const std::string& name,
                                   std::vector<std::string>& values, const std::string& help);

}  // namespace careflow::cli
