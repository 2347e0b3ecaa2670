// Drawing a duration in days from a Model distribution, with Boost.Random (same on every platform).
#pragma once

#include "model/random_stream.hpp"

#include <careflow/model.hpp>

#include <boost/random/exponential_distribution.hpp>
#include <boost/random/gamma_distribution.hpp>
#include <boost/random/normal_distribution.hpp>
#include <boost/random/uniform_real_distribution.hpp>
#include <boost/random/weibull_distribution.hpp>

#include <cmath>

namespace careflow::sim {

/// Inverse CDF of an empirical table at u in [0, 1).
[[nodiscard]] double empirical_quantile(const Distribution& d, double u) noexcept;

/// One draw in days. A switch, not a virtual call: this runs once per admission.
inline double sample_days(const Distribution& d, RandomStream& rng) {
    switch (d.kind) {
        case DistributionKind::exponential:
            return d.scale * boost::random::exponential_distribution<double>(1.0)(rng);
        case DistributionKind::gamma:
            return boost::random::gamma_distribution<double>(d.shape, d.scale)(rng);
        case DistributionKind::lognormal:
            return d.scale * std::exp(d.shape * boost::random::normal_distribution<double>()(rng));
        case DistributionKind::weibull:
            return boost::random::weibull_distribution<double>(d.shape, d.scale)(rng);
        case DistributionKind::deterministic:
            return d.scale;
        case DistributionKind::uniform:
            return boost::random::uniform_real_distribution<double>(d.low, d.high)(rng);
        case DistributionKind::empirical:
            return empirical_quantile(d, rng.uniform());
    }
    return d.mean_days;  // unreachable: every kind is handled above
}

/// Days until a clock whose rate at w days waited is rate x (1 + growth x w) runs out, for a
/// youth who has waited `waited` days and an Exp(1) draw `e`: the inverse of the cumulative
/// hazard, exact (no monthly redraws). rate x (b t + growth t^2 / 2) = e with b = 1 + growth x
/// waited, solved in the form that does not cancel when growth is small.
[[nodiscard]] inline double growing_hazard_days(double rate, double growth, double waited,
                                                double e) noexcept {
    const double c = e / rate;
    if (growth <= 0.0) return c;
    const double b = 1.0 + growth * waited;
    return 2.0 * c / (b + std::sqrt(b * b + 2.0 * growth * c));
}

}  // namespace careflow::sim
