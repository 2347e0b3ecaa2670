// EventQueue: earliest first, equal times in insertion order, against a reference sort.
#include "sim/event_queue.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <random>

namespace careflow::sim {
namespace {

Event at(double time, std::uint32_t subject) {
    return {.time = time, .subject = subject, .kind = EventKind::arrival};
}

TEST(EventQueue, PopsEqualTimesInInsertionOrder) {
    EventQueue q;
    for (std::uint32_t i = 0; i < 10; ++i) q.push(at(5.0, i));
    for (std::uint32_t i = 0; i < 10; ++i) EXPECT_EQ(q.pop().subject, i);
    EXPECT_TRUE(q.empty());
}

TEST(EventQueue, PopsInTheSameOrderAsAStableSortOfRandomTimes) {
    std::mt19937_64 rng(42);
    std::uniform_int_distribution<int> coarse_time(0, 500);  // many ties on purpose
    EventQueue q;
    std::vector<std::pair<double, std::uint32_t>> want;
    for (std::uint32_t i = 0; i < 20'000; ++i) {
        const double t = coarse_time(rng);
        q.push(at(t, i));
        want.emplace_back(t, i);
    }
    std::stable_sort(want.begin(), want.end(),
                     [](const auto& a, const auto& b) { return a.first < b.first; });
    std::vector<std::pair<double, std::uint32_t>> got;
    while (!q.empty()) {
        const Event e = q.pop();
        got.emplace_back(e.time, e.subject);
    }
    EXPECT_EQ(got, want);
}

TEST(EventQueue, InterleavedPushesAndPopsKeepHeapOrder) {
    std::mt19937_64 rng(7);
    std::exponential_distribution<double> gap(1.0);
    EventQueue q;
    double now = 0.0;
    for (std::uint32_t i = 0; i < 1000; ++i) q.push(at(gap(rng), i));
    for (int step = 0; step < 100'000; ++step) {
        const Event e = q.pop();
        ASSERT_GE(e.time, now);
        now = e.time;
        q.push(at(now + gap(rng), e.subject));
    }
    EXPECT_EQ(q.size(), 1000u);
}

}  // namespace
}  // namespace careflow::sim
