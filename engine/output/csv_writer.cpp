// The CSV files of a run: summary.csv (one row per metric) and replications.csv (long format).
#include "output/csv_format.hpp"
#include "output/csv_rows.hpp"

#include <careflow/output.hpp>

#include <fmt/format.h>

#include <algorithm>
#include <cstddef>
#include <iterator>
#include <stdexcept>
#include <string>
#include <vector>

namespace careflow {

using output::append_key_fields;
using output::append_summary_fields;

std::string summary_csv(const MetricTable& batch, const std::vector<Summary>& summaries) {
    if (summaries.size() != batch.keys.size()) {
        throw std::invalid_argument(fmt::format("summary_csv: {} summaries for {} metric keys",
                                                summaries.size(), batch.keys.size()));
    }
    std::string out(output::summary_columns);
    out.push_back('\n');
    for (std::size_t k = 0; k < batch.keys.size(); ++k) {
        append_key_fields(out, batch.keys[k]);
        out.push_back(',');
        append_summary_fields(out, summaries[k]);
        out.push_back('\n');
    }
    return out;
}

std::string replications_csv(const MetricTable& batch) {
    std::string out = "replication,metric,state,year,strategy,provider,value\n";
    for (std::size_t r = 0; r < batch.values.size(); ++r) {
        const std::vector<double>& row = batch.values[r];
        if (row.size() != batch.keys.size()) {
            throw std::invalid_argument(
                fmt::format("replications_csv: replication {} has {} values for {} metric keys",
                            r + 1, row.size(), batch.keys.size()));
        }
        for (std::size_t k = 0; k < row.size(); ++k) {
            fmt::format_to(std::back_inserter(out), "{},", r + 1);
            append_key_fields(out, batch.keys[k]);
            fmt::format_to(std::back_inserter(out), ",{}\n", output::format_number(row[k]));
        }
    }
    return out;
}

std::string timeseries_csv(const MetricTable& series, const std::vector<Summary>& summaries) {
    if (summaries.size() != series.keys.size()) {
        throw std::invalid_argument(fmt::format("timeseries_csv: {} summaries for {} keys",
                                                summaries.size(), series.keys.size()));
    }
    using output::format_number;
    using output::format_text;
    std::string out = "metric,state,month,strategy,mean,p05,p50,p95,n\n";
    for (std::size_t k = 0; k < series.keys.size(); ++k) {
        const MetricKey& key = series.keys[k];
        const Summary& s = summaries[k];
        fmt::format_to(std::back_inserter(out), "{},{},{},{},{},{},{},{},{}\n",
                       format_text(key.metric), format_text(key.state), format_text(key.year),
                       format_text(key.strategy), format_number(s.mean), format_number(s.p05),
                       format_number(s.p50), format_number(s.p95), s.n);
    }
    return out;
}

std::string costs_csv(const Model& model, const MetricTable& costs,
                      const std::vector<Summary>& summaries) {
    if (summaries.size() != costs.keys.size()) {
        throw std::invalid_argument(fmt::format("costs_csv: {} summaries for {} keys",
                                                summaries.size(), costs.keys.size()));
    }
    std::string out =
        "year,strategy,segment,state,provider,municipality,component,mean,sd,ci_low,ci_high,"
        "p05,p50,p95,n\n";
    for (std::size_t k = 0; k < costs.keys.size(); ++k) {
        const bool all_zero = std::all_of(costs.values.begin(), costs.values.end(),
                                          [k](const auto& row) { return row[k] == 0.0; });
        if (all_zero) continue;  // a cell nothing was ever billed to
        const MetricKey& key = costs.keys[k];
        const auto state = std::find_if(model.states.begin(), model.states.end(),
                                        [&](const CareState& s) { return s.name == key.state; });
        const std::string segment = state == model.states.end() ? "" : state->segment;
        fmt::format_to(std::back_inserter(out), "{},{},{},{},{},{},{},",
                       output::format_text(key.year), output::format_text(key.strategy),
                       output::format_text(segment), output::format_text(key.state),
                       output::format_text(key.provider), output::format_text(key.municipality),
                       output::format_text(key.metric));
        append_summary_fields(out, summaries[k]);
        out.push_back('\n');
    }
    return out;
}

}  // namespace careflow
