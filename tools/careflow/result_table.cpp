// Formatting the terminal table: means with their 95 % half-widths, per state.
#include "result_table.hpp"

#include <fmt/format.h>

#include <cmath>

namespace careflow::cli {
namespace {

const Summary* find(const BatchResult& batch, const std::vector<Summary>& summaries,
                    std::string_view metric, std::string_view state, std::string_view strategy) {
    const auto& keys = batch.metrics.keys;
    for (std::size_t i = 0; i < keys.size(); ++i) {
        if (keys[i].metric == metric && keys[i].state == state && keys[i].year.empty() &&
            keys[i].strategy == strategy) {
            return &summaries[i];
        }
    }
    return nullptr;
}

/// "12.3 ± 0.4", or "-" when the metric is undefined in every replication.
std::string mean_and_half_width(const Summary* s, double scale = 1.0, int decimals = 1) {
    if (s == nullptr || s->n == 0) return "-";
    if (!s->ci_high) return fmt::format("{:.{}f}", s->mean * scale, decimals);
    return fmt::format("{:.{}f} ± {:.{}f}", s->mean * scale, decimals,
                       (*s->ci_high - s->mean) * scale, decimals);
}

/// The summary of a dated metric of a strategy (state and provider empty).
const Summary* find_cost(const BatchResult& batch, const std::vector<Summary>& summaries,
                         std::string_view metric, const std::string& year,
                         const std::string& strategy) {
    const auto& keys = batch.metrics.keys;
    for (std::size_t i = 0; i < keys.size(); ++i) {
        if (keys[i].metric == metric && keys[i].year == year && keys[i].strategy == strategy &&
            keys[i].state.empty()) {
            return &summaries[i];
        }
    }
    return nullptr;
}

/// Total cost (EUR million) and cost per client per strategy and year.
std::string cost_table(const Model& model, const BatchResult& batch,
                       const std::vector<Summary>& summaries) {
    if (model.strategies.empty()) return "";
    std::string out = fmt::format("{:<28} {:<10} {:>22} {:>20}\n", "strategy", "year",
                                  "cost (EUR mln)", "per client (EUR)");
    for (const Strategy& strategy : model.strategies) {
        for (const std::string& year : model.calendar.year_labels) {
            out += fmt::format(
                "{:<28} {:<10} {:>22} {:>20}\n", strategy.name, year,
                mean_and_half_width(find_cost(batch, summaries, "cost_total", year, strategy.name),
                                    1e-6, 2),
                mean_and_half_width(
                    find_cost(batch, summaries, "cost_per_client", year, strategy.name), 1.0, 0));
        }
    }
    return out + "\n";
}

/// Per state: in care, waiting, wait, share waited and admissions, for one pass.
std::string state_table(const Model& model, const BatchResult& batch,
                        const std::vector<Summary>& summaries, double years,
                        std::string_view strategy) {
    std::string out = fmt::format("{:<22} {:>16} {:>16} {:>16} {:>14} {:>18}\n", "state",
                                  "in care", "waiting", "wait (days)", "waited (%)",
                                  "admissions / yr");
    const auto cell = [&](std::string_view metric, const std::string& state, double scale) {
        return mean_and_half_width(find(batch, summaries, metric, state, strategy), scale);
    };
    for (const CareState& state : model.states) {
        out += fmt::format("{:<22} {:>16} {:>16} {:>16} {:>14} {:>18}\n", state.name,
                           cell("in_care_mean", state.name, 1.0),
                           cell("waiting_mean", state.name, 1.0),
                           cell("wait_days_mean", state.name, 1.0),
                           cell("waited_share", state.name, 100.0),
                           cell("admissions", state.name, 1.0 / years));
    }
    return out + "\n";
}

}  // namespace

std::string result_table(const Model& model, const BatchResult& batch,
                         const std::vector<Summary>& summaries, const BatchOptions& options,
                         double wall_seconds) {
    const double years = model.run.horizon_days / days_per_year;
    std::string out = fmt::format(
        "{}: {} replications, seed {}, {:.2f} s; means over {:.4g} years after warm-up, "
        "± 95 % CI\n\n",
        model.name.empty() ? "scenario" : model.name, options.replications, options.seed,
        wall_seconds, years);
    out += state_table(model, batch, summaries, years, "");
    for (const Strategy& strategy : model.strategies) {
        if (!strategy.changes_flows()) continue;
        out += fmt::format("simulated on its own under strategy '{}':\n", strategy.name);
        out += state_table(model, batch, summaries, years, strategy.name);
    }
    return out + cost_table(model, batch, summaries);
}

}  // namespace careflow::cli
