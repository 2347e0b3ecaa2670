// Reading an uncertain value's distribution ({lognormal: {median, sd_log}}, ...) from YAML.
#include "scenario/input_distribution.hpp"

#include "scenario/node_reader.hpp"

#include <boost/math/special_functions/erf.hpp>

#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <numbers>

namespace careflow::scenario {
namespace {

using Keys = std::span<const std::string_view>;

/// The parameters of one distribution: where they are, and on which scale they are read.
struct Params {
    NodeReader& r;
    const YAML::Node& map;
    std::string path;  ///< "arrivals[0].per_year.lognormal"
    InputScale scale;

    /// A parameter on the value's own scale (a duration for a duration); > 0 if `positive`.
    [[nodiscard]] std::optional<double> value(std::string_view key, bool positive) const {
        const auto node = r.required(map, key, path);
        return node ? read(*node, key, positive) : std::nullopt;
    }
    /// The same for a key that may be left out; `given` tells whether it was there.
    [[nodiscard]] std::optional<double> optional_value(std::string_view key, bool& given) const {
        const auto node = NodeReader::optional(map, key);
        given = node.has_value();
        return node ? read(*node, key, false) : std::nullopt;
    }
    /// A parameter without unit (sd_log), > 0.
    [[nodiscard]] std::optional<double> positive(std::string_view key) const {
        const auto node = r.required(map, key, path);
        return node ? r.positive_number(*node, fmt::format("{}.{}", path, key)) : std::nullopt;
    }
    /// " days" after a duration's values in messages (they are converted to days).
    [[nodiscard]] std::string_view unit() const {
        return scale == InputScale::duration ? " days" : "";
    }
    void error(std::string message, std::vector<std::string> notes = {}) const {
        r.error(map, fmt::format("{} {}", path, message), std::move(notes));
    }

private:
    [[nodiscard]] std::optional<double> read(const YAML::Node& node, std::string_view key,
                                             bool must_be_positive) const {
        const std::string at = fmt::format("{}.{}", path, key);
        if (scale == InputScale::duration) return r.duration_days(node, at, !must_be_positive);
        return must_be_positive ? r.positive_number(node, at) : r.number(node, at);
    }
};

bool check_params(const Params& p, Keys keys) {
    if (!p.r.expect_map(p.map, p.path)) return false;
    p.r.check_keys(p.map, p.path, keys);
    return true;
}

std::optional<InputDistribution> lognormal(const Params& p) {
    static constexpr std::array<std::string_view, 2> keys{"median", "sd_log"};
    if (!check_params(p, keys)) return std::nullopt;
    const auto median = p.value("median", true);
    const auto sd_log = p.positive("sd_log");
    if (!median || !sd_log) return std::nullopt;
    return InputDistribution{.kind = InputKind::lognormal, .location = std::log(*median),
                             .spread = *sd_log, .nominal = *median};
}

double normal_cdf(double mean, double sd, double x) {
    return 0.5 * boost::math::erfc(-(x - mean) / (sd * std::numbers::sqrt2));
}

std::optional<InputDistribution> normal(const Params& p) {
    static constexpr std::array<std::string_view, 4> keys{"mean", "sd", "min", "max"};
    if (!check_params(p, keys)) return std::nullopt;
    bool has_min = false;
    bool has_max = false;
    const auto mean = p.value("mean", false);
    const auto sd = p.value("sd", true);
    const auto min = p.optional_value("min", has_min);
    const auto max = p.optional_value("max", has_max);
    if (!mean || !sd || has_min != min.has_value() || has_max != max.has_value()) {
        return std::nullopt;
    }
    InputDistribution d{.kind = InputKind::normal, .location = *mean, .spread = *sd,
                        .nominal = *mean};
    if ((min && *min > *mean) || (max && *max < *mean)) {
        p.error("must have min <= mean <= max",
                {"hint: min and max cut off the tails; the mean is the nominal value"});
        return std::nullopt;
    }
    if (min) d.p_low = std::max(d.p_low, normal_cdf(*mean, *sd, *min));
    if (max) d.p_high = std::min(d.p_high, normal_cdf(*mean, *sd, *max));
    return d;
}

std::optional<InputDistribution> uniform(const Params& p) {
    static constexpr std::array<std::string_view, 2> keys{"min", "max"};
    if (!check_params(p, keys)) return std::nullopt;
    const auto min = p.value("min", false);
    const auto max = p.value("max", false);
    if (!min || !max) return std::nullopt;
    if (*max <= *min) {
        p.error(fmt::format("must have min < max, got min {:g}{} and max {:g}{}", *min, p.unit(),
                            *max, p.unit()));
        return std::nullopt;
    }
    return InputDistribution{.kind = InputKind::uniform, .low = *min, .high = *max,
                             .nominal = (*min + *max) / 2.0};
}

std::optional<InputDistribution> triangular(const Params& p) {
    static constexpr std::array<std::string_view, 3> keys{"min", "mode", "max"};
    if (!check_params(p, keys)) return std::nullopt;
    const auto min = p.value("min", false);
    const auto mode = p.value("mode", false);
    const auto max = p.value("max", false);
    if (!min || !mode || !max) return std::nullopt;
    if (*max <= *min || *mode < *min || *mode > *max) {
        p.error(fmt::format("must have min <= mode <= max and min < max, got {:g}, {:g} and "
                            "{:g}{}", *min, *mode, *max, p.unit()));
        return std::nullopt;
    }
    return InputDistribution{.kind = InputKind::triangular, .low = *min, .mode = *mode,
                             .high = *max, .nominal = *mode};
}

std::optional<InputDistribution> beta(const Params& p) {
    static constexpr std::array<std::string_view, 2> keys{"mean", "sd"};
    if (!check_params(p, keys)) return std::nullopt;
    if (p.scale != InputScale::number) {
        p.error("cannot be used here: beta lies between 0 and 1, for shares and probabilities",
                {"hint: use lognormal, gamma, normal, uniform or triangular"});
        return std::nullopt;
    }
    const auto mean = p.value("mean", true);
    const auto sd = p.value("sd", true);
    if (!mean || !sd) return std::nullopt;
    if (*mean >= 1.0 || *sd * *sd >= *mean * (1.0 - *mean)) {
        p.error(fmt::format("needs 0 < mean < 1 and sd < sqrt(mean x (1 - mean)), got mean {:g} "
                            "and sd {:g}", *mean, *sd),
                {fmt::format("hint: with this mean, sd must be below {:.4g}",
                             *mean < 1.0 ? std::sqrt(*mean * (1.0 - *mean)) : 0.0)});
        return std::nullopt;
    }
    const double k = *mean * (1.0 - *mean) / (*sd * *sd) - 1.0;
    return InputDistribution{.kind = InputKind::beta, .shape = *mean * k,
                             .shape2 = (1.0 - *mean) * k, .nominal = *mean};
}

std::optional<InputDistribution> gamma(const Params& p) {
    static constexpr std::array<std::string_view, 2> keys{"mean", "sd"};
    if (!check_params(p, keys)) return std::nullopt;
    const auto mean = p.value("mean", true);
    const auto sd = p.value("sd", true);
    if (!mean || !sd) return std::nullopt;
    return InputDistribution{.kind = InputKind::gamma, .spread = *sd * *sd / *mean,
                             .shape = (*mean / *sd) * (*mean / *sd), .nominal = *mean};
}

/// A kind only stays have ("exponential"), written where an uncertain value was meant.
bool is_stay_kind(const YAML::Node& key) {
    static constexpr std::array<std::string_view, 4> stay_only{"exponential", "weibull",
                                                               "deterministic", "empirical"};
    return key.IsScalar() &&
           std::find(stay_only.begin(), stay_only.end(), key.Scalar()) != stay_only.end();
}

std::string example(InputScale scale, std::string_view path) {
    const auto key = path.substr(path.rfind('.') == std::string_view::npos ? 0
                                                                           : path.rfind('.') + 1);
    if (scale == InputScale::duration) {
        return fmt::format("hint: e.g. '{}: {{lognormal: {{median: 90 days, sd_log: 0.2}}}}'",
                           key);
    }
    return fmt::format("hint: e.g. '{}: {{lognormal: {{median: 0.3, sd_log: 0.2}}}}'", key);
}

}  // namespace

std::optional<InputDistribution> read_input_distribution(const YAML::Node& node,
                                                         std::string_view path, InputScale scale,
                                                         NodeReader& r) {
    if (node.size() != 1) {
        r.error(node, fmt::format("{} must be a number or one distribution, got a map with {} "
                                  "keys", path, node.size()),
                {example(scale, path)});
        return std::nullopt;
    }
    const auto entry = *node.begin();
    if (is_stay_kind(entry.first)) {
        r.error(entry.first, fmt::format("unknown input distribution '{}' in {}",
                                         entry.first.Scalar(), path),
                {fmt::format("note: '{}' is a distribution of stays (length_of_stay, after, "
                             "in_care_for); an uncertain value is drawn from another kind",
                             entry.first.Scalar()),
                 known_names_note("input distributions", {input_kind_names.begin(),
                                                          input_kind_names.end()})});
        return std::nullopt;
    }
    const auto kind = r.choice(entry.first, path, input_kind_names, "input distribution");
    if (!kind) return std::nullopt;
    const Params p{r, entry.second, fmt::format("{}.{}", path, input_kind_names[*kind]), scale};
    switch (static_cast<InputKind>(*kind)) {
        case InputKind::lognormal: return lognormal(p);
        case InputKind::normal: return normal(p);
        case InputKind::uniform: return uniform(p);
        case InputKind::triangular: return triangular(p);
        case InputKind::beta: return beta(p);
        case InputKind::gamma: return gamma(p);
    }
    return std::nullopt;
}

}  // namespace careflow::scenario
