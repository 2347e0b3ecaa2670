// Reading scenario bytes and parsing them as YAML, turning syntax errors into diagnostics.
#pragma once

#include "scenario/node_reader.hpp"

#include <optional>
#include <string>

namespace careflow::scenario {

/// The whole file; throws std::system_error naming the path when it cannot be read.
[[nodiscard]] std::string read_file_text(const std::string& path);

/// The YAML document in `text`, or nullopt after reporting the syntax error (with its
/// position) or an empty document to `reader`.
/// `origin` is the reader's origin number of the text (0: the scenario file itself).
std::optional<YAML::Node> parse_yaml(const std::string& text, NodeReader& reader,
                                     std::size_t origin = 0);

}  // namespace careflow::scenario
