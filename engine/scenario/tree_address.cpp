// Finding nodes by identity in a YAML tree, and following their addresses in a copy of it.
#include "scenario/tree_address.hpp"

#include <iterator>

namespace careflow::scenario {
namespace {

// Deeper than any scenario; stops a (pathological) self-referencing alias.
constexpr std::size_t max_depth = 64;

void visit(const YAML::Node& node, const std::vector<YAML::Node>& targets, TreeAddress& here,
           std::vector<std::vector<TreeAddress>>& found) {
    for (std::size_t t = 0; t < targets.size(); ++t) {
        if (node.is(targets[t])) found[t].push_back(here);
    }
    if (here.size() >= max_depth || !(node.IsMap() || node.IsSequence())) return;
    std::size_t i = 0;
    for (const auto& entry : node) {
        here.push_back(i++);
        visit(node.IsMap() ? entry.second : YAML::Node(entry), targets, here, found);
        here.pop_back();
    }
}

}  // namespace

std::vector<std::vector<TreeAddress>> find_addresses(const YAML::Node& root,
                                                     const std::vector<YAML::Node>& targets) {
    std::vector<std::vector<TreeAddress>> found(targets.size());
    TreeAddress here;
    visit(root, targets, here, found);
    return found;
}

YAML::Node node_at(const YAML::Node& root, const TreeAddress& address) {
    YAML::Node node = root;
    for (const std::size_t step : address) {
        auto it = node.begin();
        std::advance(it, static_cast<std::ptrdiff_t>(step));
        // reset() rebinds the handle; assignment would overwrite the node it points at.
        node.reset(node.IsMap() ? it->second : YAML::Node(*it));
    }
    return node;
}

}  // namespace careflow::scenario
