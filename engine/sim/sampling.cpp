// The empirical distribution's inverse CDF: steps, or linear between table points.
#include "sim/sampling.hpp"

#include <algorithm>

namespace careflow::sim {

double empirical_quantile(const Distribution& d, double u) noexcept {
    const auto& cdf = d.cumulative;
    // First row whose cumulative probability exceeds u (the last row has exactly 1).
    const auto it = std::upper_bound(cdf.begin(), cdf.end() - 1, u);
    const auto i = static_cast<std::size_t>(it - cdf.begin());
    if (!d.interpolate) return d.values_days[i];
    const double low_value = i == 0 ? 0.0 : d.values_days[i - 1];
    const double low_cdf = i == 0 ? 0.0 : cdf[i - 1];
    const double width = cdf[i] - low_cdf;
    const double fraction = width > 0.0 ? (u - low_cdf) / width : 0.0;
    return low_value + fraction * (d.values_days[i] - low_value);
}

}  // namespace careflow::sim
