// Typed, checked access to YAML nodes that records every problem with its file position.
#pragma once

#include "scenario/input_distribution.hpp"
#include "scenario/model_binding.hpp"

#include <careflow/diagnostics.hpp>
#include <careflow/finance.hpp>

#include <yaml-cpp/yaml.h>

#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace careflow::scenario {

/// The bounds of a number, and how a message names it ("a share").
struct NumberRange {
    double low = 0.0;
    double high = 1.0;
    bool low_open = false;  ///< true: `low` itself is out of range
    std::string_view what = "a share";
};

/// Whether a distribution may stand where a number belongs (uncertain inputs).
enum class InputMode : std::uint8_t {
    numbers,    ///< no: a map is a type error, like a list (the default)
    uncertain,  ///< yes: it is read, recorded, and replaced in the tree by its nominal value
    fixed,      ///< no, and it is reported as a value that cannot vary (such as the run's)
};

/// A parameter given as a distribution, as NodeReader found it in InputMode::uncertain.
/// Copy it, never assign it: assigning a YAML::Node rebinds the node in the tree.
struct UncertainInput {
    std::string path;  ///< as --set writes it: "states.care.transitions.0.per_year"
    YAML::Node node;   ///< its place in the tree, which now holds the nominal value
    InputDistribution distribution{};
    InputScale scale = InputScale::number;
};

/// A number of the scenario and how to write it into the resolved model: its typed setter.
/// Copy it, never assign it (it holds a YAML::Node).
struct Binding {
    std::string path;  ///< as --set writes it: "states.care.transitions.0.per_year"
    YAML::Node node;   ///< where the reader found the number
    ModelSetter set;
};

/// Reads values out of a scenario's YAML tree. Never throws on bad input: each accessor
/// reports what is wrong (with path, value and hint) and returns nullopt, so one pass
/// collects all the problems of a file.
class NodeReader {
public:
    explicit NodeReader(std::string file) : origins_{{std::move(file), true}} {}

    /// The scenario file itself (origin 0).
    [[nodiscard]] const std::string& file() const noexcept { return origins_.front().name; }
    [[nodiscard]] SourceLocation where(const YAML::Node& node) const { return where(node.Mark()); }
    [[nodiscard]] SourceLocation where(const YAML::Mark& mark) const;

    /// Registers another source of YAML nodes (a base file of `extends`, or a `--set` flag)
    /// and returns its origin number, for parse_yaml. A flag has no line and column.
    std::size_t add_origin(std::string name, bool has_position);
    /// Lines reserved per origin: a merged tree's nodes tell their origin by their line.
    static constexpr int lines_per_origin = 100'000;

    void error(const YAML::Node& at, std::string message, std::vector<std::string> notes = {});
    void warning(const YAML::Node& at, std::string message, std::vector<std::string> notes = {});
    void report(Diagnostic diagnostic) { diagnostics_.push_back(std::move(diagnostic)); }

    /// True if `node` is a map; otherwise reports "`path` must be a map".
    bool expect_map(const YAML::Node& node, std::string_view path);
    /// True if `node` is a non-empty list; otherwise reports it.
    bool expect_list(const YAML::Node& node, std::string_view path);
    /// Reports keys of `map` that are not in `known` (with a suggestion) and repeated keys.
    void check_keys(const YAML::Node& map, std::string_view path,
                    std::span<const std::string_view> known);
    /// Reports keys given more than once in `map` (YAML allows it; a scenario must not).
    void check_unique_keys(const YAML::Node& map, std::string_view path);
    /// The value of `key`, or nullopt after reporting that it is missing.
    std::optional<YAML::Node> required(const YAML::Node& map, std::string_view key,
                                       std::string_view path);
    /// The value of `key`, or nullopt if the key is absent.
    [[nodiscard]] static std::optional<YAML::Node> optional(const YAML::Node& map,
                                                            std::string_view key);

    std::optional<std::string> text(const YAML::Node& node, std::string_view path);
    std::optional<double> number(const YAML::Node& node, std::string_view path);
    /// A number > 0 (rates, means): zero and negatives are reported.
    std::optional<double> positive_number(const YAML::Node& node, std::string_view path);
    /// A number within `range`, else "`path` is a share and must lie in [0, 1], got '1.5'"
    /// followed by `notes`.
    std::optional<double> bounded_number(const YAML::Node& node, std::string_view path,
                                         const NumberRange& range,
                                         std::vector<std::string> notes = {});
    std::optional<std::int64_t> integer(const YAML::Node& node, std::string_view path);
    std::optional<bool> boolean(const YAML::Node& node, std::string_view path);
    /// Euros with at most two decimals ("280.50"), as whole cents; negatives are reported.
    std::optional<Cents> cents(const YAML::Node& node, std::string_view path);
    /// The index in `words` of the word at `node`; another word is reported as "unknown `what`
    /// 'x' in `path`" with a suggestion and the known words (`what` + "s").
    std::optional<std::size_t> choice(const YAML::Node& node, std::string_view path,
                                      std::span<const std::string_view> words,
                                      std::string_view what);
    /// A duration with its unit ("90 days"), in days; must be > 0 unless `allow_zero`.
    std::optional<double> duration_days(const YAML::Node& node, std::string_view path,
                                        bool allow_zero = false);

