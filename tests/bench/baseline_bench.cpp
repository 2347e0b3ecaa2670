// Baseline: a minimal single-purpose heap loop for kernel_bench.cpp's five-state network.
// No model, no statistics, no streams per youth: the floor the general kernel is held to.
#include <benchmark/benchmark.h>

#include <array>
#include <cstddef>
#include <cstdint>
#include <ctime>
#include <functional>
#include <queue>
#include <random>
#include <stdexcept>
#include <vector>

namespace careflow::bench {
namespace {

constexpr std::size_t state_count = 5;
constexpr std::uint8_t exit_state = 0xFF;
constexpr std::uint32_t unlimited = 0xFFFF'FFFF;
constexpr double days_per_year = 365.25;
constexpr double warmup_days = 1826.0;  // as kernel_bench.cpp
constexpr double window_days = 7305.0;

// The network of kernel_bench.cpp, as fixed arrays: intake, ambulatory, residential,
// foster, aftercare. Routes per state: cumulative probability and destination, exit last.
constexpr std::array<double, state_count> mean_stay_days{30.0, 200.0, 120.0, 400.0, 90.0};
constexpr std::array<std::uint32_t, state_count> places{unlimited, unlimited, 2950, 6000,
                                                        unlimited};
constexpr std::size_t max_routes = 4;
constexpr std::array<std::array<double, max_routes>, state_count> route_cumulative{{
    {0.5, 0.6, 1.0, 1.0},
    {0.05, 0.10, 0.30, 1.0},
    {0.2, 0.7, 1.0, 1.0},
    {0.1, 0.4, 1.0, 1.0},
    {0.05, 0.15, 1.0, 1.0},
}};
constexpr std::array<std::array<std::uint8_t, max_routes>, state_count> route_to{{
    {1, 2, exit_state, exit_state},
    {2, 3, 4, exit_state},
    {3, 4, exit_state, exit_state},
    {1, 4, exit_state, exit_state},
    {0, 1, exit_state, exit_state},
}};
constexpr std::size_t source_count = 2;
constexpr std::array<double, source_count> source_mean_gap_days{days_per_year / 57600.0,
                                                               days_per_year / 28800.0};
constexpr std::array<std::uint8_t, source_count> source_to{0, 1};

/// Pending completion of a youth, or next arrival of a source (who >= first_source).
struct Pending {
    double time;
    std::uint32_t who;
};
struct Later {
    bool operator()(const Pending& a, const Pending& b) const noexcept { return a.time > b.time; }
};
constexpr std::uint32_t first_source = 0xFFFF'FF00;

/// FIFO of youths on a fixed-size ring: the capacitated states need one.
class Ring {
public:
    Ring() : slots_(std::size_t{1} << 16) {}
    [[nodiscard]] bool empty() const noexcept { return count_ == 0; }
    void push(std::uint32_t youth) {
        if (count_ == slots_.size()) throw std::length_error("baseline waitlist overflow");
        slots_[(head_ + count_++) & (slots_.size() - 1)] = youth;
    }
    std::uint32_t pop() noexcept {
        const std::uint32_t youth = slots_[head_];
        head_ = (head_ + 1) & (slots_.size() - 1);
        --count_;
        return youth;
    }

private:
    std::vector<std::uint32_t> slots_;
    std::size_t head_ = 0;
    std::size_t count_ = 0;
};

struct Counts {
    std::uint64_t arrivals = 0;
    std::uint64_t admissions = 0;
    std::uint64_t completions = 0;
    [[nodiscard]] std::uint64_t total() const noexcept {
        return arrivals + admissions + completions;
    }
};

class FiveStateLoop {
public:
    explicit FiveStateLoop(std::uint64_t seed) : rng_(seed), heap_(Later{}, reserved(1 << 17)) {
        state_of_.reserve(1 << 17);
        free_.reserve(1 << 17);
        for (std::uint32_t s = 0; s < source_count; ++s) schedule_arrival(s);
    }

    void run_until(double end_days) {
        while (heap_.top().time <= end_days) {
            const Pending next = heap_.top();
            heap_.pop();
            now_ = next.time;
            if (next.who >= first_source) {
                on_arrival(next.who - first_source);
            } else {
                on_completion(next.who);
            }
        }
        now_ = end_days;
    }

