// Drawing a duration in days from a Model distribution, with Boost.Random (same on every platform).
#pragma once

#include "sim/random_stream.hpp"

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

}  // namespace careflow::sim
