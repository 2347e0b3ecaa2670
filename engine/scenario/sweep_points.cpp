// The points of a sweep: --vary parsing, the full grid, and the Latin-hypercube design.
#include "model/number_text.hpp"
#include "scenario/units.hpp"

#include <careflow/diagnostics.hpp>
#include <careflow/sweep.hpp>

#include <boost/random/uniform_int_distribution.hpp>
#include <fmt/format.h>
#include <fmt/ranges.h>

#include <charconv>
#include <cmath>
#include <numeric>
#include <optional>
#include <random>
#include <set>
#include <string_view>
#include <utility>

namespace careflow {
namespace {

constexpr std::string_view whole_suffix = ":int";
constexpr const char* grid_example = "e.g. --vary states.residential.capacity=40,46,52";
constexpr const char* range_example = "e.g. --vary states.residential.capacity=30..60:int";

Diagnostic vary_error(const std::string& text, std::string message, std::string hint) {
    return {Severity::error, {"--vary " + text, 0, 0}, std::move(message), {std::move(hint)}};
}

/// Splits on commas outside [ ] and { }, so that a YAML flow list stays one value.
std::vector<std::string> split_values(std::string_view text) {
    std::vector<std::string> values;
    int depth = 0;
    std::size_t start = 0;
    for (std::size_t i = 0; i <= text.size(); ++i) {
        if (i == text.size() || (text[i] == ',' && depth == 0)) {
            values.emplace_back(text.substr(start, i - start));
            start = i + 1;
        } else if (text[i] == '[' || text[i] == '{') {
            ++depth;
        } else if ((text[i] == ']' || text[i] == '}') && depth > 0) {
            --depth;
        }
    }
    return values;
}

/// A range's parts: "LOW..HIGH" and an optional ":suffix".
struct RangeText {
    std::string_view low, high, suffix;
};

std::optional<RangeText> split_range(std::string_view text) {
    const auto dots = text.find("..");
    if (dots == std::string_view::npos) return std::nullopt;
    RangeText parts{text.substr(0, dots), text.substr(dots + 2), {}};
    if (const auto colon = parts.high.find(':'); colon != std::string_view::npos) {
        parts.suffix = parts.high.substr(colon);
        parts.high = parts.high.substr(0, colon);
    }
    return parts;
}

/// True for "LOW..HIGH" with numeric bounds: a range, whatever its suffix.
bool is_numeric_range(std::string_view text) {
    const auto parts = split_range(text);
    return parts && scenario::parse_number(parts->low) && scenario::parse_number(parts->high);
}

/// Checks a grid value list, or reports why it is none.
std::optional<std::vector<std::string>> grid_values(const std::string& flag, std::string_view text,
                                                    std::vector<Diagnostic>& problems) {
    if (is_numeric_range(text)) {
        problems.push_back(vary_error(flag, "a range LOW..HIGH needs --lhs N",
                                      fmt::format("hint: list the values for a grid ({}), or "
                                                  "draw N points from the range with --lhs N",
                                                  grid_example)));
        return std::nullopt;
    }
    auto values = split_values(text);
    for (const std::string& value : values) {
        if (value.empty()) {
            problems.push_back(vary_error(flag, "empty value in the list",
                                          fmt::format("hint: {}", grid_example)));
            return std::nullopt;
        }
    }
    return values;
}

/// Reads "LOW..HIGH[:int]", or reports why it is none.
std::optional<SweepRange> lhs_range(const std::string& flag, std::string_view text,
                                    std::vector<Diagnostic>& problems) {
    const std::string hint = fmt::format("hint: {}; or drop --lhs for a grid of listed values",
                                         range_example);
    const auto parts = split_range(text);
    const bool list = split_values(text).size() > 1;
    if (list || !parts) {
        problems.push_back(vary_error(
            flag, list ? "--lhs draws from a range LOW..HIGH, not a list" : "expected a range LOW..HIGH",
            hint));
        return std::nullopt;
    }
    if (!parts->suffix.empty() && parts->suffix != whole_suffix) {
        problems.push_back(vary_error(flag, fmt::format("unknown suffix '{}'", parts->suffix),
                                      "hint: ':int' draws whole numbers, " +
                                          std::string(range_example)));
        return std::nullopt;
    }
    const auto low = scenario::parse_number(parts->low);
    const auto high = scenario::parse_number(parts->high);
    for (const auto& [bound, value] : {std::pair{parts->low, low}, std::pair{parts->high, high}}) {
        if (!value) {
            problems.push_back(vary_error(
                flag, fmt::format("range bounds must be numbers, got '{}'", bound), hint));
            return std::nullopt;
        }
    }
    const SweepRange range{*low, *high, parts->suffix == whole_suffix};
    if (!(range.low < range.high)) {
        problems.push_back(vary_error(flag, "LOW must be below HIGH",
                                      "hint: to hold a value fixed, use --set PATH=VALUE"));
        return std::nullopt;
    }
    if (range.whole && (std::trunc(range.low) != range.low || std::trunc(range.high) != range.high)) {
        problems.push_back(vary_error(flag, "with :int the bounds must be whole numbers",
                                      fmt::format("hint: {}", range_example)));
        return std::nullopt;
    }
    return range;
}

/// Reads one --vary, or reports why it cannot.
std::optional<SweepParameter> parse_one(const std::string& text, SweepMode mode,
                                        std::vector<Diagnostic>& problems) {
    const auto equals = text.find('=');
    const char* example = mode == SweepMode::grid ? grid_example : range_example;
    if (equals == std::string::npos || equals == 0) {
        problems.push_back(vary_error(text, "expected PATH=VALUES", fmt::format("hint: {}", example)));
        return std::nullopt;
    }
    SweepParameter parameter{text.substr(0, equals), {}, {}};
    const std::string_view rest = std::string_view(text).substr(equals + 1);
    if (rest.empty()) {
        problems.push_back(vary_error(text, "expected values after '='", fmt::format("hint: {}", example)));
        return std::nullopt;
    }
    if (parameter.path == "run.seed" || parameter.path == "run.replications") {
        problems.push_back(vary_error(text, "every point runs under the same seed and replications",
                                      "hint: set them for the whole sweep with -s/--seed and "
                                      "-n/--replications"));
        return std::nullopt;
    }
    if (mode == SweepMode::grid) {
        auto values = grid_values(text, rest, problems);
        if (!values) return std::nullopt;
        parameter.values = std::move(*values);
    } else {
        const auto range = lhs_range(text, rest, problems);
        if (!range) return std::nullopt;
        parameter.range = *range;
    }
    return parameter;
}

/// Uniform on [0, 1) from the top 53 bits, the same on every platform.
double uniform01(std::mt19937_64& generator) {
    return static_cast<double>(generator() >> 11) * 0x1.0p-53;
}

/// 0..n-1 in an order drawn by Fisher-Yates (Boost's distribution: the same everywhere).
std::vector<std::size_t> shuffled_strata(std::size_t n, std::mt19937_64& generator) {
    std::vector<std::size_t> strata(n);
    std::iota(strata.begin(), strata.end(), std::size_t{0});
    for (std::size_t i = n; i > 1; --i) {
        boost::random::uniform_int_distribution<std::size_t> pick(0, i - 1);
        std::swap(strata[i - 1], strata[pick(generator)]);
    }
    return strata;
}

}  // namespace

std::vector<SweepParameter> parse_vary(const std::vector<std::string>& texts, SweepMode mode) {
    std::vector<Diagnostic> problems;
    if (texts.empty()) {
        problems.push_back({Severity::error, {"--vary", 0, 0}, "nothing to vary",
                            {fmt::format("hint: {}", grid_example)}});
    }
    std::vector<SweepParameter> parameters;
    std::set<std::string> seen;
    for (const std::string& text : texts) {
        auto parameter = parse_one(text, mode, problems);
        if (!parameter) continue;
        if (!seen.insert(parameter->path).second) {
            problems.push_back(vary_error(text, fmt::format("'{}' is varied twice", parameter->path),
                                          "hint: give all its values in one --vary"));
            continue;
        }
        parameters.push_back(std::move(*parameter));
    }
    if (!problems.empty()) throw ScenarioError(std::move(problems));
    return parameters;
}

std::vector<std::string> SweepDesign::overrides(std::size_t point) const {
    std::vector<std::string> flags;
    for (std::size_t j = 0; j < paths.size(); ++j) {
        flags.push_back(paths[j] + "=" + values.at(point)[j]);
    }
    return flags;
}

std::string SweepDesign::label(std::size_t point) const {
    return fmt::format("point {} ({})", point + 1, fmt::join(overrides(point), ", "));
}

SweepDesign grid_design(const std::vector<SweepParameter>& parameters) {
    SweepDesign design;
    std::size_t total = 1;
    for (const SweepParameter& parameter : parameters) {
        design.paths.push_back(parameter.path);
        total *= parameter.values.size();  // stays small: checked against the limit each step
        if (total > max_sweep_points) {
            throw ScenarioError({{Severity::error, {"--vary", 0, 0},
                                  fmt::format("the grid has more than {} points", max_sweep_points),
                                  {"hint: vary fewer values, or sample ranges with --lhs N"}}});
        }
    }
    for (std::size_t point = 0; point < total; ++point) {
        std::vector<std::string> values(parameters.size());
        std::size_t rest = point;
        for (std::size_t j = parameters.size(); j-- > 0;) {  // the last parameter varies fastest
            values[j] = parameters[j].values[rest % parameters[j].values.size()];
            rest /= parameters[j].values.size();
        }
        design.values.push_back(std::move(values));
    }
    return design;
}

std::vector<std::vector<double>> latin_hypercube(std::span<const SweepRange> ranges,
                                                 std::size_t points, std::uint64_t seed) {
    std::mt19937_64 generator(seed);
    std::vector<std::vector<double>> samples(points, std::vector<double>(ranges.size()));
    const double n = static_cast<double>(points);
    for (std::size_t j = 0; j < ranges.size(); ++j) {
        const std::vector<std::size_t> strata = shuffled_strata(points, generator);
        const double width = ranges[j].high - ranges[j].low;
        for (std::size_t i = 0; i < points; ++i) {
            const double offset = (static_cast<double>(strata[i]) + uniform01(generator)) / n;
            samples[i][j] = ranges[j].low + offset * width;
        }
    }
    return samples;
}

SweepDesign lhs_design(const std::vector<SweepParameter>& parameters, std::size_t points,
                       std::uint64_t seed) {
    // A whole range LOW..HIGH is drawn on [LOW - 0.5, HIGH + 0.5) and rounded, so that every
    // whole number in it, the bounds included, gets an equal share.
    std::vector<SweepRange> ranges;
    SweepDesign design;
    for (const SweepParameter& parameter : parameters) {
        design.paths.push_back(parameter.path);
        const SweepRange& r = parameter.range;
        ranges.push_back(r.whole ? SweepRange{r.low - 0.5, r.high + 0.5, true} : r);
    }
    for (const std::vector<double>& sample : latin_hypercube(ranges, points, seed)) {
        std::vector<std::string> values;
        for (std::size_t j = 0; j < sample.size(); ++j) {
            const double value = ranges[j].whole ? std::floor(sample[j] + 0.5) : sample[j];
            values.push_back(number_text(value));
        }
        design.values.push_back(std::move(values));
    }
    return design;
}

}  // namespace careflow
