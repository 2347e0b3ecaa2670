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

/// Steady state of the Erlang A queue (M/M/c+M): Poisson arrivals lambda, c servers of rate
/// mu, and every youth in line leaves on its own at rate theta. From the birth–death chain
/// (birth lambda, death min(n, c) mu + max(0, n - c) theta), truncated where the
/// probabilities have vanished.
struct ErlangATheory {
    double p_wait = 0.0;             ///< an arrival finds every server busy (PASTA)
    double p_abandon = 0.0;          ///< theta E[Lq] / lambda: the share that leave the line
    double p_abandon_by_path = 0.0;  ///< 1 - P(served), summed over the position on arrival
    double mean_wait_admitted = 0.0; ///< E[W | served], zero waits included
    double mean_queue = 0.0;         ///< E[Lq]
    double mean_in_service = 0.0;    ///< E[busy servers]
};

[[nodiscard]] ErlangATheory erlang_a(double lambda, double mu, unsigned servers, double theta);

/// Mean time to an event whose hazard is rate (1 + growth t) at time t since the start:
/// the integral of exp(-rate t - rate growth t^2 / 2) over t >= 0, by Simpson's rule.
/// Units are the caller's (rate per day and growth per day give days).
[[nodiscard]] double growing_hazard_mean_time(double rate, double growth);

/// Accept `estimate` if it lies within `z` standard errors of `theory`.
inline constexpr double z_tolerance = 4.0;  // two-sided false alarm ~6e-5 per check

}  // namespace careflow::testing
