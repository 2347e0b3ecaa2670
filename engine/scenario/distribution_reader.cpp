// Reading the seven duration distributions and binding their numbers; the sampler's
// parameters and the moments are derived in model/distribution_forms.
#include "scenario/distribution_reader.hpp"

#include "model/distribution_forms.hpp"

#include <fmt/format.h>

#include <array>
#include <cmath>

namespace careflow::scenario {
namespace {

constexpr std::array<std::string_view, 7> kind_names{
    "exponential", "gamma", "lognormal", "weibull", "deterministic", "uniform", "empirical"};

using Keys = std::span<const std::string_view>;

/// Reads `key` of a parameter map as a duration in days (> 0).
std::optional<double> duration_param(NodeReader& r, const YAML::Node& params,
                                     std::string_view key, std::string_view path) {
    const auto node = r.required(params, key, path);
    return node ? r.duration_days(*node, fmt::format("{}.{}", path, key)) : std::nullopt;
}

std::optional<double> positive_param(NodeReader& r, const YAML::Node& params,
                                     std::string_view key, std::string_view path) {
    const auto node = r.required(params, key, path);
    return node ? r.positive_number(*node, fmt::format("{}.{}", path, key)) : std::nullopt;
}

/// True if `params` is a map with only `keys`; reports otherwise.
bool check_params(NodeReader& r, const YAML::Node& params, std::string_view path, Keys keys) {
    if (!r.expect_map(params, path)) return false;
    r.check_keys(params, path, keys);
    return true;
}

/// Two keys that together give a distribution's parameters, e.g. 'mean' and 'cv'.
struct ParameterForm {
    std::string_view first;
    std::string_view second;
};

/// Which of two parameterisations a map uses (true: `a`); reports a mix or neither.
std::optional<bool> uses_first_form(NodeReader& r, const YAML::Node& params,
                                    std::string_view path, ParameterForm a, ParameterForm b) {
    const auto given = [&](ParameterForm f) {
        return NodeReader::optional(params, f.first) || NodeReader::optional(params, f.second);
    };
    const std::string forms = fmt::format("either '{}' and '{}', or '{}' and '{}'", a.first,
                                          a.second, b.first, b.second);
    if (given(a) != given(b)) return given(a);
    if (given(a)) {
        r.error(params, fmt::format("{} mixes two ways of giving its parameters", path),
                {fmt::format("hint: give {}", forms)});
    } else {
        r.error(params, fmt::format("{} needs {}", path, forms));
    }
    return std::nullopt;
}

std::optional<Distribution> exponential(NodeReader& r, const YAML::Node& p, std::string_view path) {
    static constexpr std::array<std::string_view, 1> keys{"mean"};
    if (!check_params(r, p, path, keys)) return std::nullopt;
    const auto mean = duration_param(r, p, "mean", path);
    if (!mean) return std::nullopt;
    return make_distribution(DistributionForm::exponential_mean, *mean);
}

std::optional<Distribution> gamma(NodeReader& r, const YAML::Node& p, std::string_view path) {
    static constexpr std::array<std::string_view, 4> keys{"mean", "cv", "shape", "scale"};
    if (!check_params(r, p, path, keys)) return std::nullopt;
    const auto by_mean = uses_first_form(r, p, path, {"mean", "cv"}, {"shape", "scale"});
    if (!by_mean) return std::nullopt;
    if (*by_mean) {
        const auto mean = duration_param(r, p, "mean", path);
        const auto cv = positive_param(r, p, "cv", path);
        if (!mean || !cv) return std::nullopt;
        return make_distribution(DistributionForm::gamma_mean_cv, *mean, *cv);
    }
    const auto shape = positive_param(r, p, "shape", path);
    const auto scale = duration_param(r, p, "scale", path);
    if (!shape || !scale) return std::nullopt;
    return make_distribution(DistributionForm::gamma_shape_scale, *shape, *scale);
}

std::optional<Distribution> lognormal(NodeReader& r, const YAML::Node& p, std::string_view path) {
    static constexpr std::array<std::string_view, 4> keys{"mean", "sd", "median", "sd_log"};
    if (!check_params(r, p, path, keys)) return std::nullopt;
    const auto by_mean = uses_first_form(r, p, path, {"mean", "sd"}, {"median", "sd_log"});
    if (!by_mean) return std::nullopt;
    if (*by_mean) {
        const auto mean = duration_param(r, p, "mean", path);
        const auto sd = duration_param(r, p, "sd", path);
        if (!mean || !sd) return std::nullopt;
        return make_distribution(DistributionForm::lognormal_mean_sd, *mean, *sd);
    }
    const auto median = duration_param(r, p, "median", path);
    const auto sd_log = positive_param(r, p, "sd_log", path);
    if (!median || !sd_log) return std::nullopt;
    return make_distribution(DistributionForm::lognormal_median_sd_log, *median, *sd_log);
}

std::optional<Distribution> weibull(NodeReader& r, const YAML::Node& p, std::string_view path) {
    static constexpr std::array<std::string_view, 2> keys{"shape", "scale"};
    if (!check_params(r, p, path, keys)) return std::nullopt;
    const auto shape = positive_param(r, p, "shape", path);
    const auto scale = duration_param(r, p, "scale", path);
    if (!shape || !scale) return std::nullopt;
    return make_distribution(DistributionForm::weibull_shape_scale, *shape, *scale);
}

std::optional<Distribution> deterministic(NodeReader& r, const YAML::Node& p,
                                          std::string_view path) {
    const auto value = r.duration_days(p, path);
    if (!value) return std::nullopt;
    return make_distribution(DistributionForm::deterministic, *value);
}

std::optional<Distribution> uniform(NodeReader& r, const YAML::Node& p, std::string_view path) {
    static constexpr std::array<std::string_view, 2> keys{"min", "max"};
    if (!check_params(r, p, path, keys)) return std::nullopt;
    const auto min_node = r.required(p, "min", path);
    const auto max_node = r.required(p, "max", path);
    if (!min_node || !max_node) return std::nullopt;
    const auto low = r.duration_days(*min_node, fmt::format("{}.min", path), true);
    const auto high = r.duration_days(*max_node, fmt::format("{}.max", path));
    if (!low || !high) return std::nullopt;
    if (*high <= *low) {
        r.error(*max_node, fmt::format("{}.max must be greater than min, got max '{}' <= min "
                                       "'{}'", path, max_node->Scalar(), min_node->Scalar()));
        return std::nullopt;
    }
    return make_distribution(DistributionForm::uniform_min_max, *low, *high);
}

/// The distribution `node` names, its numbers read (not bound).
std::optional<Distribution> read_distribution_kind(const YAML::Node& node, std::string_view path,
                                                   NodeReader& r) {
    if (!r.expect_map(node, path)) return std::nullopt;
    if (node.size() != 1) {
        r.error(node, fmt::format("{} must name exactly one distribution, got {} keys", path,
                                  node.size()),
                {"hint: e.g. 'length_of_stay: {exponential: {mean: 90 days}}'"});
        return std::nullopt;
    }
    r.check_keys(node, path, kind_names);
    const auto entry = *node.begin();
    const std::string kind = entry.first.Scalar();
    const std::string inner = fmt::format("{}.{}", path, kind);
    const YAML::Node& params = entry.second;
    if (kind == "exponential") return exponential(r, params, inner);
    if (kind == "gamma") return gamma(r, params, inner);
    if (kind == "lognormal") return lognormal(r, params, inner);
    if (kind == "weibull") return weibull(r, params, inner);
    if (kind == "deterministic") return deterministic(r, params, inner);
    if (kind == "uniform") return uniform(r, params, inner);
    if (kind == "empirical") return read_empirical(r, params, inner);
    return std::nullopt;  // unknown kind: already reported by check_keys
}

/// Binds each duration of an empirical table (its probabilities must sum to 1, so none can
/// vary alone).
void bind_table(const YAML::Node& params, std::string_view path, const Where<Distribution>& where,
                NodeReader& r) {
    const auto table = NodeReader::optional(params, "table");
    if (!table || !table->IsSequence()) return;
    for (std::size_t i = 0; i < table->size(); ++i) {
        const YAML::Node row = (*table)[i];
        if (!row.IsSequence() || row.size() != 2) continue;
        r.bind(row[0], fmt::format("{}.table[{}][0]", path, i),
               [where, i](Model& m, double days) {
                   Distribution& d = where(m);
                   d.values_days[i] = days;
                   set_empirical_moments(d);
               });
    }
}

/// Binds the numbers a distribution of `form` was given (the keys in form order, or the node
/// itself for a deterministic value) to the distribution at `where`.
void bind_given(const YAML::Node& params, std::string_view path, const Distribution& d,
                const Where<Distribution>& where, NodeReader& r) {
    static constexpr std::array<std::array<std::string_view, 2>, 9> keys{{
        {"mean", ""}, {"mean", "cv"}, {"shape", "scale"}, {"mean", "sd"}, {"median", "sd_log"},
        {"shape", "scale"}, {"", ""}, {"min", "max"}, {"", ""}}};
    if (!where) return;
    if (d.form == DistributionForm::empirical) {
        bind_table(params, path, where, r);
        return;
    }
    const auto setter = [where](std::size_t which) {
        return [where, which](Model& m, double v) {
            Distribution& at = where(m);
            at = with_given(at, which, v);
        };
    };
    if (d.form == DistributionForm::deterministic) {
        r.bind(params, path, setter(0));
        return;
    }
    for (std::size_t which = 0; which < 2; ++which) {
        const std::string_view key = keys[static_cast<std::size_t>(d.form)][which];
        if (key.empty()) continue;
        if (auto node = NodeReader::optional(params, key)) {
            r.bind(*node, fmt::format("{}.{}", path, key), setter(which));
        }
    }
}

}  // namespace

std::string_view distribution_kind_name(DistributionKind kind) {
    return kind_names[static_cast<std::size_t>(kind)];
}

std::optional<Distribution> read_distribution(const YAML::Node& node, std::string_view path,
                                              NodeReader& r, const Where<Distribution>& where) {
    auto d = read_distribution_kind(node, path, r);
    if (d && node.IsMap() && node.size() == 1) {
        const auto entry = *node.begin();
        bind_given(entry.second, fmt::format("{}.{}", path, entry.first.Scalar()), *d, where, r);
    }
    return d;
}

}  // namespace careflow::scenario
