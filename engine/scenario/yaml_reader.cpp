// Reading scenario bytes and parsing them as YAML.
#include "scenario/yaml_reader.hpp"

#include <fmt/format.h>

#include <cerrno>
#include <fstream>
#include <sstream>
#include <system_error>

namespace careflow::scenario {

std::string read_file_text(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    if (!in) {
        throw std::system_error(errno ? errno : ENOENT, std::generic_category(),
                                fmt::format("cannot read scenario '{}'", path));
    }
    std::ostringstream bytes;
    bytes << in.rdbuf();
    if (in.bad()) {
        throw std::system_error(EIO, std::generic_category(),
                                fmt::format("cannot read scenario '{}'", path));
    }
    return bytes.str();
}

std::optional<YAML::Node> parse_yaml(const std::string& text, NodeReader& reader) {
    try {
        YAML::Node root = YAML::Load(text);
        if (root.IsNull()) {
            Diagnostic empty;
            empty.where = {reader.file(), 1, 1};
            empty.message = "the scenario is empty";
            empty.notes = {"hint: start from one of the files in scenarios/"};
            reader.report(std::move(empty));
            return std::nullopt;
        }
        return root;
    } catch (const YAML::Exception& e) {
        // A syntax error stops parsing: yaml-cpp cannot resume after it.
        SourceLocation at{reader.file(), 0, 0};
        if (!e.mark.is_null()) at = {reader.file(), e.mark.line + 1, e.mark.column + 1};
        reader.report({Severity::error, at, fmt::format("malformed YAML: {}", e.msg),
                       {"hint: check the indentation and that every ':' has a space after it"}});
        return std::nullopt;
    }
}

}  // namespace careflow::scenario
