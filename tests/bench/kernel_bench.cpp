// The general kernel: a five-state open network with ~50,000 youths in care, and the
// bundled youth-care-region scenario.
#include "sim/simulation.hpp"

#include <careflow/careflow.hpp>

#include <benchmark/benchmark.h>

#include <cstdint>
#include <ctime>
#include <memory>
#include <string>

namespace careflow::sim {
namespace {

constexpr std::uint64_t bench_seed = 20190101;
constexpr double warmup_days = 1826.0;     // five years: long foster stays fill up
constexpr double window_days = 7305.0;     // twenty years measured, ~7.7 million events
constexpr double warmup_only_window_days = 1.0;

/// The benchmark network. baseline_bench.cpp hard-codes the same numbers: keep them in step.
/// Offered load (Little's law): intake ~4.8k, ambulatory ~33k, residential ~2.9k of 2,950
/// places (it waits), foster ~5.2k of 6,000, aftercare ~4.4k: ~50,000 in care in steady
/// state, ~1,060 counted events (arrivals + admissions + completions) per simulated day.
std::string five_state_network(double horizon_days) {
    return R"(version: 1
name: bench-five-state
run:
  warmup: )" + std::to_string(warmup_days) +
           R"( days
  horizon: )" + std::to_string(horizon_days) +
           R"( days
  replications: 1
  seed: 1
states:
  - name: intake
    capacity: unlimited
    length_of_stay: {exponential: {mean: 30 days}}
    next: {ambulatory: 0.5, residential: 0.1, exit: 0.4}
  - name: ambulatory
    capacity: unlimited
    length_of_stay: {exponential: {mean: 200 days}}
    next: {residential: 0.05, foster: 0.05, aftercare: 0.2, exit: 0.7}
  - name: residential
    capacity: 2950
    waitlist: fifo
    length_of_stay: {exponential: {mean: 120 days}}
    next: {foster: 0.2, aftercare: 0.5, exit: 0.3}
  - name: foster
    capacity: 6000
    waitlist: fifo
    length_of_stay: {exponential: {mean: 400 days}}
    next: {ambulatory: 0.1, aftercare: 0.3, exit: 0.6}
  - name: aftercare
    capacity: unlimited
    length_of_stay: {exponential: {mean: 90 days}}
    next: {intake: 0.05, ambulatory: 0.1, exit: 0.85}
arrivals:
  - {name: local teams, to: intake, per_year: 57600}
  - {name: doctors, to: ambulatory, per_year: 28800}
)";
}

std::shared_ptr<const Model> load_network(double horizon_days) {
    return load_scenario_text(five_state_network(horizon_days), "bench-five-state.yaml").model;
}

/// Arrivals + admissions (service starts) + completions in the measured window.
std::uint64_t counted_events(const ReplicationMetrics& metrics) {
    std::uint64_t events = metrics.referrals;
    for (const StateMetrics& s : metrics.states) events += s.admissions + s.completions;
    return events;
}

double youths_in_care(const ReplicationMetrics& metrics) {
    double in_care = 0.0;
    for (const StateMetrics& s : metrics.states) in_care += s.in_care_mean;
    return in_care;
}

/// CPU time of this thread: what the benchmarks measure, so that other work on this
/// shared machine does not count against the kernel (Google Benchmark's default, too).
double thread_cpu_seconds() {
    timespec now{};
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &now);
    return static_cast<double>(now.tv_sec) + 1e-9 * static_cast<double>(now.tv_nsec);
}

/// The kernel in steady state. Run() cannot stop at the end of the warm-up, so each
/// iteration runs the same replication twice: warm-up + one day, and warm-up + window.
/// Both follow one trajectory up to the warm-up's end; the difference of their times and
/// counts is the window alone.
void BM_KernelFiveState(benchmark::State& state) {
    const auto warmup_only = load_network(warmup_only_window_days);
    const auto whole = load_network(window_days);
    std::uint32_t replication = 0;
    std::uint64_t events = 0;
    std::uint64_t heap_events = 0;
    double in_care = 0.0;
    for (auto _ : state) {
        Simulation prefix(*warmup_only, bench_seed, replication);
        const double prefix_start = thread_cpu_seconds();
        const ReplicationMetrics prefix_metrics = prefix.run();
        const double prefix_seconds = thread_cpu_seconds() - prefix_start;

        Simulation full(*whole, bench_seed, replication);
        const double full_start = thread_cpu_seconds();
        const ReplicationMetrics full_metrics = full.run();
        const double full_seconds = thread_cpu_seconds() - full_start;

        state.SetIterationTime(full_seconds - prefix_seconds);
        events += counted_events(full_metrics) - counted_events(prefix_metrics);
        heap_events += full.events_processed() - prefix.events_processed();
        in_care += youths_in_care(full_metrics);
        ++replication;
    }
    state.counters["events_per_s"] =
        benchmark::Counter(static_cast<double>(events), benchmark::Counter::kIsRate);
    state.counters["heap_events_per_s"] =
        benchmark::Counter(static_cast<double>(heap_events), benchmark::Counter::kIsRate);
    state.counters["in_care"] = benchmark::Counter(in_care, benchmark::Counter::kAvgIterations);
}
BENCHMARK(BM_KernelFiveState)->UseManualTime()->Unit(benchmark::kMillisecond);

/// One whole replication as `careflow run` does it, warm-up from empty included.
void BM_KernelFiveStateWholeRun(benchmark::State& state) {
    const auto whole = load_network(window_days);
    std::uint32_t replication = 0;
    std::uint64_t heap_events = 0;
    for (auto _ : state) {
        Simulation sim(*whole, bench_seed, replication++);
        benchmark::DoNotOptimize(sim.run());
        heap_events += sim.events_processed();
    }
    state.counters["heap_events_per_s"] =
        benchmark::Counter(static_cast<double>(heap_events), benchmark::Counter::kIsRate);
}
BENCHMARK(BM_KernelFiveStateWholeRun)->Unit(benchmark::kMillisecond);

/// A bundled scenario, one replication per iteration (warm-up included): replications per
/// second and heap events per second.
void run_bundled_scenario(benchmark::State& state, const char* file) {
    const auto model = load_scenario(std::string(CAREFLOW_SOURCE_DIR "/scenarios/") + file).model;
    std::uint32_t replication = 0;
    std::uint64_t heap_events = 0;
    for (auto _ : state) {
        Simulation sim(*model, model->run.seed, replication++);
        benchmark::DoNotOptimize(sim.run());
        heap_events += sim.events_processed();
    }
    state.counters["replications_per_s"] =
        benchmark::Counter(static_cast<double>(state.iterations()), benchmark::Counter::kIsRate);
    state.counters["heap_events_per_s"] =
        benchmark::Counter(static_cast<double>(heap_events), benchmark::Counter::kIsRate);
}

void BM_YouthCareRegion(benchmark::State& state) {
    run_bundled_scenario(state, "youth-care-region.yaml");
}
BENCHMARK(BM_YouthCareRegion)->Unit(benchmark::kMicrosecond);

void BM_NoordVeluwe2019(benchmark::State& state) {
    run_bundled_scenario(state, "noord-veluwe-2019.yaml");
}
BENCHMARK(BM_NoordVeluwe2019)->Unit(benchmark::kMillisecond);

void BM_National(benchmark::State& state) { run_bundled_scenario(state, "national.yaml"); }
BENCHMARK(BM_National)->Unit(benchmark::kMillisecond)->Iterations(3);

}  // namespace
}  // namespace careflow::sim
