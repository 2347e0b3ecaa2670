// Merging a scenario over its base, keeping every node's mark (and so its file) intact.
#include "scenario/extends.hpp"

#include "scenario/input_distribution.hpp"
#include "scenario/yaml_reader.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <array>
#include <filesystem>
#include <system_error>
#include <vector>

namespace careflow::scenario {
namespace {

constexpr int max_depth = 8;
constexpr std::array<std::string_view, 7> named_lists{
    "states", "arrivals", "policies", "initial_stock", "providers", "strategies", "contracts"};
// Named lists whose items a child replaces whole rather than merges key by key: a contract
// under another scheme must not keep the keys of the base's scheme.
constexpr std::array<std::string_view, 1> replaced_items{"contracts"};

// Maps that are one value, not a set of settings: a child's replaces the base's whole (a new
// distribution kind, a new routing table, a new destination or mix).
constexpr std::array<std::string_view, 8> whole_values{
    "length_of_stay", "after", "in_care_for", "next", "to", "severity", "municipalities", "age"};

YAML::Node merge(const YAML::Node& base, const YAML::Node& child);

/// What identifies a list item across files: its `name`; for initial stock its `state`; for a
/// contract its `state` and `provider` (none: every provider of the state).
std::optional<std::string> name_of(const YAML::Node& item) {
    if (!item.IsMap()) return std::nullopt;
    if (const auto name = NodeReader::optional(item, "name"); name && name->IsScalar()) {
        return name->Scalar();
    }
    const auto state = NodeReader::optional(item, "state");
    if (!state || !state->IsScalar()) return std::nullopt;
    const auto provider = NodeReader::optional(item, "provider");
    if (provider && provider->IsScalar()) return state->Scalar() + "\n" + provider->Scalar();
    return state->Scalar();
}

/// Items of `child` with a base item of the same name are merged into it (or, with
/// `replace_items`, replace it); others are appended.
YAML::Node merge_named(const YAML::Node& base, const YAML::Node& child, bool replace_items) {
    std::vector<YAML::Node> items(base.begin(), base.end());
    for (const YAML::Node& item : child) {
        const auto name = name_of(item);
        const auto same = std::find_if(items.begin(), items.end(), [&](const YAML::Node& b) {
            return name && name_of(b) == name;
        });
        if (same != items.end()) {
            // rebind; assignment would overwrite the base
            same->reset(replace_items ? item : merge(*same, item));
        } else {
            items.push_back(item);
        }
    }
    YAML::Node out(YAML::NodeType::Sequence);
    for (const YAML::Node& item : items) out.push_back(item);
    return out;
}

YAML::Node merge(const YAML::Node& base, const YAML::Node& child) {
    if (!base.IsMap() || !child.IsMap()) return child;
    YAML::Node out(YAML::NodeType::Map);
    for (const auto& entry : base) {
        const std::string key = entry.first.Scalar();
        const auto over = NodeReader::optional(child, key);
        if (!over) {
            out.force_insert(entry.first, entry.second);
            continue;
        }
        const bool named = std::find(named_lists.begin(), named_lists.end(), key) !=
                           named_lists.end();
        // An uncertain value's distribution is one value too: a child's replaces the base's.
        const bool whole = std::find(whole_values.begin(), whole_values.end(), key) !=
                               whole_values.end() ||
                           is_input_distribution(*over);
        if (entry.second.IsMap() && over->IsMap() && !whole) {
            out.force_insert(entry.first, merge(entry.second, *over));
        } else if (named && entry.second.IsSequence() && over->IsSequence()) {
            const bool replace = std::find(replaced_items.begin(), replaced_items.end(), key) !=
                                 replaced_items.end();
            out.force_insert(entry.first, merge_named(entry.second, *over, replace));
        } else {
            out.force_insert(entry.first, *over);
        }
    }
    for (const auto& entry : child) {
        if (!NodeReader::optional(base, entry.first.Scalar())) {
            out.force_insert(entry.first, entry.second);
        }
    }
    return out;
}

std::optional<YAML::Node> resolve_chain(const YAML::Node& root, const std::string& path,
                                        NodeReader& r, std::vector<std::string>& chain) {
    const auto extends = NodeReader::optional(root, "extends");
    if (!extends) return root;
    const auto base_name = r.text(*extends, "extends");
    if (!base_name) return std::nullopt;
    namespace fs = std::filesystem;
    const fs::path base_path = fs::path(path).parent_path() / *base_name;
    std::error_code ignored;
    const std::string canonical = fs::weakly_canonical(base_path, ignored).string();
    if (std::find(chain.begin(), chain.end(), canonical) != chain.end() ||
        chain.size() >= max_depth) {
        r.error(*extends, fmt::format("'{}' extends itself, directly or through others, or the "
                                      "chain is deeper than {}", *base_name, max_depth));
        return std::nullopt;
    }
    chain.push_back(canonical);
    std::string text;
    try {
        text = read_file_text(base_path.string());
    } catch (const std::system_error&) {
        r.error(*extends, fmt::format("cannot read the base scenario '{}'", base_path.string()),
                {"hint: the path is relative to the file that extends it"});
        return std::nullopt;
    }
    const std::size_t origin = r.add_origin(base_path.string(), true);
    const auto base_root = parse_yaml(text, r, origin);
    if (!base_root) return std::nullopt;
    const auto base = resolve_chain(*base_root, base_path.string(), r, chain);
    if (!base) return std::nullopt;
    YAML::Node child(YAML::NodeType::Map);
    for (const auto& entry : root) {
        if (entry.first.Scalar() != "extends") child.force_insert(entry.first, entry.second);
    }
    return merge(*base, child);
}

}  // namespace

std::optional<YAML::Node> apply_extends(const YAML::Node& root, const std::string& path,
                                        NodeReader& reader) {
    std::vector<std::string> chain;
    std::error_code ignored;
    chain.push_back(std::filesystem::weakly_canonical(path, ignored).string());
    return resolve_chain(root, path, reader, chain);
}

}  // namespace careflow::scenario
