// Closed-form queueing results the kernel is checked against (independent of engine code).
#pragma once

#include <cstddef>
#include <vector>

namespace careflow::testing {

/// Steady state of an M/M/c queue with arrival rate lambda and service rate mu per server.
struct MmcTheory {
    double p_wait = 0.0;      ///< Erlang C: probability an arrival waits
    double mean_wait = 0.0;   ///< Wq
    double mean_queue = 0.0;  ///< Lq
    double mean_in_service = 0.0;  ///< lambda / mu
};

[[nodiscard]] MmcTheory erlang_c(double lambda, double mu, unsigned servers);

/// Pollaczek–Khinchine mean wait in an M/G/1 queue: lambda E[S^2] / (2 (1 - rho)).
[[nodiscard]] double pollaczek_khinchine_wait(double lambda, double mean_service,
                                              double second_moment_service);

/// Traffic equations of an open network by fixed-point iteration:
/// lambda = external + routing^T lambda, routing[i][j] = P(i -> j).
[[nodiscard]] std::vector<double> jackson_arrival_rates(
    const std::vector<double>& external, const std::vector<std::vector<double>>& routing);

/// Accept `estimate` if it lies within `z` standard errors of `theory`.
inline constexpr double z_tolerance = 4.0;  // two-sided false alarm ~6e-5 per check

}  // namespace careflow::testing
