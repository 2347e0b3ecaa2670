// --set overrides: walk the path through maps and named list items, then replace the value.
#include "scenario/overrides.hpp"

#include "scenario/units.hpp"
#include "scenario/yaml_reader.hpp"

#include <fmt/format.h>

namespace careflow::scenario {
namespace {

std::vector<std::string> split_path(const std::string& path) {
    std::vector<std::string> parts;
    std::size_t start = 0;
    for (std::size_t dot = path.find('.'); dot != std::string::npos; dot = path.find('.', start)) {
        parts.push_back(path.substr(start, dot - start));
        start = dot + 1;
    }
    parts.push_back(path.substr(start));
    return parts;
}

/// The item of a list named `part` (or at index `part`), or nullopt after listing the names.
std::optional<YAML::Node> list_item(const YAML::Node& list, const std::string& part,
                                    const std::string& flag, NodeReader& r) {
    std::vector<std::string> names;
    for (std::size_t i = 0; i < list.size(); ++i) {
        const auto name = NodeReader::optional(list[i], "name");
        if (name && name->IsScalar()) {
            if (name->Scalar() == part) return list[i];
            names.push_back(name->Scalar());
        }
    }
    const auto index = parse_integer(part);
    if (index && *index >= 0 && static_cast<std::size_t>(*index) < list.size()) {
        return list[static_cast<std::size_t>(*index)];
    }
    // Items without a name (arrivals, say) can only be addressed by their place in the list.
    const std::string by_index =
        list.size() == 0 ? "the list is empty"
                         : fmt::format("hint: or address an item by its index, 0 to {}",
                                       list.size() - 1);
    std::vector<std::string> notes;
    if (!names.empty()) notes.push_back(known_names_note("names", names));
    notes.push_back(by_index);
    const std::string message =
        index ? fmt::format("no list item at index {} (the list has {})", part, list.size())
              : fmt::format("no list item named '{}'", part);
    r.report({Severity::error, {flag, 0, 0}, message, std::move(notes)});
    return std::nullopt;
}

void apply_one(YAML::Node& root, const std::string& flag_text, NodeReader& r) {
    const std::string flag = "--set " + flag_text;
    const auto equals = flag_text.find('=');
    if (equals == std::string::npos || equals == 0) {
        r.report({Severity::error, {flag, 0, 0}, "expected PATH=VALUE",
                  {"hint: e.g. --set states.residential.capacity=40"}});
        return;
    }
    const auto parts = split_path(flag_text.substr(0, equals));
    if (parts.front() == "extends") {
        r.report({Severity::error, {flag, 0, 0}, "'extends' cannot be set on the command line",
                  {"hint: bases are merged before --set applies; write extends in the file"}});
        return;
    }
    if (equals + 1 == flag_text.size()) {
        r.report({Severity::error, {flag, 0, 0}, "expected a value after '='",
                  {"hint: e.g. --set run.replications=50"}});
        return;
    }
    const auto value = parse_yaml(flag_text.substr(equals + 1), r, r.add_origin(flag, false));
    if (!value) return;
    YAML::Node node;
    node.reset(root);
    for (std::size_t i = 0; i + 1 < parts.size(); ++i) {
        std::optional<YAML::Node> next;
        if (node.IsSequence()) {
            next = list_item(node, parts[i], flag, r);
        } else if (node.IsMap()) {
            next = NodeReader::optional(node, parts[i]);
            if (!next) {
                r.report({Severity::error, {flag, 0, 0},
                          fmt::format("the scenario has no '{}' here", parts[i])});
            }
        } else {
            const std::string holder = i == 0 ? "the scenario" : "'" + parts[i - 1] + "'";
            r.report({Severity::error, {flag, 0, 0},
                      fmt::format("{} is a single value, so '{}' cannot be inside it", holder,
                                  parts[i])});
        }
        if (!next) return;
        node.reset(*next);  // rebind the handle: assignment would overwrite the tree
    }
    if (!node.IsMap()) {
        r.report({Severity::error, {flag, 0, 0},
                  fmt::format("'{}' does not name a key of a map", parts.back())});
        return;
    }
    if (NodeReader::optional(node, parts.back())) {
        node[parts.back()] = *value;
        return;
    }
    // A new key is parsed as part of the flag, so a typo in it is reported against the flag.
    const auto key = parse_yaml(parts.back(), r, r.add_origin(flag, false));
    if (key) node.force_insert(*key, *value);
}

}  // namespace

void apply_overrides(YAML::Node& root, const std::vector<std::string>& overrides,
                     NodeReader& reader) {
    for (const std::string& text : overrides) apply_one(root, text, reader);
}

}  // namespace careflow::scenario
