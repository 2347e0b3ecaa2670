// The metric catalogue. Names are documented in docs/scenario-format.md#outputs; keep in step.
#include "batch/metrics.hpp"

#include <array>
#include <string_view>

namespace careflow::batch {
namespace {

using sim::StateMetrics;

struct StateMetricColumn {
    std::string_view name;
    double (*value)(const StateMetrics&);
};

// Order here is the order of rows in summary.csv.
constexpr std::array<StateMetricColumn, 7> state_columns{{
    {"in_care_mean", [](const StateMetrics& m) { return m.in_care_mean; }},
    {"waiting_mean", [](const StateMetrics& m) { return m.waiting_mean; }},
    {"wait_days_mean", [](const StateMetrics& m) { return m.wait_days_mean; }},
    {"waited_share", [](const StateMetrics& m) { return m.waited_share; }},
    {"admissions", [](const StateMetrics& m) { return static_cast<double>(m.admissions); }},
    {"completions", [](const StateMetrics& m) { return static_cast<double>(m.completions); }},
    {"stay_days_mean", [](const StateMetrics& m) { return m.stay_days_mean; }},
}};

}  // namespace

std::vector<MetricKey> metric_keys(const Model& model) {
    std::vector<MetricKey> keys;
    for (const auto& column : state_columns) {
        for (const CareState& state : model.states) {
            keys.push_back({std::string(column.name), state.name, "", ""});
        }
    }
    keys.push_back({"referrals", "", "", ""});
    keys.push_back({"events", "", "", ""});
    return keys;
}

std::vector<double> metric_values(const sim::ReplicationMetrics& metrics) {
    std::vector<double> values;
    values.reserve(state_columns.size() * metrics.states.size() + 2);
    for (const auto& column : state_columns) {
        for (const StateMetrics& state : metrics.states) values.push_back(column.value(state));
    }
    values.push_back(static_cast<double>(metrics.referrals));
    values.push_back(static_cast<double>(metrics.events));
    return values;
}

}  // namespace careflow::batch
