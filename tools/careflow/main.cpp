// careflow's entry point: parses the command line and maps failures to exit codes.
#include "commands.hpp"

#include <careflow/careflow.hpp>

#include <fmt/format.h>

#include <iostream>
#include <system_error>

namespace {

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
             const careflow::cli::ValidateOptions& validate, const std::string& command_line) {
    if (app.got_subcommand("run")) return careflow::cli::run_command(run, command_line);
    return careflow::cli::validate_command(validate);
}

}  // namespace

int main(int argc, char** argv) {
    using namespace careflow::cli;
    CLI::App app{"careflow: simulate youth-care flows, waiting lists and costs.\n"
                 "Docs: README.md and docs/scenario-format.md"};
    app.set_version_flag("--version", careflow::version_string);
    app.require_subcommand(1, 1);
    RunOptions run;
    ValidateOptions validate;
    add_run_command(app, run);
    add_validate_command(app, validate);
    try {
        app.parse(argc, argv);
    } catch (const CLI::ParseError& e) {
        const int code = app.exit(e);  // prints help, version or the error
        return code == 0 ? exit_ok : exit_bad_input;
    }
    try {
        return dispatch(app, run, validate, join_command_line(argc, argv));
    } catch (const careflow::ScenarioError& e) {
        std::cerr << careflow::format_all(e.diagnostics());
        std::cerr << fmt::format("careflow: {} error(s); nothing was written\n",
                                 e.diagnostics().size());
        return exit_bad_input;
    } catch (const std::system_error& e) {
        std::cerr << fmt::format("careflow: error: {}\n", e.what());
        return exit_environment;
    } catch (const std::exception& e) {
        std::cerr << fmt::format("careflow: internal error: {}\n", e.what());
        return exit_internal;
    }
}
