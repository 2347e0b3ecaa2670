// TreeAddress: where a node sits in a YAML tree, so the same place can be found in a clone.
#pragma once

#include <yaml-cpp/yaml.h>

#include <cstddef>
#include <vector>

namespace careflow::scenario {

/// The steps from the root to a node: at each level, the index of the map entry or list item.
using TreeAddress = std::vector<std::size_t>;

/// For each of `targets`, every address at which that very node (not an equal one) appears in
/// `root`: more than one when YAML aliases share it, none when it is not in the tree.
[[nodiscard]] std::vector<std::vector<TreeAddress>> find_addresses(
    const YAML::Node& root, const std::vector<YAML::Node>& targets);

/// A handle to the node at `address` in `root`, a tree of the same shape (such as a clone);
/// assigning a value through it changes the tree.
[[nodiscard]] YAML::Node node_at(const YAML::Node& root, const TreeAddress& address);

}  // namespace careflow::scenario
