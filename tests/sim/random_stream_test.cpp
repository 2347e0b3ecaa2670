// RandomStream: reproducible per key, independent across keys, resumable by position.
#include "model/random_stream.hpp"

#include <gtest/gtest.h>

#include <cmath>
#include <set>

namespace careflow::sim {
namespace {

std::vector<std::uint64_t> first_draws(const StreamKey& key, int n, std::uint32_t position = 0) {
    RandomStream rng(key, position);
    std::vector<std::uint64_t> out;
    for (int i = 0; i < n; ++i) out.push_back(rng());
    return out;
}

TEST(RandomStream, SameKeyGivesSameNumbers) {
    const StreamKey key{12345, 3, Purpose::youth, (7ull << 32) | 99};
    EXPECT_EQ(first_draws(key, 100), first_draws(key, 100));
}

TEST(RandomStream, EveryPartOfTheKeyChangesTheNumbers) {
    const StreamKey base{12345, 3, Purpose::youth, 99};
    const std::vector<StreamKey> variants{
        {12346, 3, Purpose::youth, 99},
        {12345 + (1ull << 32), 3, Purpose::youth, 99},
        {12345, 4, Purpose::youth, 99},
        {12345, 3, Purpose::arrivals, 99},
        {12345, 3, Purpose::youth, 100},
        {12345, 3, Purpose::youth, 99 + (1ull << 32)},
    };
    std::set<std::vector<std::uint64_t>> seen{first_draws(base, 4)};
    for (const auto& key : variants) EXPECT_TRUE(seen.insert(first_draws(key, 4)).second);
}

TEST(RandomStream, ResumingAtAPositionContinuesTheStream) {
    const StreamKey key{1, 0, Purpose::youth, 5};
    RandomStream rng(key);
    for (int i = 0; i < 6; ++i) rng();
    EXPECT_EQ(rng.position(), 6u);
    const auto whole = first_draws(key, 10);
    const auto resumed = first_draws(key, 4, rng.position());
    EXPECT_EQ(std::vector<std::uint64_t>(whole.begin() + 6, whole.end()), resumed);
}

TEST(RandomStream, UniformsHaveMeanOneHalfAndVarianceOneTwelfth) {
    RandomStream rng({99, 0, Purpose::arrivals, 0});
    constexpr int n = 400'000;
    double sum = 0.0;
    double squares = 0.0;
    for (int i = 0; i < n; ++i) {
        const double u = rng.uniform();
        ASSERT_GE(u, 0.0);
        ASSERT_LT(u, 1.0);
        sum += u;
        squares += u * u;
    }
    const double mean = sum / n;
    const double variance = squares / n - mean * mean;
    // SE of the mean: sqrt(1/12 / n); of the variance: sqrt(1/180 / n).
    EXPECT_NEAR(mean, 0.5, 4.0 * std::sqrt(1.0 / 12.0 / n));
    EXPECT_NEAR(variance, 1.0 / 12.0, 4.0 * std::sqrt(1.0 / 180.0 / n));
}

TEST(RandomStream, ResumingMidBlockUsesItsSecondHalf) {
    const StreamKey key{1, 0, Purpose::youth, 5};
    const auto whole = first_draws(key, 6);
    for (std::uint32_t position = 1; position < 6; ++position) {
        EXPECT_EQ(first_draws(key, 1, position).front(), whole[position]) << position;
    }
}

}  // namespace
}  // namespace careflow::sim
