// Row pieces shared by the CSV writers, so summary.csv, costs.csv and sweep.csv agree byte for byte.
#include "output/csv_rows.hpp"

#include "output/csv_format.hpp"

#include <fmt/format.h>

#include <iterator>

namespace careflow::output {

void append_key_fields(std::string& out, const MetricKey& key) {
    fmt::format_to(std::back_inserter(out), "{},{},{},{},{}", format_text(key.metric),
                   format_text(key.state), format_text(key.year), format_text(key.strategy),
                   format_text(key.provider));
}

void append_summary_fields(std::string& out, const Summary& s) {
    fmt::format_to(std::back_inserter(out), "{},{},{},{},{},{},{},{}", format_number(s.mean),
                   format_number(s.sd), format_number(s.ci_low), format_number(s.ci_high),
                   format_number(s.p05), format_number(s.p50), format_number(s.p95), s.n);
}

}  // namespace careflow::output