    [[nodiscard]] const Counts& counts() const noexcept { return counts_; }
    [[nodiscard]] std::uint64_t heap_events() const noexcept { return heap_events_; }
    [[nodiscard]] std::uint32_t in_care() const noexcept {
        std::uint32_t sum = 0;
        for (const std::uint32_t n : occupied_) sum += n;
        return sum;
    }

private:
    static std::vector<Pending> reserved(std::size_t n) {
        std::vector<Pending> v;
        v.reserve(n);
        return v;
    }

    void on_arrival(std::uint32_t source) {
        ++heap_events_;
        ++counts_.arrivals;
        std::uint32_t youth;
        if (free_.empty()) {
            youth = static_cast<std::uint32_t>(state_of_.size());
            state_of_.push_back(exit_state);
        } else {
            youth = free_.back();
            free_.pop_back();
        }
        enter(youth, source_to[source]);
        schedule_arrival(source);
    }

    void on_completion(std::uint32_t youth) {
        ++heap_events_;
        ++counts_.completions;
        const std::uint8_t from = state_of_[youth];
        --occupied_[from];
        if (!waitlist_[from].empty()) admit(waitlist_[from].pop(), from);
        const double u = uniform_(rng_);
        std::size_t r = 0;
        while (u >= route_cumulative[from][r]) ++r;
        const std::uint8_t to = route_to[from][r];
        if (to == exit_state) {
            free_.push_back(youth);
        } else {
            enter(youth, to);
        }
    }

    void enter(std::uint32_t youth, std::uint8_t to) {
        state_of_[youth] = to;
        if (occupied_[to] < places[to]) {
            admit(youth, to);
        } else {
            waitlist_[to].push(youth);
        }
    }

    void admit(std::uint32_t youth, std::uint8_t to) {
        ++counts_.admissions;
        ++occupied_[to];
        heap_.push({now_ + mean_stay_days[to] * exponential_(rng_), youth});
    }

    void schedule_arrival(std::uint32_t source) {
        const double gap_days = source_mean_gap_days[source] * exponential_(rng_);
        heap_.push({now_ + gap_days, first_source + source});
    }

    std::mt19937_64 rng_;
    std::exponential_distribution<double> exponential_{1.0};
    std::uniform_real_distribution<double> uniform_{0.0, 1.0};
    std::priority_queue<Pending, std::vector<Pending>, Later> heap_;
    std::vector<std::uint8_t> state_of_;
    std::vector<std::uint32_t> free_;
    std::array<std::uint32_t, state_count> occupied_{};
    std::array<Ring, state_count> waitlist_{};
    Counts counts_;
    std::uint64_t heap_events_ = 0;
    double now_ = 0.0;
};

/// CPU time of this thread, as kernel_bench.cpp measures.
double thread_cpu_seconds() {
    timespec now{};
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &now);
    return static_cast<double>(now.tv_sec) + 1e-9 * static_cast<double>(now.tv_nsec);
}

/// Warm-up untimed, then the window timed: the same window BM_KernelFiveState measures.
void BM_BaselineFiveState(benchmark::State& state) {
    std::uint64_t seed = 20190101;
    std::uint64_t events = 0;
    std::uint64_t heap_events = 0;
    double in_care = 0.0;
    for (auto _ : state) {
        FiveStateLoop loop(seed++);
        loop.run_until(warmup_days);
        const Counts before = loop.counts();
        const std::uint64_t heap_before = loop.heap_events();
        const double start = thread_cpu_seconds();
        loop.run_until(warmup_days + window_days);
        state.SetIterationTime(thread_cpu_seconds() - start);
        events += loop.counts().total() - before.total();
        heap_events += loop.heap_events() - heap_before;
        in_care += loop.in_care();
    }
    state.counters["events_per_s"] =
        benchmark::Counter(static_cast<double>(events), benchmark::Counter::kIsRate);
    state.counters["heap_events_per_s"] =
        benchmark::Counter(static_cast<double>(heap_events), benchmark::Counter::kIsRate);
    state.counters["in_care"] = benchmark::Counter(in_care, benchmark::Counter::kAvgIterations);
}
BENCHMARK(BM_BaselineFiveState)->UseManualTime()->Unit(benchmark::kMillisecond);

}  // namespace
}  // namespace careflow::bench
