// The careflow subcommands: their options and entry points.
#pragma once

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
    std::optional<std::uint32_t> replications;
    std::optional<std::uint64_t> seed;
    unsigned threads = 0;
    std::string out_dir;
    bool quiet = false;
    std::vector<std::string> overrides;  ///< --set PATH=VALUE
};

struct ValidateOptions {
    std::string scenario;
    std::vector<std::string> overrides;  ///< --set PATH=VALUE
};

void add_run_command(CLI::App& app, RunOptions& options);
void add_validate_command(CLI::App& app, ValidateOptions& options);

/// Each returns the process exit code; errors in the input propagate as exceptions.
int run_command(const RunOptions& options, const std::string& command_line);
int validate_command(const ValidateOptions& options);

}  // namespace careflow::cli
