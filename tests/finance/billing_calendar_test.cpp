// BillingCalendar: whole billing days, months and years of the measured window.
#include "finance/billing_calendar.hpp"
#include "finance_model.hpp"

#include <gtest/gtest.h>

#include <vector>

namespace careflow::finance {
namespace {

using testing::make_model;
using testing::ModelSpec;

BillingCalendar calendar_of(const ModelSpec& spec) {
    return BillingCalendar(make_model(spec, {}));
}

std::vector<std::int64_t> month_lengths(const BillingCalendar& c) {
    std::vector<std::int64_t> out;
    for (std::size_t m = 0; m < c.months(); ++m) out.push_back(c.month_days(m));
    return out;
}

TEST(BillingCalendar, CountsTheDaysOfADatedWindowAfterTheWarmup) {
    // 2020-01-01 is simulation day 100; 2020 and 2021 are 366 + 365 = 731 days.
    const BillingCalendar c = calendar_of({.warmup_days = 100.0, .horizon_days = 731.0});
    EXPECT_EQ(c.days(), 731);
    EXPECT_EQ(c.day_of(100.0), 0);
    EXPECT_EQ(c.day_of(99.9), -1);   // still in the warm-up
    EXPECT_EQ(c.day_of(130.99), 30);
    EXPECT_EQ(c.day_of(50.0), -50);
}

TEST(BillingCalendar, GivesFebruary2020ItsTwentyNinthDay) {
    const BillingCalendar c = calendar_of({.horizon_days = 731.0});
    const std::vector<std::int64_t> want{31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31,
                                         31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    EXPECT_EQ(month_lengths(c), want);
    EXPECT_EQ(c.month_first_day(1), 31);
    EXPECT_EQ(c.month_first_day(2), 60);  // 31 + 29
    EXPECT_EQ(c.month_first_day(24), 731);
    EXPECT_EQ(c.month_of_day(59), 1u);
    EXPECT_EQ(c.month_of_day(60), 2u);
}

TEST(BillingCalendar, SplitsTheWindowIntoCalendarYears) {
    const BillingCalendar c = calendar_of({.horizon_days = 731.0});
    ASSERT_EQ(c.years(), 2u);
    EXPECT_EQ(c.year_first_day(1), 366);
    EXPECT_EQ(c.year_first_day(2), 731);
    EXPECT_EQ(c.year_days(0), 366);
    EXPECT_EQ(c.year_days(1), 365);
    EXPECT_EQ(c.full_year_days(0), 366);
    EXPECT_EQ(c.full_year_days(1), 365);
    EXPECT_EQ(c.year_of_day(365), 0u);
    EXPECT_EQ(c.year_of_day(366), 1u);
    EXPECT_EQ(c.year_of_month(12), 1u);
    EXPECT_EQ(c.months_in_year(0), 12u);
}

TEST(BillingCalendar, TreatsAWindowStartingInJulyAsTwoPartialYears) {
    // Jul..Dec 2020 = 31+31+30+31+30+31 = 184 days; Jan..Jun 2021 = 31+28+31+30+31+30 = 181.
    const BillingCalendar c =
        calendar_of({.horizon_days = 365.0, .start = Date{2020, 7, 1}});
    ASSERT_EQ(c.years(), 2u);
    EXPECT_EQ(c.year_days(0), 184);
    EXPECT_EQ(c.year_days(1), 181);
    EXPECT_EQ(c.full_year_days(0), 366);  // 2020 is a leap year
    EXPECT_EQ(c.full_year_days(1), 365);
    EXPECT_EQ(c.months_in_year(0), 6u);
}

TEST(BillingCalendar, WithoutDatesCountsWholeYearsByTheirOwnDays) {
    // Plain months are 365.25 / 12 = 30.4375 days: month 1 owns the days from ceil(30.4375) =
    // 31; year 0 is days [0, ceil(365.25)) = [0, 366), year 1 is [366, ceil(730.5)) = 365 days.
    const BillingCalendar c = calendar_of({.horizon_days = 730.5, .start = std::nullopt});
    EXPECT_EQ(c.days(), 731);
    EXPECT_EQ(c.months(), 24u);
    EXPECT_EQ(c.month_first_day(1), 31);
    EXPECT_EQ(c.year_days(0), 366);
    EXPECT_EQ(c.year_days(1), 365);
    EXPECT_EQ(c.full_year_days(0), 366);
    EXPECT_EQ(c.full_year_days(1), 365);
}

TEST(BillingCalendar, WithoutDatesCountsACutYearAs365Days) {
    // Year 1 starts on day 366 and the window ends on day 500: 134 of its days are in it.
    const BillingCalendar c = calendar_of({.horizon_days = 500.0, .start = std::nullopt});
    ASSERT_EQ(c.years(), 2u);
    EXPECT_EQ(c.year_days(1), 134);
    EXPECT_EQ(c.full_year_days(1), 365);
}

}  // namespace
}  // namespace careflow::finance
