// Distribution forms: each kind's sampler parameters and exact mean and variance.
#include "model/distribution_forms.hpp"

#include <algorithm>
#include <cmath>

namespace careflow {
namespace {

Distribution gamma_from(double shape, double scale) {
    return Distribution{.kind = DistributionKind::gamma, .shape = shape, .scale = scale,
                        .mean_days = shape * scale, .variance_days2 = shape * scale * scale};
}

Distribution lognormal_from(double median, double sigma) {
    const double mean = median * std::exp(sigma * sigma / 2.0);
    return Distribution{.kind = DistributionKind::lognormal, .shape = sigma, .scale = median,
                        .mean_days = mean,
                        .variance_days2 = std::expm1(sigma * sigma) * mean * mean};
}

Distribution derive(DistributionForm form, double a, double b) {
    switch (form) {
        case DistributionForm::exponential_mean:
            return Distribution{.kind = DistributionKind::exponential, .scale = a,
                                .mean_days = a, .variance_days2 = a * a};
        case DistributionForm::gamma_mean_cv: return gamma_from(1.0 / (b * b), a * b * b);
        case DistributionForm::gamma_shape_scale: return gamma_from(a, b);
        case DistributionForm::lognormal_mean_sd: {
            const double sigma2 = std::log1p((b * b) / (a * a));
            return lognormal_from(a * std::exp(-sigma2 / 2.0), std::sqrt(sigma2));
        }
        case DistributionForm::lognormal_median_sd_log: return lognormal_from(a, b);
        case DistributionForm::weibull_shape_scale: {
            const double g1 = std::tgamma(1.0 + 1.0 / a);
            const double g2 = std::tgamma(1.0 + 2.0 / a);
            return Distribution{.kind = DistributionKind::weibull, .shape = a, .scale = b,
                                .mean_days = b * g1, .variance_days2 = b * b * (g2 - g1 * g1)};
        }
        case DistributionForm::deterministic:
            return Distribution{.kind = DistributionKind::deterministic, .scale = a,
                                .mean_days = a, .variance_days2 = 0.0};
        case DistributionForm::uniform_min_max: {
            const double width = b - a;
            return Distribution{.kind = DistributionKind::uniform, .low = a, .high = b,
                                .mean_days = (a + b) / 2.0, .variance_days2 = width * width / 12.0};
        }
        case DistributionForm::empirical: break;
    }
    return Distribution{.kind = DistributionKind::empirical, .form = DistributionForm::empirical};
}

}  // namespace

Distribution make_distribution(DistributionForm form, double first, double second) {
    Distribution d = derive(form, first, second);
    d.form = form;
    d.given = {first, second};
    return d;
}

void set_empirical_moments(Distribution& d) {
    double mean = 0.0;
    double second = 0.0;
    double previous_value = 0.0;
    double previous_cumulative = 0.0;
    for (std::size_t i = 0; i < d.values_days.size(); ++i) {
        const double p = d.cumulative[i] - previous_cumulative;
        const double b = d.values_days[i];
        const double a = d.interpolate ? previous_value : b;
        mean += p * (a + b) / 2.0;
        second += p * (a * a + a * b + b * b) / 3.0;
        previous_value = b;
        previous_cumulative = d.cumulative[i];
    }
    d.mean_days = mean;
    d.variance_days2 = std::max(0.0, second - mean * mean);
}

Distribution with_given(const Distribution& d, std::size_t which, double value) {
    std::array<double, 2> given = d.given;
    given[which] = value;
    return make_distribution(d.form, given[0], given[1]);
}

}  // namespace careflow
