// sweep.csv (summary rows of every point, the point's values in front) and points.csv.
#include "output/csv_format.hpp"
#include "output/csv_rows.hpp"

#include <careflow/sweep.hpp>

#include <fmt/format.h>

#include <stdexcept>

namespace careflow {
namespace {

/// "point,<path>,<path>,"
std::string point_columns(const SweepDesign& design) {
    std::string out = "point";
    for (const std::string& path : design.paths) out += "," + output::format_text(path);
    return out;
}

/// "<point>,<value>,<value>"
std::string point_fields(const SweepDesign& design, std::size_t point) {
    std::string out = fmt::format("{}", point + 1);
    for (const std::string& value : design.values.at(point)) {
        out += "," + output::format_text(value);
    }
    return out;
}

}  // namespace

std::string sweep_csv_header(const SweepDesign& design) {
    return point_columns(design) + "," + std::string(output::summary_columns) + "\n";
}

std::string sweep_csv_rows(const SweepDesign& design, const SweepPointRows& rows) {
    if (rows.summaries.size() != rows.keys.size()) {
        throw std::invalid_argument(fmt::format("sweep_csv_rows: {} summaries for {} metric keys",
                                                rows.summaries.size(), rows.keys.size()));
    }
    const std::string prefix = point_fields(design, rows.point) + ",";
    std::string out;
    for (std::size_t k = 0; k < rows.keys.size(); ++k) {
        out += prefix;
        output::append_key_fields(out, rows.keys[k]);
        out.push_back(',');
        output::append_summary_fields(out, rows.summaries[k]);
        out.push_back('\n');
    }
    return out;
}

std::string sweep_csv(const SweepDesign& design, const SweepRun& run) {
    std::string out = sweep_csv_header(design);
    for (const SweepPointRows& rows : run.points) out += sweep_csv_rows(design, rows);
    return out;
}

std::string points_csv(const SweepDesign& design) {
    std::string out = point_columns(design) + "\n";
    for (std::size_t p = 0; p < design.size(); ++p) out += point_fields(design, p) + "\n";
    return out;
}

}  // namespace careflow
