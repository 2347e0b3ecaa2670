// Drawing a scenario's uncertain inputs: each draw written into a copy of the nominal model by
// the readers' typed setters. The YAML tree is read again only at load, to probe the ranges.
#include "scenario/uncertain_inputs.hpp"

#include "scenario/input_range_check.hpp"
#include "scenario/resolve.hpp"
#include "scenario/validate.hpp"

#include <algorithm>
#include "model/random_stream.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <numeric>
#include <utility>

namespace careflow::scenario {
namespace {

/// A parameter's stream: FNV-1a of its path, to the 48 bits a StreamKey entity holds. Keyed by
/// the path, not by the input's position, so adding an input leaves the others' draws alone.
std::uint64_t entity_of(const std::string& path) {
    std::uint64_t hash = 0xcbf29ce484222325u;
    for (const char c : path) {
        hash ^= static_cast<unsigned char>(c);
        hash *= 0x100000001b3u;
    }
    return hash & 0xFFFF'FFFF'FFFFu;
}

std::vector<Diagnostic> in_replication(std::vector<Diagnostic> problems,
                                       std::uint32_t replication) {
    for (Diagnostic& d : problems) {
        // Numbered from 1, as in replications.csv.
        d.message = fmt::format("replication {}: the drawn inputs make the scenario invalid: {}",
                                replication + 1, d.message);
        d.notes.emplace_back("hint: two uncertain inputs that must keep an order (such as a "
                             "uniform stay's min and max) need ranges that cannot cross");
    }
    return problems;
}

/// Every setter bound to `node` (more than one where YAML aliases share it).
std::vector<ModelSetter> setters_of(const YAML::Node& node, const std::vector<Binding>& bindings) {
    std::vector<ModelSetter> setters;
    for (const Binding& b : bindings) {
        if (b.node.is(node)) setters.push_back(b.set);
    }
    return setters;
}

/// An input no reader bound cannot be written into a drawn model: reported where it stands
/// (every number a reader takes is bound; this is a safety net for a new key without one).
void report_unbound(const std::vector<UncertainInputs::Input>& inputs,
                    const std::vector<YAML::Node>& nodes, NodeReader& reader) {
    for (std::size_t i = 0; i < inputs.size(); ++i) {
        if (!inputs[i].setters.empty()) continue;
        reader.error(nodes[i], fmt::format("{} cannot be given as a distribution: careflow "
                                           "cannot change it after the scenario is read",
                                           inputs[i].path),
                     {"hint: write one value here, or vary it between runs with careflow "
                      "sweep --vary"});
    }
}

}  // namespace

UncertainInputs::UncertainInputs(YAML::Node nominal, const NodeReader& origins,
                                 std::vector<Input> inputs, Model nominal_model)
    : nominal_(std::move(nominal)), nominal_model_(std::move(nominal_model)),
      origins_(origins.with_same_origins()), inputs_(std::move(inputs)) {
    for (const Input& input : inputs_) entities_.push_back(entity_of(input.path));
}

bool UncertainInputs::all_bound() const noexcept {
    return std::all_of(inputs_.begin(), inputs_.end(),
                       [](const Input& input) { return !input.setters.empty(); });
}

std::vector<MetricKey> UncertainInputs::keys() const {
    std::vector<MetricKey> keys;
    for (const Input& input : inputs_) keys.push_back({.metric = "input", .state = input.path});
    return keys;
}

std::vector<double> UncertainInputs::values(std::uint64_t seed,
                                            std::uint32_t replication) const {
    std::vector<double> drawn;
    drawn.reserve(inputs_.size());
    for (std::size_t i = 0; i < inputs_.size(); ++i) {
        RandomStream stream({seed, replication, Purpose::parameters, entities_[i]});
        const Input& input = inputs_[i];
        drawn.push_back(snap(input.scale, draw_input(input.distribution, stream.uniform())));
    }
    return drawn;
}

std::optional<Model> UncertainInputs::model_with(const std::vector<double>& values,
                                                 std::vector<Diagnostic>& problems) const {
    std::vector<std::string> found;
    Model model = model_set(values, found);
    for (std::string& message : found) {
        problems.push_back({.where = origins_.where(YAML::Mark::null_mark()),
                            .message = std::move(message)});
    }
    if (!problems.empty()) return std::nullopt;
    return model;
}

Model UncertainInputs::model_set(const std::vector<double>& values,
                                 std::vector<std::string>& problems) const {
    Model model = nominal_model_;
    for (std::size_t i = 0; i < inputs_.size(); ++i) {
        for (const ModelSetter& set : inputs_[i].setters) set(model, values[i]);
    }
    problems = check_model(model);
    return model;
}

bool UncertainInputs::valid_at(const std::vector<double>& values,
                               std::vector<Diagnostic>& problems) const {
    return model_resolved(values, problems).has_value() &&
           model_with(values, problems).has_value();
}

std::optional<Model> UncertainInputs::model_resolved(const std::vector<double>& values,
                                                     std::vector<Diagnostic>& problems) const {
    const YAML::Node tree = take_tree();
    for (std::size_t i = 0; i < inputs_.size(); ++i) {
        const std::string text = input_text(inputs_[i].scale, values[i]);
        for (const TreeAddress& address : inputs_[i].addresses) {
            YAML::Node at = node_at(tree, address);
            at = text;
        }
    }
    auto model = resolve_tree(tree, problems);
    give_back(tree);  // after resolve_tree: no handle of this draw's still reads the tree
    return model;
}

std::optional<Model> UncertainInputs::resolve_tree(const YAML::Node& tree,
                                                   std::vector<Diagnostic>& problems) const {
    NodeReader reader = origins_.with_same_origins();
    ModelSource source;
    auto model = resolve(tree, reader, source);
    if (model) validate(*model, source, reader);
    if (!reader.has_errors()) return model;
    for (Diagnostic& d : reader.take_diagnostics()) {
        if (d.severity == Severity::error) problems.push_back(std::move(d));
    }
    return std::nullopt;
}

YAML::Node UncertainInputs::take_tree() const {
    const std::lock_guard lock(pool_mutex_);
    if (pool_.empty()) return YAML::Clone(nominal_);
    YAML::Node tree = pool_.back();  // a copy of the handle: assigning would rebind nodes
    pool_.pop_back();
    return tree;
}

void UncertainInputs::give_back(const YAML::Node& tree) const {
    const std::lock_guard lock(pool_mutex_);
    pool_.push_back(tree);
}

InputUncertainty::Draw UncertainInputs::draw(std::uint64_t seed,
                                             std::uint32_t replication) const {
    std::vector<double> drawn = values(seed, replication);
    std::vector<Diagnostic> problems;
    auto model = model_with(drawn, problems);
    if (!model) throw ScenarioError(in_replication(std::move(problems), replication));
    return {std::make_shared<const Model>(std::move(*model)), std::move(drawn)};
}

std::shared_ptr<const UncertainInputs> make_uncertain_inputs(const YAML::Node& root,
                                                             NodeReader& reader,
                                                             const Model& nominal) {
    const auto recorded = reader.take_uncertain_inputs();
    const auto bindings = reader.take_bindings();
    if (recorded.empty()) return nullptr;
    // File order: a merged tree's marks put the file first, then its bases, then --set flags.
    // Sort positions, not the records: assigning a YAML::Node rebinds the node in the tree.
    std::vector<std::size_t> order(recorded.size());
    std::iota(order.begin(), order.end(), std::size_t{0});
    const auto position = [&](std::size_t i) {
        return std::pair(recorded[i].node.Mark().line, recorded[i].node.Mark().column);
    };
    std::stable_sort(order.begin(), order.end(),
                     [&](std::size_t a, std::size_t b) { return position(a) < position(b); });
    std::vector<YAML::Node> nodes;
    for (const std::size_t i : order) nodes.push_back(recorded[i].node);
    auto addresses = find_addresses(root, nodes);
    std::vector<UncertainInputs::Input> inputs;
    for (std::size_t k = 0; k < order.size(); ++k) {
        const UncertainInput& r = recorded[order[k]];
        inputs.push_back({r.path, r.distribution, r.scale, snap(r.scale, r.distribution.nominal),
                          std::move(addresses[k]), setters_of(r.node, bindings)});
    }
    auto uncertainty =
        std::make_shared<const UncertainInputs>(root, reader, std::move(inputs), nominal);
    // The ranges first: a value no draw can keep valid (a share that must sum to 1 with
    // others) is reported by the rule it breaks, not as a value without a setter.
    check_input_ranges(*uncertainty, nodes, reader);
    if (!reader.has_errors()) report_unbound(uncertainty->inputs(), nodes, reader);
    return reader.has_errors() ? nullptr : uncertainty;
}

}  // namespace careflow::scenario
