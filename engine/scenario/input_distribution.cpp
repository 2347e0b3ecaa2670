// Quantiles of the input distributions, and the text a drawn value is written back as.
#include "scenario/input_distribution.hpp"

#include <boost/math/special_functions/beta.hpp>
#include <boost/math/special_functions/erf.hpp>
#include <boost/math/special_functions/gamma.hpp>

#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <numbers>

namespace careflow::scenario {
namespace {

// No promotion to long double: the same arithmetic, and so the same draws, on every platform.
using Policy = boost::math::policies::policy<boost::math::policies::promote_double<false>>;

double standard_normal_quantile(double p) {
    return -std::numbers::sqrt2 * boost::math::erfc_inv(2.0 * p, Policy());
}

double triangular_quantile(const InputDistribution& d, double p) {
    const double width = d.high - d.low;
    if (p * width < d.mode - d.low) return d.low + std::sqrt(p * width * (d.mode - d.low));
    return d.high - std::sqrt((1.0 - p) * width * (d.high - d.mode));
}

}  // namespace

double quantile(const InputDistribution& d, double p) {
    switch (d.kind) {
        case InputKind::lognormal:
            return std::exp(d.location + d.spread * standard_normal_quantile(p));
        case InputKind::normal: return d.location + d.spread * standard_normal_quantile(p);
        case InputKind::uniform: return d.low + p * (d.high - d.low);
        case InputKind::triangular: return triangular_quantile(d, p);
        case InputKind::beta: return boost::math::ibeta_inv(d.shape, d.shape2, p, Policy());
        case InputKind::gamma: return boost::math::gamma_p_inv(d.shape, p, Policy()) * d.spread;
    }
    return d.nominal;
}

double draw_input(const InputDistribution& d, double u) {
    return quantile(d, d.p_low + (d.p_high - d.p_low) * u);
}

double lowest_draw(const InputDistribution& d) { return quantile(d, d.p_low); }

double highest_draw(const InputDistribution& d) { return quantile(d, d.p_high); }

double snap(InputScale scale, double value) {
    switch (scale) {
        case InputScale::integer: return std::round(value);
        case InputScale::cents: return std::round(value * 100.0) / 100.0;
        case InputScale::number:
        case InputScale::duration: break;
    }
    return value;
}

std::string input_text(InputScale scale, double value) {
    // fmt's shortest form of a double parses back to the same double.
    switch (scale) {
        case InputScale::integer:
            if (std::abs(value) < 9e18) return fmt::format("{}", static_cast<std::int64_t>(value));
            break;  // too large: the reader reports it as such
        case InputScale::cents: return fmt::format("{:.2f}", value);
        case InputScale::duration: return fmt::format("{} days", value);
        case InputScale::number: break;
    }
    return fmt::format("{}", value);
}

bool is_input_distribution(const YAML::Node& node) {
    if (!node.IsMap() || node.size() != 1) return false;
    const YAML::Node key = node.begin()->first;
    return key.IsScalar() && std::find(input_kind_names.begin(), input_kind_names.end(),
                                       key.Scalar()) != input_kind_names.end();
}

}  // namespace careflow::scenario
