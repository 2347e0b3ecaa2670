// The careflow subcommands: their options and entry points.
#pragma once

#include "command_options.hpp"

#include <careflow/replications.hpp>

#include <CLI/CLI.hpp>

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace careflow::cli {

/// Exit codes: documented in the README.
inline constexpr int exit_ok = 0;
inline constexpr int exit_bad_input = 2;    ///< scenario or command-line error
inline constexpr int exit_environment = 3;  ///< file system, missing file
inline constexpr int exit_internal = 4;     ///< a bug: please report it

struct RunOptions {
    std::string scenario;
    BatchFlags batch;                    ///< with --target-ci, -n is the first batch
    std::vector<std::string> target_ci;  ///< --target-ci METRIC=HALF_WIDTH
    std::uint32_t max_replications = default_max_replications;  ///< with --target-ci: the cap
};

/// `careflow compare`: every scenario under the base's (or the given) seed and replications.
struct CompareOptions {
    std::string base;
    std::vector<std::string> variants;
    BatchFlags batch;  ///< --set applies to every scenario
};

/// `careflow sweep`: the scenario at every point of a grid or Latin hypercube of values, all
/// under the same seed and replications.
struct SweepOptions {
    std::string scenario;
    std::vector<std::string> vary;     ///< --vary PATH=VALUES
    std::optional<std::uint32_t> lhs;  ///< --lhs N: a Latin hypercube of N points, not a grid
    BatchFlags batch;                  ///< -n per point; --set applies at every point
};

struct ValidateOptions {
    std::string scenario;
    std::vector<std::string> overrides;  ///< --set PATH=VALUE
};

void add_run_command(CLI::App& app, RunOptions& options);
void add_validate_command(CLI::App& app, ValidateOptions& options);
void add_sweep_command(CLI::App& app, SweepOptions& options);
void add_compare_command(CLI::App& app, CompareOptions& options);

/// Each returns the process exit code; errors in the input propagate as exceptions.
int run_command(const RunOptions& options, const std::string& command_line);
int validate_command(const ValidateOptions& options);
int sweep_command(const SweepOptions& options, const std::string& command_line);
int compare_command(const CompareOptions& options, const std::string& command_line);

}  // namespace careflow::cli
