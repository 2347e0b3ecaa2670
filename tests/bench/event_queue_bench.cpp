// EventQueue alone: the classic "hold" model (pop the earliest, push it again later), with
// std::priority_queue on the baseline's 16-byte entries as a reference.
#include "sim/event_queue.hpp"

#include <benchmark/benchmark.h>

#include <cstddef>
#include <cstdint>
#include <functional>
#include <queue>
#include <random>
#include <vector>

namespace careflow::sim {
namespace {

// Gaps are drawn before timing and replayed from a table, so the loop measures the queue,
// not the random number generator. 64 Ki gaps (512 KiB) stay in L2 beside the heap's hot top.
constexpr std::size_t gap_table_size = std::size_t{1} << 16;

std::vector<double> exponential_gaps(std::uint64_t seed) {
    std::mt19937_64 rng(seed);
    std::exponential_distribution<double> gap_days(1.0);
    std::vector<double> gaps(gap_table_size);
    for (double& g : gaps) g = gap_days(rng);
    return gaps;
}

/// One hold: the earliest event is popped and pushed again at its time plus a gap.
void hold(EventQueue& queue, double gap_days) {
    const Event event = queue.pop();
    queue.push(event.time + gap_days, event.kind(), event.subject());
}

/// Items are holds (one pop + one push) at a constant queue size of state.range(0).
void BM_EventQueueHold(benchmark::State& state) {
    const auto size = static_cast<std::size_t>(state.range(0));
    const std::vector<double> gaps = exponential_gaps(20190101);
    EventQueue queue;
    queue.reserve(size + 1);
    std::mt19937_64 rng(7);
    std::exponential_distribution<double> start_days(1.0);
    for (std::size_t i = 0; i < size; ++i) {
        queue.push(start_days(rng), EventKind::leave_state, static_cast<std::uint32_t>(i));
    }
    // Untimed warm-up: holds until the heap reaches its steady-state shape.
    std::size_t next_gap = 0;
    for (std::size_t i = 0; i < 4 * size; ++i) {
        hold(queue, gaps[next_gap++ & (gap_table_size - 1)]);
    }
    for (auto _ : state) {
        hold(queue, gaps[next_gap++ & (gap_table_size - 1)]);
    }
    benchmark::DoNotOptimize(queue.top());
    state.SetItemsProcessed(state.iterations());
    state.counters["queue_size"] = static_cast<double>(queue.size());
}
BENCHMARK(BM_EventQueueHold)->Arg(1'000)->Arg(10'000)->Arg(50'000)->Arg(200'000);

/// What baseline_bench.cpp queues: a time and a youth, 16 bytes, no tie-break sequence.
struct TimedYouth {
    double time;
    std::uint32_t youth;
};
struct Later {
    bool operator()(const TimedYouth& a, const TimedYouth& b) const noexcept {
        return a.time > b.time;
    }
};
using StdHeap = std::priority_queue<TimedYouth, std::vector<TimedYouth>, Later>;

/// Reference for BM_EventQueueHold: the same holds on a binary std::priority_queue.
void BM_StdPriorityQueueHold(benchmark::State& state) {
    const auto size = static_cast<std::size_t>(state.range(0));
    const std::vector<double> gaps = exponential_gaps(20190101);
    std::vector<TimedYouth> storage;
    storage.reserve(size + 1);
    StdHeap queue(Later{}, std::move(storage));
    std::mt19937_64 rng(7);
    std::exponential_distribution<double> start_days(1.0);
    for (std::size_t i = 0; i < size; ++i) {
        queue.push({start_days(rng), static_cast<std::uint32_t>(i)});
    }
    std::size_t next_gap = 0;
    const auto std_hold = [&] {
        TimedYouth item = queue.top();
        queue.pop();
        item.time += gaps[next_gap++ & (gap_table_size - 1)];
        queue.push(item);
    };
    for (std::size_t i = 0; i < 4 * size; ++i) std_hold();
    for (auto _ : state) std_hold();
    benchmark::DoNotOptimize(queue.top());
    state.SetItemsProcessed(state.iterations());
}
BENCHMARK(BM_StdPriorityQueueHold)->Arg(1'000)->Arg(10'000)->Arg(50'000)->Arg(200'000);

}  // namespace
}  // namespace careflow::sim
