// Helpers shared by the care-flow tests (tests/sim/care_flow_*_test.cpp).
#pragma once

#include "sim/replication_metrics.hpp"
#include "support/queueing.hpp"

#include <careflow/summary.hpp>

#include <gtest/gtest.h>

#include <cmath>
#include <cstdint>
#include <string>
#include <vector>

namespace careflow::sim::care_flow_testing {

inline constexpr double days_per_year = 365.25;

inline std::uint64_t left_as(const YearStateMetrics& y, TransitionType type) {
    return y.left_by_type[static_cast<std::size_t>(type)];
}

inline double as_double(std::uint64_t n) { return static_cast<double>(n); }

/// Expects the mean of `values` (one per replication) within z_tolerance standard errors of
/// `theory`, the standard error being the replications' own.
inline void expect_mean_near(const std::vector<double>& values, double theory,
                             const std::string& what) {
    const Summary s = summarize(values);
    const double se = s.sd.value_or(0.0) / std::sqrt(static_cast<double>(s.n));
    EXPECT_NEAR(s.mean, theory, testing::z_tolerance * se)
        << what << ": theory " << theory << ", SE " << se;
}

}  // namespace careflow::sim::care_flow_testing
