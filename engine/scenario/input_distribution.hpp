// InputDistribution: the distribution of an uncertain scenario parameter, and its quantiles.
#pragma once

#include <yaml-cpp/yaml.h>

#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace careflow::scenario {

class NodeReader;

enum class InputKind : std::uint8_t { lognormal, normal, uniform, triangular, beta, gamma };

/// The kinds as written in scenarios, in enum order.
inline constexpr std::array<std::string_view, 6> input_kind_names{
    "lognormal", "normal", "uniform", "triangular", "beta", "gamma"};

/// What the parameter is, so a value goes back into the tree as text its reader accepts.
enum class InputScale : std::uint8_t {
    number,    ///< "0.35"
    integer,   ///< rounded to the nearest whole number
    cents,     ///< euros, rounded to whole cents
    duration,  ///< in days, written "<days> days"; the distribution's parameters carry units
};

/// Draws stay between these quantiles, so every distribution has a finite range that can be
/// checked against the parameter's allowed values when the scenario loads.
inline constexpr double input_tail = 1e-6;

/// An uncertain parameter's distribution. Draws are by inverse CDF: one uniform number per
/// parameter and replication, mapped into [p_low, p_high] and through the quantile function,
/// so a scenario and a variant that changes the distribution stay coupled (common random
/// numbers: the same uniform gives the same quantile).
struct InputDistribution {
    InputKind kind = InputKind::uniform;
    double location = 0.0;  ///< normal: mean; lognormal: log of the median
    double spread = 0.0;    ///< normal: sd; lognormal: sd_log; gamma: scale
    double shape = 0.0;     ///< gamma: shape; beta: alpha
    double shape2 = 0.0;    ///< beta: beta
    double low = 0.0;       ///< uniform, triangular: min
    double mode = 0.0;      ///< triangular: mode
    double high = 0.0;      ///< uniform, triangular: max
    double p_low = input_tail;         ///< the lowest quantile drawn (raised by a normal's min)
    double p_high = 1.0 - input_tail;  ///< the highest (lowered by a normal's max)
    double nominal = 0.0;  ///< the value of the nominal model: median, mean or mode
};

/// The value at quantile `p` (0 < p < 1).
[[nodiscard]] double quantile(const InputDistribution& d, double p);
/// The value drawn for a uniform number `u` in [0, 1).
[[nodiscard]] double draw_input(const InputDistribution& d, double u);
/// The lowest and highest values a draw can take.
[[nodiscard]] double lowest_draw(const InputDistribution& d);
[[nodiscard]] double highest_draw(const InputDistribution& d);

/// `value` as the parameter's reader sees it: rounded for whole numbers and cents.
[[nodiscard]] double snap(InputScale scale, double value);
/// `value` (already snapped) as scenario text that parses back to exactly `value`.
[[nodiscard]] std::string input_text(InputScale scale, double value);

/// True if `node` looks like an uncertain value: a map with one key naming an input kind.
[[nodiscard]] bool is_input_distribution(const YAML::Node& node);

/// Reads `{kind: {parameters}}` standing for the value at `path`; reports every problem to
/// `reader` (whose input mode must not be `uncertain`, so parameters are plain numbers).
std::optional<InputDistribution> read_input_distribution(const YAML::Node& node,
                                                         std::string_view path, InputScale scale,
                                                         NodeReader& reader);

}  // namespace careflow::scenario
