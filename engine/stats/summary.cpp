// Summaries over replications: mean, sd, Student-t interval, R type-7 percentiles.
#include <careflow/summary.hpp>

#include <boost/math/distributions/students_t.hpp>

#include <algorithm>
#include <cmath>
#include <numeric>
#include <vector>

namespace careflow {

double t_critical_95(std::size_t degrees_of_freedom) {
    const boost::math::students_t t(static_cast<double>(degrees_of_freedom));
    return boost::math::quantile(boost::math::complement(t, 0.025));
}

double quantile_sorted(std::span<const double> sorted, double p) {
    const double position = p * static_cast<double>(sorted.size() - 1);
    const auto below = static_cast<std::size_t>(std::floor(position));
    const std::size_t above = std::min(below + 1, sorted.size() - 1);
    const double fraction = position - static_cast<double>(below);
    return sorted[below] + fraction * (sorted[above] - sorted[below]);
}

Summary summarize(std::span<const double> values) {
    // Undefined replication values (NaN: e.g. a mean wait without admissions) are left out;
    // n says how many remained.
    std::vector<double> sorted;
    sorted.reserve(values.size());
    std::copy_if(values.begin(), values.end(), std::back_inserter(sorted),
                 [](double v) { return std::isfinite(v); });
    Summary s;
    s.n = sorted.size();
    if (sorted.empty()) {
        s.mean = std::numeric_limits<double>::quiet_NaN();
        s.p05 = s.p50 = s.p95 = s.mean;
        return s;
    }
    // Summing in replication order keeps the mean independent of the thread count.
    double sum = 0.0;
    for (double v : sorted) sum += v;
    s.mean = sum / static_cast<double>(s.n);
    if (s.n >= 2) {
        double squares = 0.0;
        for (double v : sorted) squares += (v - s.mean) * (v - s.mean);
        const double sd = std::sqrt(squares / static_cast<double>(s.n - 1));
        const double half_width = t_critical_95(s.n - 1) * sd / std::sqrt(static_cast<double>(s.n));
        s.sd = sd;
        s.ci_low = s.mean - half_width;
        s.ci_high = s.mean + half_width;
    }
    std::sort(sorted.begin(), sorted.end());
    s.p05 = quantile_sorted(sorted, 0.05);
    s.p50 = quantile_sorted(sorted, 0.50);
    s.p95 = quantile_sorted(sorted, 0.95);
    return s;
}

std::vector<Summary> summarize(const MetricTable& table) {
    std::vector<Summary> out;
    out.reserve(table.keys.size());
    std::vector<double> column(table.values.size());
    for (std::size_t k = 0; k < table.keys.size(); ++k) {
        for (std::size_t r = 0; r < table.values.size(); ++r) column[r] = table.values[r][k];
        out.push_back(summarize(column));
    }
    return out;
}

}  // namespace careflow
