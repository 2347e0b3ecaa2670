// EventQueue: earliest first, equal times in insertion order, against a reference sort.
#include "sim/event_queue.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <random>

namespace careflow::sim {
namespace {

void push_at(EventQueue& q, double time, std::uint32_t subject) {
    q.push(time, EventKind::arrival, subject);
}

TEST(EventQueue, PopsEqualTimesInInsertionOrder) {
    EventQueue q;
    for (std::uint32_t i = 0; i < 10; ++i) push_at(q, 5.0, i);
    for (std::uint32_t i = 0; i < 10; ++i) EXPECT_EQ(q.pop().subject(), i);
    EXPECT_TRUE(q.empty());
}

TEST(EventQueue, PopsInTheSameOrderAsAStableSortOfRandomTimes) {
    std::mt19937_64 rng(42);
    std::uniform_int_distribution<int> coarse_time(0, 500);  // many ties on purpose
    EventQueue q;
    std::vector<std::pair<double, std::uint32_t>> want;
    for (std::uint32_t i = 0; i < 20'000; ++i) {
        const double t = coarse_time(rng);
        push_at(q, t, i);
        want.emplace_back(t, i);
    }
    std::stable_sort(want.begin(), want.end(),
                     [](const auto& a, const auto& b) { return a.first < b.first; });
    std::vector<std::pair<double, std::uint32_t>> got;
    while (!q.empty()) {
        const Event e = q.pop();
        got.emplace_back(e.time, e.subject());
    }
    EXPECT_EQ(got, want);
}

TEST(EventQueue, InterleavedPushesAndPopsKeepHeapOrder) {
    std::mt19937_64 rng(7);
    std::exponential_distribution<double> gap(1.0);
    EventQueue q;
    double now = 0.0;
    for (std::uint32_t i = 0; i < 1000; ++i) push_at(q, gap(rng), i);
    for (int step = 0; step < 100'000; ++step) {
        const Event e = q.pop();
        ASSERT_GE(e.time, now);
        now = e.time;
        push_at(q, now + gap(rng), e.subject());
    }
    EXPECT_EQ(q.size(), 1000u);
}

TEST(Event, PacksSeqKindAndSubjectWithoutLoss) {
    const Event e = Event::make(2.5, Event::max_seq, EventKind::warmup_end, Event::max_subject);
    EXPECT_EQ(e.seq(), Event::max_seq);
    EXPECT_EQ(e.kind(), EventKind::warmup_end);
    EXPECT_EQ(e.subject(), Event::max_subject);
    EXPECT_EQ(e.time, 2.5);
}

TEST(EventQueue, ReturnsIncreasingSequenceNumbers) {
    EventQueue q;
    EXPECT_EQ(q.push(3.0, EventKind::arrival, 0), 1u);
    EXPECT_EQ(q.push(1.0, EventKind::arrival, 0), 2u);
    EXPECT_EQ(q.pop().seq(), 2u);
}

}  // namespace
}  // namespace careflow::sim
