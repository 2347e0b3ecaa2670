// FifoWaitlist: first in, first out, across growth and wrap-around.
#include "sim/waitlist.hpp"

#include <gtest/gtest.h>

namespace careflow::sim {
namespace {

TEST(FifoWaitlist, ServesInArrivalOrderAcrossWrapAroundAndGrowth) {
    FifoWaitlist w;
    std::uint32_t next_in = 0;
    std::uint32_t next_out = 0;
    for (int round = 0; round < 50; ++round) {
        for (int i = 0; i < round + 3; ++i) w.push({make_id<YouthId>(next_in++), 0});
        for (int i = 0; i < round + 1; ++i) ASSERT_EQ(index(w.pop().youth), next_out++);
    }
    EXPECT_EQ(w.size(), next_in - next_out);
    while (!w.empty()) ASSERT_EQ(index(w.pop().youth), next_out++);
}

}  // namespace
}  // namespace careflow::sim
