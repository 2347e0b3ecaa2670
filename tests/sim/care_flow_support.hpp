// Helpers shared by the care-flow tests (tests/sim/care_flow_*_test.cpp).
#pragma once

#include "sim/replication_metrics.hpp"
#include "support/queueing.hpp"

#include <careflow/run.hpp>
#include <careflow/summary.hpp>

#include <gtest/gtest.h>

#include <cmath>
#include <cstdint>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

namespace careflow::sim::care_flow_testing {

inline constexpr double days_per_year = 365.25;

inline std::uint64_t left_as(const YearStateMetrics& y, TransitionType type) {
    return y.left_by_type[static_cast<std::size_t>(type)];
}

inline double as_double(std::uint64_t n) { return static_cast<double>(n); }

/// `text` with every `{key}` replaced by `value`.
inline std::string with(std::string text, std::string_view key, std::string_view value) {
    const std::string marker = "{" + std::string(key) + "}";
    for (auto at = text.find(marker); at != std::string::npos; at = text.find(marker, at)) {
        text.replace(at, marker.size(), value);
    }
    return text;
}

struct Mean {
    double mean = 0.0;
    double standard_error = 0.0;
};

inline Mean mean_of(const std::vector<double>& values) {
    const Summary s = summarize(values);
    return {s.mean, s.sd.value_or(0.0) / std::sqrt(static_cast<double>(s.n))};
}

/// Expects the mean of `values` (one per replication) within z_tolerance standard errors of
/// `theory`, the standard error being the replications' own.
inline void expect_mean_near(const std::vector<double>& values, double theory,
                             const std::string& what) {
    const Mean m = mean_of(values);
    EXPECT_NEAR(m.mean, theory, testing::z_tolerance * m.standard_error)
        << what << ": theory " << theory << ", SE " << m.standard_error;
}

/// One dated metric (a year's, or in the timeseries a month's) in every replication.
inline std::vector<double> dated_column(const MetricTable& table, std::string_view metric,
                                        std::string_view state, std::string_view when) {
    for (std::size_t k = 0; k < table.keys.size(); ++k) {
        const MetricKey& key = table.keys[k];
        if (key.metric != metric || key.state != state || key.year != when) continue;
        std::vector<double> values;
        for (const auto& replication : table.values) values.push_back(replication[k]);
        return values;
    }
    throw std::invalid_argument("no metric " + std::string(metric) + " for '" +
                                std::string(state) + "' in '" + std::string(when) + "'");
}

inline std::string year_label(std::size_t year) { return "year " + std::to_string(year + 1); }

}  // namespace careflow::sim::care_flow_testing
