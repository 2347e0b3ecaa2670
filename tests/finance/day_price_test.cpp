// CostBook, day prices: which days a stay bills, at the window's edges and across years.
#include "finance_model.hpp"

#include <gtest/gtest.h>


namespace careflow::finance {
namespace {

using testing::care;
using testing::contract;
using testing::make_model;
using testing::ModelSpec;
using testing::PricedModel;
using testing::s0;
using testing::stay;
using testing::strategy;

constexpr Cents per_day = 100'00;  // EUR 100.00

Contract day_price(DayCount rule = DayCount::first_not_last) {
    Contract c = contract(Scheme::day_price, {per_day});
    c.day_count = rule;
    return c;
}

/// One book pricing the same stays under first_not_last (slot 0) and both (slot 1).
PricedModel both_rules(const ModelSpec& spec) {
    return PricedModel(make_model(spec, {strategy({day_price(DayCount::first_not_last)}),
                                         strategy({day_price(DayCount::both)})}),
                       {0, 1});
}

TEST(CostBookDayPrice, BillsTheAdmissionDayButNotTheLeavingDayByDefault) {
    // Admitted on day 10 (10.5), left on day 20 (20.25).
    // first_not_last: days 10..19 = 10 days x 100.00 = 1,000.00.
    // both:           days 10..20 = 11 days x 100.00 = 1,100.00.
    PricedModel priced = both_rules({});
    const Ledger& ledger = priced.price({stay(10.5, 20.25)});
    EXPECT_EQ(care(ledger, 0), 10 * per_day);
    EXPECT_EQ(care(ledger, 1), 11 * per_day);
    EXPECT_EQ(ledger.contract_year(0, 0, 0).care_days, 10);
    EXPECT_EQ(ledger.contract_year(1, 0, 0).care_days, 11);
}

TEST(CostBookDayPrice, BillsOneDayForAStayThatBeginsAndEndsOnTheSameDay) {
    // 10.2 -> 10.8: a = e = 10. first_not_last bills at least day a; both bills [10, 10].
    PricedModel priced = both_rules({});
    const Ledger& ledger = priced.price({stay(10.2, 10.8)});
    EXPECT_EQ(care(ledger, 0), per_day);
    EXPECT_EQ(care(ledger, 1), per_day);
}

TEST(CostBookDayPrice, BillsAnOpenStayThroughTheWindowsLastDay) {
    // Window = 2020 = days 0..365. Admitted on day 300, still in care at 366: days 300..365 =
    // 66 days under either rule (both would otherwise add a day 366 that is not in the window).
    PricedModel priced = both_rules({});
    Stay open = stay(300.5, 366.0);
    open.open = true;
    const Ledger& ledger = priced.price({open});
    EXPECT_EQ(care(ledger, 0), 66 * per_day);
    EXPECT_EQ(care(ledger, 1), 66 * per_day);
}

TEST(CostBookDayPrice, BillsOnlyTheWindowDaysOfAStayBegunInTheWarmup) {
    // Warm-up of 100 days: the window starts at simulation day 100. Admitted at 50 (day -50),
    // left at 110.5 (day 10): days 0..9 are billed, 10 x 100.00 = 1,000.00. A stay that ended
    // at 60 (day -40) bills nothing.
    PricedModel priced = both_rules({.warmup_days = 100.0});
    const Ledger& ledger = priced.price({stay(50.0, 110.5), stay(20.0, 60.0)});
    EXPECT_EQ(care(ledger, 0), 10 * per_day);
    EXPECT_EQ(care(ledger, 1), 11 * per_day);  // both: days 0..10
    EXPECT_EQ(ledger.contract_year(0, 0, 0).care_days, 10);
    EXPECT_EQ(ledger.contract_year(0, 0, 0).claims, 1);
}

TEST(CostBookDayPrice, SplitsAStayCrossingNewYearIntoTwoYears) {
    // 2020 has days 0..365, 2021 starts on day 366. A stay 360 -> 370 bills days 360..365 in
    // 2020 (6 days = 600.00) and days 366..369 in 2021 (4 days = 400.00); one claim each for
    // December 2020 and January 2021.
    PricedModel priced = both_rules({.horizon_days = 731.0});
    const Ledger& ledger = priced.price({stay(360.0, 370.0)});
    EXPECT_EQ(care(ledger, 0, 0), 6 * per_day);
    EXPECT_EQ(care(ledger, 0, 1), 4 * per_day);
    EXPECT_EQ(ledger.contract_year(0, 0, 0).claims, 1);
    EXPECT_EQ(ledger.contract_year(0, 0, 1).claims, 1);
    EXPECT_EQ(ledger.contract_year(0, 0, 1).care_days, 4);
}

TEST(CostBookDayPrice, BillsTwentyNineDaysForFebruaryOfTheLeapYear2020) {
    // 1 Feb 2020 is day 31 and 1 Mar 2020 day 60: days 31..59 = 29 days = 2,900.00, one claim.
    PricedModel priced = both_rules({});
    const Ledger& ledger = priced.price({stay(31.0, 60.0)});
    EXPECT_EQ(care(ledger, 0), 29 * per_day);
    EXPECT_EQ(ledger.contract_year(0, 0, 0).claims, 1);
}

TEST(CostBookDayPrice, PutsCareInTheStaysMunicipalityProviderAndState) {
    // Two states, two providers, two municipalities; state 1 by provider 1 is contracted.
    Contract c = contract(Scheme::day_price, {per_day}, testing::s1, 1);
    PricedModel priced(make_model({.states = 2, .providers = 2, .municipalities = 2},
                                  {strategy({c})}));
    Stay s = stay(0.0, 5.0, testing::s1, 1);
    s.provider = 1;
    Stay uncontracted = stay(0.0, 5.0, s0, 1);  // state 0: no contract, costs nothing
    const Ledger& ledger = priced.price({s, uncontracted});
    EXPECT_EQ(ledger.at(0, 0, testing::s1, 1, 1, Component::care), 5 * per_day);
    EXPECT_EQ(ledger.total(0, 0), 5 * per_day);
}

TEST(CostBookDayPrice, FillsTheContractYearBeforeAnyCeiling) {
    PricedModel priced = both_rules({});
    const Ledger& ledger = priced.price({stay(0.0, 3.0), stay(5.0, 7.0)});
    // 3 + 2 days, one claim per stay and month.
    EXPECT_EQ(ledger.contract_year(0, 0, 0),
              testing::contract_year(5 * per_day, 5 * per_day, /*care_days=*/5, /*claims=*/2));
}

TEST(CostBookDayPrice, ClosingTwiceIsAProgrammingError) {
    PricedModel priced = both_rules({});
    priced.price({stay(0.0, 3.0)});
    EXPECT_DEBUG_DEATH(priced.book().close(), "close");
    EXPECT_EQ(care(priced.ledger(), 0), 3 * per_day);  // release builds: nothing changes
}

}  // namespace
}  // namespace careflow::finance
