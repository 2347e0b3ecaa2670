// The table `careflow compare` prints: the headline differences of one variant from the base.
#pragma once

#include <careflow/compare.hpp>

#include <string>

namespace careflow::cli {

/// Per year the region's clients, out-of-home and crisis admissions and each strategy's total
/// cost; per state the mean in care and mean wait over the window: base, variant, difference
/// ± paired half-width, unpaired half-width, and `*` where the paired interval excludes 0.
[[nodiscard]] std::string compare_table(const std::string& base_name,
                                        const VariantComparison& variant,
                                        const BatchOptions& options);

}  // namespace careflow::cli