    [[nodiscard]] bool has_errors() const noexcept;
    [[nodiscard]] std::vector<Diagnostic> take_diagnostics();

    /// Sets how the numeric accessors take a distribution; returns the previous mode.
    /// `reason` (for InputMode::fixed) says why the values cannot vary.
    InputMode set_input_mode(InputMode mode, std::string reason = {});
    [[nodiscard]] InputMode input_mode() const noexcept { return input_mode_; }
    /// The distributions read in InputMode::uncertain, in the order they were read.
    [[nodiscard]] std::vector<UncertainInput> take_uncertain_inputs();
    /// How many distributions have been read so far: a reader of a part of the scenario
    /// compares the counts before and after to learn whether that part holds one.
    [[nodiscard]] std::size_t uncertain_input_count() const noexcept { return inputs_.size(); }
    /// A reader of the same files and flags (so positions print alike), with nothing reported.
    [[nodiscard]] NodeReader with_same_origins() const;

    /// Records that the number at `node` (read at `path`) is written into the model by `set`
    /// (only while recording, and only a setter: a reader that only checks a tree, or a part
    /// read with no place in the model, binds nothing).
    void bind(const YAML::Node& node, std::string_view path, ModelSetter set);
    /// Whether bind() records; off unless turned on (the load of a scenario turns it on).
    void record_bindings(bool on) noexcept { record_bindings_ = on; }
    [[nodiscard]] bool records_bindings() const noexcept { return record_bindings_; }
    /// The bindings recorded so far, in the order they were made.
    [[nodiscard]] std::vector<Binding> take_bindings();

private:
    std::optional<std::string> scalar(const YAML::Node& node, std::string_view path,
                                      std::string_view expected);
    /// In InputMode::uncertain, reads a distribution standing at `node` for a value that must
    /// lie in `allowed`, records it and writes its nominal value into the tree in its place, so
    /// the accessor goes on to read that number. False after reporting a problem.
    bool accept_input(const YAML::Node& node, std::string_view path, InputScale scale,
                      const NumberRange& allowed);
    bool check_draw_range(const YAML::Node& node, std::string_view path,
                          const InputDistribution& d, InputScale scale,
                          const NumberRange& allowed);

    struct Origin {
        std::string name;
        bool has_position = true;
    };
    std::vector<Origin> origins_;
    std::vector<Diagnostic> diagnostics_;
    InputMode input_mode_ = InputMode::numbers;
    std::string fixed_reason_;
    std::vector<UncertainInput> inputs_;
    std::vector<Binding> bindings_;
    bool record_bindings_ = false;
};

/// Within a scope, values cannot be distributions (when the reader takes uncertain inputs):
/// those that shape the run itself, such as the horizon or the age bands.
class FixedInputs {
public:
    FixedInputs(NodeReader& reader, std::string reason)
        : reader_(reader), saved_(reader.input_mode()) {
        if (saved_ == InputMode::uncertain) {
            reader_.set_input_mode(InputMode::fixed, std::move(reason));
        }
    }
    ~FixedInputs() {
        if (saved_ == InputMode::uncertain) reader_.set_input_mode(saved_);
    }
    FixedInputs(const FixedInputs&) = delete;
    FixedInputs& operator=(const FixedInputs&) = delete;

private:
    NodeReader& reader_;
    InputMode saved_;
};

/// How a node looks in a message: its scalar text in quotes, or "a list" / "a map".
[[nodiscard]] std::string describe(const YAML::Node& node);

/// "known <kind>: a, b, c" sorted, truncated after `most` names (a dozen unless told).
[[nodiscard]] std::string known_names_note(std::string_view kind, std::vector<std::string> names,
                                           std::size_t most = 12);

/// "did you mean 'x'?" when one of `candidates` is a likely typo of `name`.
[[nodiscard]] std::optional<std::string> suggestion(std::string_view name,
                                                    std::span<const std::string> candidates);

}  // namespace careflow::scenario
