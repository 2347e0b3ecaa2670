// Erlang C, Erlang A, Pollaczek–Khinchine, Jackson traffic equations and the mean time to an
// event of linearly growing hazard, written from the textbook.
#include "support/queueing.hpp"

#include <algorithm>
#include <cmath>

namespace careflow::testing {

MmcTheory erlang_c(double lambda, double mu, unsigned servers) {
    const double a = lambda / mu;  // offered load in servers
    const double rho = a / servers;
    double term = 1.0;             // a^k / k!
    double below = 0.0;            // sum over k < c
    for (unsigned k = 0; k < servers; ++k) {
        below += term;
        term *= a / (k + 1);
    }
    const double top = term / (1.0 - rho);  // a^c / c! / (1 - rho)
    MmcTheory t;
    t.p_wait = top / (below + top);
    t.mean_wait = t.p_wait / (servers * mu - lambda);
    t.mean_queue = lambda * t.mean_wait;
    t.mean_in_service = a;
    return t;
}

double pollaczek_khinchine_wait(double lambda, double mean_service, double second_moment_service) {
    const double rho = lambda * mean_service;
    return lambda * second_moment_service / (2.0 * (1.0 - rho));
}

std::vector<double> jackson_arrival_rates(const std::vector<double>& external,
                                          const std::vector<std::vector<double>>& routing) {
    std::vector<double> lambda = external;
    for (int iteration = 0; iteration < 10'000; ++iteration) {
        std::vector<double> next = external;
        for (std::size_t i = 0; i < lambda.size(); ++i) {
            for (std::size_t j = 0; j < lambda.size(); ++j) next[j] += lambda[i] * routing[i][j];
        }
        lambda = next;
    }
    return lambda;
}

ErlangATheory erlang_a(double lambda, double mu, unsigned servers, double theta) {
    const double c = servers;
    // Unnormalised stationary probabilities pi_n / pi_0 of the birth–death chain, up to the n
    // where they fall below 1e-20 of the largest (theta > 0 makes them fall geometrically).
    std::vector<double> p{1.0};
    double largest = 1.0;
    for (std::size_t n = 0; n < 10'000'000; ++n) {
        const double next = static_cast<double>(n + 1);
        const double death = std::min(next, c) * mu + std::max(0.0, next - c) * theta;
        p.push_back(p.back() * lambda / death);
        largest = std::max(largest, p.back());
        if (next > c && p.back() < 1e-20 * largest) break;
    }
    double total = 0.0;
    for (const double x : p) total += x;

    ErlangATheory t;
    double served = 0.0;          // P(served)
    double wait_if_served = 0.0;  // E[W 1{served}]
    double path_served = 1.0;     // P(served | k-th in line), k = n - c + 1
    double path_time = 0.0;       // E[W | served, k-th in line]: the sum of the phases' means
    for (std::size_t n = 0; n < p.size(); ++n) {
        const double pi = p[n] / total;
        const double busy = std::min(static_cast<double>(n), c);
        t.mean_in_service += pi * busy;
        t.mean_queue += pi * (static_cast<double>(n) - busy);
        if (static_cast<double>(n) < c) {
            served += pi;  // a free place: admitted at once
            continue;
        }
        // The arrival is k-th in line; with j = k - 1 ahead, the next change comes at rate
        // c mu + (j + 1) theta and moves it up with probability (c mu + j theta) / that.
        const double k = static_cast<double>(n) - c + 1.0;
        const double rate = c * mu + k * theta;
        path_served *= (c * mu + (k - 1.0) * theta) / rate;
        path_time += 1.0 / rate;
        t.p_wait += pi;
        served += pi * path_served;
        wait_if_served += pi * path_served * path_time;
    }
    t.p_abandon = theta * t.mean_queue / lambda;
    t.p_abandon_by_path = 1.0 - served;
    t.mean_wait_admitted = wait_if_served / served;
    return t;
}

double growing_hazard_mean_time(double rate, double growth) {
    // Up to where the cumulative hazard rate t + rate growth t^2 / 2 reaches 60 (e^-60 ~ 1e-26).
    constexpr double enough = 60.0;
    const double end = growth > 0.0
                           ? (-rate + std::sqrt(rate * rate + 2.0 * rate * growth * enough)) /
                                 (rate * growth)
                           : enough / rate;
    const auto survival = [&](double t) {
        return std::exp(-rate * t - rate * growth * t * t / 2.0);
    };
    constexpr int intervals = 200'000;  // even, for Simpson's rule
    const double h = end / intervals;
    double sum = survival(0.0) + survival(end);
    for (int i = 1; i < intervals; ++i) {
        sum += (i % 2 == 1 ? 4.0 : 2.0) * survival(static_cast<double>(i) * h);
    }
    return sum * h / 3.0;
}

}  // namespace careflow::testing
