#include "command_options.hpp"

namespace careflow::cli {

CLI::Option* add_repeatable_option(CLI::App& command, const std::string& name,
                                   std::vector<std::string>& values, const std::string& help) {
    return command.add_option(name, values, help)->allow_extra_args(false);
}

}  // namespace careflow::cli
