// careflow's entry point: parses the command line and maps failures to exit codes.
#include "cluster_access.hpp"
#include "commands.hpp"
#if CAREFLOW_MPI
#include "mpi_cluster.hpp"
#endif

#include <careflow/careflow.hpp>

#include <fmt/format.h>

#include <filesystem>
#include <iostream>
#include <string>
#include <system_error>

namespace {

/// A folder of the installation, given relative to the prefix: where it is, found from the
/// program's own path (<prefix>/bin/careflow), so that `cmake --install --prefix DIR` and the
/// Debian package both name the real folder. Not installed (the build tree's program, which
/// help2man reads for the man page): "<prefix>/..." as a pattern.
std::string installed_folder(const std::filesystem::path& in_prefix) {
    namespace fs = std::filesystem;
    std::error_code ec;
    const fs::path program = fs::canonical("/proc/self/exe", ec);
    if (!ec) {
        const fs::path folder =
            (program.parent_path() / CAREFLOW_PREFIX_FROM_BIN / in_prefix).lexically_normal();
        if (fs::is_directory(folder, ec)) return folder.string();
    }
    return in_prefix.is_absolute() ? in_prefix.string() : "<prefix>/" + in_prefix.string();
}

/// The end of `careflow --help`: where to read on (help2man turns it into man page sections).
std::string help_footer() {
    return fmt::format(
        "careflow <command> --help for a command's options.\n"
        "\n"
        "Documentation, in {}:\n"
        "  README.md                what careflow does, its commands, the bundled scenarios\n"
        "  docs/scenario-format.md  every scenario key, with an example\n"
        "  docs/outputs.md          every output file and metric\n"
        "  docs/costs.md            how each financing scheme bills, to the cent\n"
        "\n"
        "Scenarios to start from, in {}:\n"
        "  youth-care-region.yaml   the default: a fictional region, six care states",
        installed_folder(CAREFLOW_DOC_DIR), installed_folder(CAREFLOW_SCENARIO_DIR));
}

std::string join_command_line(int argc, char** argv) {
    std::string line;
    for (int i = 0; i < argc; ++i) {
        const std::string arg = argv[i];
        const bool quote = arg.find_first_of(" \t'\"") != std::string::npos;
        line += (i == 0 ? "" : " ") + (quote ? fmt::format("'{}'", arg) : arg);
    }
    return line;
}

int dispatch(CLI::App& app, const careflow::cli::RunOptions& run,
             const careflow::cli::ValidateOptions& validate,
             const careflow::cli::CompareOptions& compare,
             const careflow::cli::SweepOptions& sweep, const std::string& command_line) {
    if (app.got_subcommand("run")) return careflow::cli::run_command(run, command_line);
    if (app.got_subcommand("compare")) return careflow::cli::compare_command(compare, command_line);
    if (app.got_subcommand("sweep")) return careflow::cli::sweep_command(sweep, command_line);
    return careflow::cli::validate_command(validate);
}

int run_cli(int argc, char** argv) {
    using namespace careflow::cli;
    CLI::App app{"careflow: simulate youth-care flows, waiting lists and costs."};
    app.set_version_flag("--version", careflow::version_string);
    app.require_subcommand(1, 1);
    RunOptions run;
    ValidateOptions validate;
    add_run_command(app, run);
    add_validate_command(app, validate);
    CompareOptions compare;
    add_compare_command(app, compare);
    SweepOptions sweep;
    add_sweep_command(app, sweep);
    app.footer(help_footer);  // a callback: only --help looks for the installed folders
    try {
        app.parse(argc, argv);
    } catch (const CLI::ParseError& e) {
        const int code = app.exit(e);  // prints help, version or the error
        return code == 0 ? exit_ok : exit_bad_input;
    }
    try {
        return dispatch(app, run, validate, compare, sweep, join_command_line(argc, argv));
    } catch (const careflow::ScenarioError& e) {
        std::cerr << careflow::format_all(e.diagnostics());
        std::cerr << fmt::format("careflow: {} error(s); nothing was written\n",
                                 e.diagnostics().size());
        return exit_bad_input;
    } catch (const ClusterError& e) {
        std::cerr << fmt::format("careflow: error: {}\n", e.what());
        return exit_environment;
    } catch (const std::system_error& e) {
        // Not only the first rank's: a file may be missing on one machine of several.
        error_stream() << fmt::format("{}: error: {}\n", program_name(), e.what());
        return exit_environment;
    } catch (const std::exception& e) {
        error_stream() << fmt::format("{}: internal error: {}\n", program_name(), e.what());
        return exit_internal;
    }
}

#if CAREFLOW_MPI
/// The rank's exit code once no other rank can be left waiting for it.
int leave(careflow::cli::MpiCluster& mpi, int exit_code) {
    try {
        return mpi.finish(exit_code);
    } catch (const careflow::cli::ClusterError& e) {
        std::cerr << fmt::format("careflow: error: {}\n", e.what());
        return careflow::cli::exit_environment;
    }
}
#endif

}  // namespace

int main(int argc, char** argv) {
#if CAREFLOW_MPI
    // Under mpirun every rank runs the same command; the batches share out the replications.
    careflow::cli::MpiCluster mpi(argc, argv);
    const careflow::cli::ClusterScope scope(mpi);
    return leave(mpi, run_cli(argc, argv));
#else
    return run_cli(argc, argv);
#endif
}
