// Row pieces shared by the CSV writers: a metric key's fields and a summary's fields.
#pragma once

#include <careflow/run.hpp>
#include <careflow/summary.hpp>

#include <string>
#include <string_view>

namespace careflow::output {

/// The columns append_key_fields and then append_summary_fields write, as summary.csv names
/// them.
inline constexpr std::string_view summary_columns =
    "metric,state,year,strategy,provider,mean,sd,ci_low,ci_high,p05,p50,p95,n";

/// Appends "metric,state,year,strategy,provider" (no trailing comma).
void append_key_fields(std::string& out, const MetricKey& key);

/// Appends "mean,sd,ci_low,ci_high,p05,p50,p95,n" (no trailing comma).
void append_summary_fields(std::string& out, const Summary& summary);

}  // namespace careflow::output
