// --target-ci: parsing METRIC=HALF_WIDTH, finding the metric's column, judging the interval.
#include "model/spelling.hpp"

#include <careflow/diagnostics.hpp>
#include <careflow/replications.hpp>

#include <fmt/format.h>
#include <fmt/ranges.h>

#include <algorithm>
#include <charconv>
#include <cmath>
#include <span>
#include <string_view>
#include <utility>

namespace careflow {
namespace {

constexpr std::uint32_t min_batch_replications = 32;
constexpr std::size_t max_suggestions = 5;

const std::string hint_format =
    "hint: METRIC is metric/state/year/strategy as in summary.csv's columns, empty parts kept "
    "between slashes: clients//2019=5, wait_days_mean/residential=2";

Diagnostic flag_error(const std::string& flag, std::string message) {
    return {Severity::error, {flag, 0, 0}, std::move(message), {hint_format}};
}

std::vector<std::string> split(std::string_view text, char separator) {
    std::vector<std::string> parts;
    std::size_t start = 0;
    for (std::size_t at = text.find(separator); at != std::string_view::npos;
         at = text.find(separator, start)) {
        parts.emplace_back(text.substr(start, at - start));
        start = at + 1;
    }
    parts.emplace_back(text.substr(start));
    return parts;
}

std::optional<double> parse_positive(std::string_view text) {
    double value = 0.0;
    const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
    if (error != std::errc{} || end != text.data() + text.size()) return std::nullopt;
    if (!std::isfinite(value) || value <= 0.0) return std::nullopt;
    return value;
}

/// The names among `names` nearest to `wanted`, closest first, only those plausibly meant.
std::vector<std::string> close_matches(const std::string& wanted,
                                       const std::vector<std::string>& names) {
    const std::size_t limit = typo_limit(wanted);
    std::vector<std::pair<std::size_t, std::string>> ranked;
    for (const std::string& name : names) {
        const std::size_t distance = edit_distance(wanted, name);
        if (distance <= limit) ranked.emplace_back(distance, name);
    }
    std::sort(ranked.begin(), ranked.end());
    std::vector<std::string> out;
    for (std::size_t i = 0; i < ranked.size() && i < max_suggestions; ++i) {
        out.push_back(ranked[i].second);
    }
    return out;
}

Diagnostic unknown_target(const CiTarget& target, const std::vector<std::string>& names) {
    Diagnostic d = flag_error(target.flag, fmt::format("no summary.csv row '{}'", target.name));
    const auto matches = close_matches(target.name, names);
    if (!matches.empty()) d.notes = {fmt::format("did you mean: {}", fmt::join(matches, ", "))};
    return d;
}

bool targetable(const MetricKey& key) { return key.provider.empty() && key.municipality.empty(); }

}  // namespace

CiTarget parse_target(const std::string& text) {
    const std::string flag = "--target-ci " + text;
    const std::size_t equals = text.rfind('=');
    if (equals == std::string::npos) {
        throw ScenarioError({flag_error(flag, "expected METRIC=HALF_WIDTH")});
    }
    const auto width = parse_positive(std::string_view(text).substr(equals + 1));
    if (!width) {
        throw ScenarioError({flag_error(
            flag, fmt::format("expected a positive number after '=', got '{}'",
                              text.substr(equals + 1)))});
    }
    const auto parts = split(std::string_view(text).substr(0, equals), '/');
    if (parts.size() > 4 || parts.front().empty()) {
        throw ScenarioError({flag_error(flag, "expected metric[/state[/year[/strategy]]]")});
    }
    CiTarget target{.flag = flag, .half_width = *width};
    target.key.metric = parts[0];
    if (parts.size() > 1) target.key.state = parts[1];
    if (parts.size() > 2) target.key.year = parts[2];
    if (parts.size() > 3) target.key.strategy = parts[3];
    target.name = target_name(target.key);
    return target;
}

std::vector<CiTarget> parse_targets(const std::vector<std::string>& texts) {
    std::vector<CiTarget> targets;
    std::vector<Diagnostic> errors;
    for (const std::string& text : texts) {
        try {
            targets.push_back(parse_target(text));
        } catch (const ScenarioError& e) {
            errors.insert(errors.end(), e.diagnostics().begin(), e.diagnostics().end());
        }
    }
    if (!errors.empty()) throw ScenarioError(std::move(errors));
    return targets;
}

std::string target_name(const MetricKey& key) {
    std::string name = fmt::format("{}/{}/{}/{}", key.metric, key.state, key.year, key.strategy);
    while (!name.empty() && name.back() == '/') name.pop_back();
    return name;
}

std::vector<std::size_t> find_targets(const std::vector<MetricKey>& keys,
                                      const std::vector<CiTarget>& targets) {
    std::vector<std::string> names;
    for (const MetricKey& key : keys) names.push_back(targetable(key) ? target_name(key) : "");
    std::vector<std::size_t> columns;
    std::vector<Diagnostic> errors;
    for (const CiTarget& target : targets) {
        const auto at = std::find(names.begin(), names.end(), target.name);
        if (at == names.end()) {
            errors.push_back(unknown_target(target, names));
        } else {
            columns.push_back(static_cast<std::size_t>(at - names.begin()));
        }
    }
    if (!errors.empty()) throw ScenarioError(std::move(errors));
    return columns;
}

std::optional<double> half_width(const Summary& summary) {
    if (!summary.ci_high) return std::nullopt;
    return *summary.ci_high - summary.mean;
}

std::vector<TargetStatus> target_status(const MetricTable& metrics,
                                        const std::vector<CiTarget>& targets,
                                        const std::vector<std::size_t>& columns) {
    std::vector<TargetStatus> out;
    std::vector<double> column(metrics.values.size());
    for (std::size_t t = 0; t < targets.size(); ++t) {
        for (std::size_t r = 0; r < metrics.values.size(); ++r) {
            column[r] = metrics.values[r][columns[t]];
        }
        const auto width = half_width(summarize(column));
        out.push_back({targets[t], width, width && *width <= targets[t].half_width});
    }
    return out;
}

bool all_met(const std::vector<TargetStatus>& statuses) {
    return !statuses.empty() &&
           std::all_of(statuses.begin(), statuses.end(), [](const auto& s) { return s.met; });
}

std::uint32_t next_batch_size(std::uint32_t done, std::uint32_t cap) {
    if (done >= cap) return 0;
    return std::min(std::max(done / 2, min_batch_replications), cap - done);
}

}  // namespace careflow
