// Options that several careflow subcommands declare the same way.
#include "command_options.hpp"

#include <careflow/model.hpp>

namespace careflow::cli {

CLI::Option* add_repeatable_option(CLI::App& command, const std::string& name,
                                   std::vector<std::string>& values, const std::string& help) {
    return command.add_option(name, values, help)->allow_extra_args(false);
}

void add_batch_flags(CLI::App& command, BatchFlags& flags, const BatchFlagHelp& help) {
    command.add_option("-n,--replications", flags.replications, help.replications)
        ->check(CLI::Range(std::uint32_t{1}, max_replications));
    command.add_option("-s,--seed", flags.seed, help.seed);
    command.add_option("-t,--threads", flags.threads, "Worker threads; 0 = all cores")
        ->check(CLI::Range(0u, 1024u));
    command.add_option("-o,--out", flags.out_dir, help.out_dir);
    command.add_flag("-q,--quiet", flags.quiet, help.quiet);
    add_repeatable_option(command, "--set", flags.overrides, help.overrides);
}

}  // namespace careflow::cli
