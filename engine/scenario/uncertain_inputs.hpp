// UncertainInputs: the InputUncertainty of a scenario whose parameters include distributions.
#pragma once

#include "scenario/node_reader.hpp"
#include "scenario/tree_address.hpp"

#include <careflow/uncertainty.hpp>

#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <vector>

namespace careflow::scenario {

/// Draws every uncertain parameter once per replication and makes the model of the draw: a
/// copy of the nominal model with each drawn value written in by its typed setter (the
/// reader's binding, model_binding.hpp), then checked by check_model. No YAML is read after
/// load. A parameter's draw depends only on (seed, replication, its path), never on the
/// thread, the other parameters or their order, so a variant scenario that shares a parameter
/// draws the same value for it (common random numbers).
///
/// At load, the ends of every input's range are probed both ways: resolving the YAML tree
/// with the values written in (so every rule of the readers holds there) and by the setters.
class UncertainInputs final : public InputUncertainty {
public:
    struct Input {
        std::string path;  ///< as for --set; the key's state and the stream's entity
        InputDistribution distribution;
        InputScale scale = InputScale::number;
        double nominal = 0.0;                ///< snapped, as in the nominal model
        std::vector<TreeAddress> addresses;  ///< where to write a value (several via aliases)
        std::vector<ModelSetter> setters;    ///< how to write it into a model (several via aliases)
    };

    /// `nominal`: the merged tree holding every input's nominal value; `origins`: a reader of
    /// its files and flags.
    UncertainInputs(YAML::Node nominal, const NodeReader& origins, std::vector<Input> inputs,
                    Model nominal_model);

    [[nodiscard]] bool empty() const noexcept override { return inputs_.empty(); }
    [[nodiscard]] std::vector<MetricKey> keys() const override;
    [[nodiscard]] Draw draw(std::uint64_t seed, std::uint32_t replication) const override;

    [[nodiscard]] const std::vector<Input>& inputs() const noexcept { return inputs_; }
    /// The values drawn for replication `replication` under `seed`, aligned with inputs().
    [[nodiscard]] std::vector<double> values(std::uint64_t seed,
                                             std::uint32_t replication) const;
    /// The model with the inputs at `values` (written by their setters), or nullopt with the
    /// errors that make it invalid.
    [[nodiscard]] std::optional<Model> model_with(const std::vector<double>& values,
                                                  std::vector<Diagnostic>& problems) const;
    /// True when every input has a typed setter (make_uncertain_inputs reports one without).
    [[nodiscard]] bool all_bound() const noexcept;
    /// The model with the inputs at `values` written by their setters, and the problems that
    /// make it invalid (none: valid).
    [[nodiscard]] Model model_set(const std::vector<double>& values,
                                  std::vector<std::string>& problems) const;
    /// At load only: the model of resolving the YAML tree with `values` written in as text,
    /// or nullopt with the readers' errors.
    [[nodiscard]] std::optional<Model> model_resolved(const std::vector<double>& values,
                                                      std::vector<Diagnostic>& problems) const;
    /// At load only: true when `values` keep both the readers' rules (model_resolved) and
    /// check_model's (model_with); else false with the problems.
    [[nodiscard]] bool valid_at(const std::vector<double>& values,
                                std::vector<Diagnostic>& problems) const;

private:
    /// A tree of the scenario for one probe to write its values into (see pool_).
    [[nodiscard]] YAML::Node take_tree() const;
    void give_back(const YAML::Node& tree) const;
    [[nodiscard]] std::optional<Model> resolve_tree(const YAML::Node& tree,
                                                    std::vector<Diagnostic>& problems) const;

    YAML::Node nominal_;
    Model nominal_model_;
    NodeReader origins_;
    std::vector<Input> inputs_;
    std::vector<std::uint64_t> entities_;  ///< per input: its stream, a hash of its path
    // Trees that earlier probes wrote into, for the next probes to reuse: every probe writes
    // every input, so an old probe's values never leak into a new one. Reusing them makes a
    // probe cost one resolve and not also a clone (0.8 ms of NV's 1.6). yaml-cpp trees are not
    // safe to read from two threads (const reads update cached sizes); the mutex keeps the
    // pool safe should probes ever run on threads.
    mutable std::mutex pool_mutex_;
    mutable std::vector<YAML::Node> pool_;
};

/// The uncertainty of a scenario that `reader` resolved from `root` in InputMode::uncertain
/// into `nominal` (null when no value was a distribution). Checks that every value each input
/// can draw keeps the scenario valid, reporting those that do not to `reader` (then returns
/// null).
[[nodiscard]] std::shared_ptr<const UncertainInputs> make_uncertain_inputs(
    const YAML::Node& root, NodeReader& reader, const Model& nominal);

}  // namespace careflow::scenario
