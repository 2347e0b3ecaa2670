// comparison.csv: one row per variant and metric key, the paired difference from the base.
#include "output/csv_format.hpp"

#include <careflow/compare.hpp>

#include <fmt/format.h>

#include <iterator>
#include <string>

namespace careflow {
namespace {

void append_row(std::string& out, const std::string& label, const ComparedMetric& compared) {
    using output::format_number;
    using output::format_text;
    const MetricKey& key = compared.key;
    const PairedDifference& d = compared.difference;
    fmt::format_to(std::back_inserter(out), "{},{},{},{},{},{},", format_text(label),
                   format_text(key.metric), format_text(key.state), format_text(key.year),
                   format_text(key.strategy), format_text(key.provider));
    fmt::format_to(std::back_inserter(out), "{},{},{},{},{},{},{},{},{},{},{}\n",
                   format_number(d.base_mean), format_number(d.variant_mean),
                   format_number(d.diff_mean), format_number(d.diff_ci_low),
                   format_number(d.diff_ci_high), format_number(d.diff_p05),
                   format_number(d.diff_p50), format_number(d.diff_p95),
                   format_number(d.unpaired_ci_low), format_number(d.unpaired_ci_high), d.n);
}

}  // namespace

std::string comparison_csv(std::span<const VariantComparison> variants) {
    std::string out =
        "variant,metric,state,year,strategy,provider,base_mean,variant_mean,diff_mean,"
        "diff_ci_low,diff_ci_high,diff_p05,diff_p50,diff_p95,unpaired_ci_low,unpaired_ci_high,"
        "n\n";
    for (const VariantComparison& variant : variants) {
        for (const ComparedMetric& compared : variant.metrics) {
            append_row(out, variant.label, compared);
        }
    }
    return out;
}

}  // namespace careflow
