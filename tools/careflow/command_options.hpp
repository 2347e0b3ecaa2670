// Options that several careflow subcommands declare the same way.
#pragma once

#include <CLI/CLI.hpp>

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace careflow::cli {

/// A repeatable option that takes exactly one value per use (`--set A=1 --set B=2`). CLI11 lets
/// a vector option swallow every following word, so `run --set A=1 scenario.yaml` would take the
/// scenario as a second override and then complain that the scenario is missing.
CLI::Option* add_repeatable_option(CLI::App& command, const std::string& name,
                                   std::vector<std::string>& values, const std::string& help);

/// The flags of every command that runs batches (run, compare, sweep).
struct BatchFlags {
    /// -n; none: the scenario's (compare: the base's) run.replications
    std::optional<std::uint32_t> replications;
    std::optional<std::uint64_t> seed;   ///< -s; none: the scenario's (the base's) run.seed
    unsigned threads = 0;                ///< -t; 0: all cores
    std::string out_dir;                 ///< -o; empty: the command's own default
    bool quiet = false;                  ///< -q
    std::vector<std::string> overrides;  ///< --set PATH=VALUE
};

/// The help of the batch flags whose meaning differs per command: what -n counts, whose seed
/// and defaults apply, where -o writes by default, what -q silences, where --set applies.
struct BatchFlagHelp {
    std::string replications;
    std::string seed;
    std::string out_dir;
    std::string quiet;
    std::string overrides;
};

/// Declares -n/--replications, -s/--seed, -t/--threads, -o/--out, -q/--quiet and --set on
/// `command`, in that order, with the same names, types and checks for every command.
void add_batch_flags(CLI::App& command, BatchFlags& flags, const BatchFlagHelp& help);

}  // namespace careflow::cli
