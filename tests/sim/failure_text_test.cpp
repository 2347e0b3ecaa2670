// A failed replication's message: which replication, strategy, day and month, and what the
// kernel was doing.
#include "sim/failure_text.hpp"

#include <gtest/gtest.h>

namespace careflow::sim {
namespace {

TEST(FailureText, NamesTheReplicationFromOneTheStrategyTheDayAndWhatWasHappening) {
    const FailurePoint point{.replication = 11,
                             .strategy = "ceiling",
                             .day = 431.46,
                             .month = "2020-03",
                             .doing = "a youth leaving 'residential', admitted on day 300.2"};
    EXPECT_EQ(failure_text(point, "more than 16,777,215 youths in the system at once"),
              "replication 12 (strategy 'ceiling'), day 431.5 (2020-03), a youth leaving "
              "'residential', admitted on day 300.2: more than 16,777,215 youths in the system "
              "at once");
    const FailurePoint shared{.replication = 0, .day = 0.0, .month = "warm-up",
                              .doing = "setting up"};
    EXPECT_EQ(failure_text(shared, "out of memory"),
              "replication 1, day 0.0 (warm-up), setting up: out of memory");
}

TEST(FailureText, FindsTheMonthOfADayAndTheWarmUpBeforeTheWindow) {
    const Calendar calendar = make_calendar(Date{2019, 1, 1}, 100.0, 365.0);
    EXPECT_EQ(month_at(calendar, 50.0), "warm-up");
    EXPECT_EQ(month_at(calendar, 100.0), "2019-01");
    EXPECT_EQ(month_at(calendar, 100.0 + 31.0), "2019-02");  // 1 February
    EXPECT_EQ(month_at(calendar, 100.0 + 30.9), "2019-01");
    EXPECT_EQ(month_at(calendar, 464.9), "2019-12");
}

}  // namespace
}  // namespace careflow::sim
