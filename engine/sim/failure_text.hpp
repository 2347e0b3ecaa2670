// The words of a failed replication's message, apart from the kernel that fills them in, so
// that their form is tested without making a replication fail.
#pragma once

#include <careflow/calendar.hpp>

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace careflow::sim {

/// The month label of simulated day `day`, or "warm-up" before the window opens.
[[nodiscard]] std::string month_at(const Calendar& calendar, double day);

/// Where a replication stopped and what it was doing.
struct FailurePoint {
    std::uint32_t replication = 0;           ///< 0-based; printed from 1, as replications.csv
    std::optional<std::string> strategy{};   ///< the strategy a pass of its own simulates
    double day = 0.0;
    std::string month{};                     ///< month_at(day)
    std::string doing{};                     ///< "a youth leaving 'residential', admitted on ..."
};

/// "replication 3 (strategy 'x'), day 412.6 (2020-02), <doing>: <reason>".
[[nodiscard]] std::string failure_text(const FailurePoint& point, std::string_view reason);

}  // namespace careflow::sim
