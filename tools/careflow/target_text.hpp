// --target-ci on the terminal: where the targets stand, and counts that read at a glance.
#pragma once

#include <careflow/replications.hpp>

#include <cstdint>
#include <string>
#include <vector>

namespace careflow::cli {

/// "clients//2019 ± 4.6 ≤ 5, wait_days_mean/residential ± 2.3 > 2".
[[nodiscard]] std::string describe(const std::vector<TargetStatus>& statuses);

/// 10000 as "10,000".
[[nodiscard]] std::string with_thousands(std::uint32_t n);

}  // namespace careflow::cli
