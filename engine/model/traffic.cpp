// Traffic equations (Gaussian elimination) and exit reachability (reverse search).
#include "model/traffic.hpp"

#include <algorithm>
#include <cmath>
#include <utility>

namespace careflow {
namespace {

using Matrix = std::vector<std::vector<double>>;

/// Solves A x = b in place by Gaussian elimination with partial pivoting.
std::optional<std::vector<double>> solve(Matrix a, std::vector<double> b) {
    const std::size_t n = b.size();
    for (std::size_t col = 0; col < n; ++col) {
        std::size_t pivot = col;
        for (std::size_t row = col + 1; row < n; ++row) {
            if (std::abs(a[row][col]) > std::abs(a[pivot][col])) pivot = row;
        }
        if (std::abs(a[pivot][col]) < 1e-12) return std::nullopt;
        std::swap(a[pivot], a[col]);
        std::swap(b[pivot], b[col]);
        for (std::size_t row = col + 1; row < n; ++row) {
            const double factor = a[row][col] / a[col][col];
            for (std::size_t k = col; k < n; ++k) a[row][k] -= factor * a[col][k];
            b[row] -= factor * b[col];
        }
    }
    std::vector<double> x(n);
    for (std::size_t i = n; i-- > 0;) {
        double sum = b[i];
        for (std::size_t k = i + 1; k < n; ++k) sum -= a[i][k] * x[k];
        x[i] = sum / a[i][i];
    }
    return x;
}

/// Rate per day of each way out of `state`, with the routes it leads to.
StateFlow flow_of(const CareState& state, StateId self) {
    double total_rate = 0.0;
    std::vector<Route> weighted;  // probability field holds a rate until normalised
    if (state.length_of_stay && state.length_of_stay->mean_days > 0.0) {
        const double rate = 1.0 / state.length_of_stay->mean_days;
        for (const Route& r : state.next) weighted.push_back({r.to, rate * r.probability});
        total_rate += rate;
    }
    for (const Transition& t : state.transitions) {
        const double rate = t.rate_per_day ? *t.rate_per_day
                            : (t.after && t.after->mean_days > 0.0) ? 1.0 / t.after->mean_days
                                                                    : 0.0;
        // A move to another place of the same state does not leave it.
        if (t.to == self) continue;
        weighted.push_back({t.to, rate});
        total_rate += rate;
    }
    StateFlow flow;
    if (total_rate <= 0.0) return flow;
    flow.mean_stay_days = 1.0 / total_rate;
    for (Route& r : weighted) r.probability /= total_rate;
    flow.routes = std::move(weighted);
    return flow;
}

}  // namespace

std::vector<StateFlow> approximate_flows(const Model& model) {
    std::vector<StateFlow> flows;
    for (std::size_t i = 0; i < model.state_count(); ++i) {
        flows.push_back(flow_of(model.states[i], make_id<StateId>(i)));
    }
    return flows;
}

std::vector<bool> reaches_exit(const Model& model) {
    const std::size_t n = model.state_count();
    const auto flows = approximate_flows(model);
    std::vector<bool> reaches(n, false);
    // Fixed-point sweep: a state reaches exit if one of its routes does. At most n sweeps.
    for (bool changed = true; changed;) {
        changed = false;
        for (std::size_t i = 0; i < n; ++i) {
            if (reaches[i]) continue;
            const auto& routes = flows[i].routes;
            const bool ok = std::any_of(routes.begin(), routes.end(), [&](const Route& r) {
                return r.to == StateId::exit || reaches[index(r.to)];
            });
            if (ok) reaches[i] = changed = true;
        }
    }
    return reaches;
}

std::optional<std::vector<double>> offered_arrival_rates(const Model& model) {
    const std::size_t n = model.state_count();
    const auto reaches = reaches_exit(model);
    if (std::find(reaches.begin(), reaches.end(), false) != reaches.end()) return std::nullopt;
    Matrix a(n, std::vector<double>(n, 0.0));
    std::vector<double> external(n, 0.0);
    for (std::size_t j = 0; j < n; ++j) a[j][j] = 1.0;
    const auto flows = approximate_flows(model);
    for (std::size_t i = 0; i < n; ++i) {
        for (const Route& route : flows[i].routes) {
            if (route.to != StateId::exit) a[index(route.to)][i] -= route.probability;
        }
    }
    for (const auto& stream : model.arrivals) {
        double previous = 0.0;
        for (std::size_t level = 0; level < stream.to_by_severity.size(); ++level) {
            const double share = stream.mix.severity_cumulative[level] - previous;
            previous = stream.mix.severity_cumulative[level];
            external[index(stream.to_by_severity[level])] += stream.rate_per_day * share;
        }
    }
    return solve(std::move(a), std::move(external));
}

}  // namespace careflow
