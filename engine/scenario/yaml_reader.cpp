// Reading scenario bytes and parsing them as YAML.
#include "scenario/yaml_reader.hpp"

#include <fmt/format.h>

#include <algorithm>
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

namespace {

/// The text of 1-based line `line`, or empty.
std::string_view line_of(const std::string& text, int line) {
    std::size_t start = 0;
    for (int i = 1; i < line && start != std::string::npos; ++i) {
        start = text.find('\n', start);
        if (start != std::string::npos) ++start;
    }
    if (start == std::string::npos || start >= text.size()) return {};
    const std::size_t end = text.find('\n', start);
    return std::string_view(text).substr(start, end == std::string::npos ? end : end - start);
}

/// A hint that fits what yaml-cpp complained about.
std::string syntax_hint(const std::string& message, std::string_view line) {
    const auto indent = line.substr(0, line.find_first_not_of(" \t"));
    if (indent.find('\t') != std::string_view::npos || message.find("tab") != std::string::npos) {
        return "hint: YAML does not allow tabs for indentation; indent with spaces";
    }
    if (message.find("flow not found") != std::string::npos) {
        return "hint: a '{' or '[' opened above is never closed; check the brackets before "
               "this position";
    }
    return "hint: check the indentation and that every ':' has a space after it";
}

}  // namespace

std::optional<YAML::Node> parse_yaml(const std::string& text, NodeReader& reader,
                                     std::size_t origin) {
    const auto lines = std::count(text.begin(), text.end(), '\n');
    if (lines >= NodeReader::lines_per_origin) {
        reader.report({Severity::error, {reader.file(), 0, 0},
                       fmt::format("a scenario file may have at most {} lines, this one has {}",
                                   NodeReader::lines_per_origin - 1, lines)});
        return std::nullopt;
    }
    const auto offset = static_cast<std::size_t>(NodeReader::lines_per_origin) * origin;
    try {
        YAML::Node root = YAML::Load(std::string(offset, '\n') + text);
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
        const SourceLocation at = reader.where(e.mark);
        reader.report({Severity::error, at, fmt::format("malformed YAML: {}", e.msg),
                       {syntax_hint(e.msg, line_of(text, at.line))}});
        return std::nullopt;
    }
}

}  // namespace careflow::scenario
