// Erlang C, Pollaczek–Khinchine and Jackson traffic equations, written from the textbook.
#include "support/queueing.hpp"

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

}  // namespace careflow::testing
