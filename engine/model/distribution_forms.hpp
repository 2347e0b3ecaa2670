// Distribution forms: a duration distribution from the two numbers a scenario gives, with the
// sampler's parameters and the exact moments derived. The reader builds every distribution
// here, and a value changed after load (a drawn input, a sweep point, a fit) goes through the
// same function, so the two can never disagree.
#pragma once

#include <careflow/model.hpp>

namespace careflow {

/// The distribution of `form` given its two numbers (`second` unused by one-number forms):
/// exponential_mean (mean), gamma_mean_cv (mean, cv), gamma_shape_scale (shape, scale),
/// lognormal_mean_sd (mean, sd), lognormal_median_sd_log (median, sd of log), weibull_shape_scale
/// (shape, scale), deterministic (value), uniform_min_max (min, max). Durations in days. The
/// numbers must be valid for the form (the reader checks them); not for `empirical`.
[[nodiscard]] Distribution make_distribution(DistributionForm form, double first,
                                             double second = 0.0);

/// `d` with its `which`-th given number (0 or 1) replaced by `value`, everything else derived
/// again. Not for `empirical`.
[[nodiscard]] Distribution with_given(const Distribution& d, std::size_t which, double value);

/// An empirical table's exact mean and variance, from its values and cumulative
/// probabilities, as steps or (interpolate) as a piecewise-linear CDF from 0.
void set_empirical_moments(Distribution& d);

}  // namespace careflow
