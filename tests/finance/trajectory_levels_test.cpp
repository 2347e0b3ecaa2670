// CostBook, trajectory fees, tariff levels (severity, upcoding, level changes) and yearly
// indexation.
#include "finance_model.hpp"
#include "model/random_stream.hpp"

#include <gtest/gtest.h>

#include <vector>

namespace careflow::finance {
namespace {

using testing::care;
using testing::contract;
using testing::make_model;
using testing::PricedModel;
using testing::s0;
using testing::stay;
using testing::strategy;

constexpr Cents fee = 5'000'00;  // EUR 5,000.00 per arrangement

Contract trajectory(std::optional<double> max_days) {
    Contract c = contract(Scheme::trajectory, {fee});
    c.max_days = max_days;
    return c;
}

TEST(CostBookTrajectory, BillsARenewedArrangementButNotOneBegunInTheWarmup) {
    // Window starts at simulation day 100. Admitted at 50 (day -50), left at 450 (day 350):
    // a 400-day stay with arrangements starting on days -50, 130 and 310. The first began in
    // the warm-up: 2 x 5,000.00 billed, 2 claims; care days 0..349.
    PricedModel priced(make_model({.warmup_days = 100.0, .horizon_days = 731.0},
                                  {strategy({trajectory(180.0)})}));
    const Ledger& ledger = priced.price({stay(50.0, 450.0)});
    EXPECT_EQ(ledger.contract_year(0, 0, 0),
              testing::contract_year(2 * fee, 2 * fee, /*care_days=*/350, /*claims=*/2,
                                     /*arrangements=*/2));
    EXPECT_EQ(care(ledger, 0, 1), 0);
}

TEST(CostBookTrajectory, BillsEachArrangementInTheYearItStarts) {
    // Days 200 -> 600: arrangements on days 200 (2020), 380 and 560 (2021).
    PricedModel priced(make_model({.horizon_days = 731.0}, {strategy({trajectory(180.0)})}));
    const Ledger& ledger = priced.price({stay(200.0, 600.0)});
    EXPECT_EQ(care(ledger, 0, 0), fee);
    EXPECT_EQ(care(ledger, 0, 1), 2 * fee);
    EXPECT_EQ(ledger.contract_year(0, 0, 1).arrangements, 2);
}

TEST(CostBookTrajectory, RenewsOnlyWhileTheRenewalDayIsACareDay) {
    // Left on day 180: care days 0..179, no second arrangement. Left on day 181: day 180 is a
    // care day, so a second arrangement starts on it.
    PricedModel priced(make_model({}, {strategy({trajectory(180.0)})}));
    EXPECT_EQ(care(priced.price({stay(0.0, 180.5), stay(0.0, 181.0)})), fee + 2 * fee);
}

TEST(CostBookTrajectory, BillsOneArrangementWithoutMaxDays) {
    // A 490-day stay is one arrangement; one begun in the warm-up bills nothing but still
    // counts its window care days (0..19).
    PricedModel priced(make_model({.warmup_days = 100.0, .horizon_days = 731.0},
                                  {strategy({trajectory(std::nullopt)})}));
    const Ledger& ledger = priced.price({stay(110.0, 600.0), stay(90.0, 120.0)});
    EXPECT_EQ(care(ledger, 0, 0), fee);
    EXPECT_EQ(ledger.contract_year(0, 0, 0).care_days, 356 + 20);  // days 10..365 and 0..19
}

TEST(CostBookTrajectory, BillsNoRenewalAfterTheWindowOfAnOpenStay) {
    // Admitted on day 300, still in care at the end of 2020: the renewal on day 480 is after
    // the window.
    PricedModel priced(make_model({}, {strategy({trajectory(180.0)})}));
    Stay open = stay(300.0, 366.0);
    open.open = true;
    EXPECT_EQ(care(priced.price({open})), fee);
}

TEST(CostBookTrajectory, ChargesEachArrangementAtTheLevelOfItsFirstDay) {
    // Fees 5,000.00 / 8,000.00; one level heavier after 180 days: 5,000.00 + 8,000.00.
    Contract c = contract(Scheme::trajectory, {fee, 8'000'00});
    c.max_days = 180.0;
    c.level_changes = {LevelChange{180.0, +1}};
    PricedModel priced(make_model({.levels = 2}, {strategy({c})}));
    EXPECT_EQ(care(priced.price({stay(0.0, 300.0)})), fee + 8'000'00);
}

// Day prices 100.00 / 150.00 / 200.00 by severity level.
Contract by_level(double upcoding = 0.0) {
    Contract c = contract(Scheme::day_price, {100'00, 150'00, 200'00});
    c.behaviour.upcoding = upcoding;
    return c;
}

Stay ten_days(std::uint8_t severity) { return stay(0.0, 10.0, s0, 0, severity); }

TEST(CostBookTariffLevels, BillsTheYouthsOwnSeverityLevel) {
    // 10 days at level 0 + 10 days at level 2 = 1,000.00 + 2,000.00.
    PricedModel priced(make_model({.levels = 3}, {strategy({by_level()})}));
    EXPECT_EQ(care(priced.price({ten_days(0), ten_days(2)})), 3'000'00);
}

TEST(CostBookTariffLevels, UpcodesAlwaysAtOneAndNeverAtZero) {
    // Upcoding 1.0: level 0 is billed as 1 (1,500.00), level 2 stays at the top (2,000.00).
    PricedModel priced(make_model({.levels = 3}, {strategy({by_level(1.0)}),
                                                  strategy({by_level(0.0)})}),
                       {0, 1});
    const Ledger& ledger = priced.price({ten_days(0), ten_days(2)});
    EXPECT_EQ(care(ledger, 0), 3'500'00);
    EXPECT_EQ(care(ledger, 1), 3'000'00);
}

TEST(CostBookTariffLevels, UpcodesWhenTheStaysOwnDrawIsBelowTheShare) {
    // One uniform per stay from the billing stream (youth key, episode), the same for every
    // slot: a stay upcoded at 0.3 is upcoded at 0.6 too.
    constexpr std::uint64_t seed = 42;
    PricedModel priced(make_model({.levels = 3}, {strategy({by_level(0.3)}),
                                                  strategy({by_level(0.6)})}),
                       {0, 1}, seed);
    Cents want_low = 0;
    Cents want_high = 0;
    std::vector<Stay> stays;
    for (std::uint64_t youth = 1; youth <= 40; ++youth) {
        Stay s = stay(0.0, 1.0);
        s.youth_key = youth << 32;
        s.episode = static_cast<std::uint16_t>(youth % 3);
        const double u = RandomStream(
            StreamKey{seed, 0, Purpose::billing, s.youth_key}, s.episode).uniform();
        want_low += u < 0.3 ? 150'00 : 100'00;
        want_high += u < 0.6 ? 150'00 : 100'00;
        stays.push_back(s);
    }
    const Ledger& ledger = priced.price(stays);
    EXPECT_EQ(care(ledger, 0), want_low);
    EXPECT_EQ(care(ledger, 1), want_high);
    EXPECT_LT(care(ledger, 0), care(ledger, 1));  // 40 draws: some u in [0.3, 0.6)
}

TEST(CostBookTariffLevels, MovesTheLevelAfterDaysSinceAdmission) {
    // Severity 2, one level lighter after 90 days, days 0..119: 90 x 200.00 + 30 x 150.00 =
    // 22,500.00. The change splits March into two pieces but it is still one claim: January
    // to April = 4 claims.
    Contract c = by_level();
    c.level_changes = {LevelChange{90.0, -1}};
    PricedModel priced(make_model({.levels = 3}, {strategy({c})}));
    const Ledger& ledger = priced.price({stay(0.0, 120.0, s0, 0, 2)});
    EXPECT_EQ(care(ledger), 90 * 200'00 + 30 * 150'00);
    EXPECT_EQ(ledger.contract_year(0, 0, 0).claims, 4);
}

TEST(CostBookTariffLevels, CountsDaysSinceAdmissionFromBeforeTheWindow) {
    // Window starts at 100. Admitted at 40 (day -60), severity 1, left on day 60. Day 0 is
    // 60 days after admission, so the change after 90 days applies from day 30: 30 x 150.00
    // + 30 x 100.00 = 7,500.00. A second change of -1 would clamp at level 0.
    Contract c = by_level();
    c.level_changes = {LevelChange{90.0, -1}, LevelChange{95.0, -1}};
    PricedModel priced(make_model({.levels = 3, .warmup_days = 100.0}, {strategy({c})}));
    EXPECT_EQ(care(priced.price({stay(40.0, 160.0, s0, 0, 1)})), 30 * 150'00 + 30 * 100'00);
}

TEST(CostBookIndexation, IndexesTariffsFromTheWindowsFirstYear) {
    // 3 % a year over 2020, 2021, 2022; one day in each:
    // 123.45; 123.45 x 1.03 = 127.1535 -> 127.15; 123.45 x 1.0609 = 130.968105 -> 130.97.
    PricedModel priced(make_model({.horizon_days = 1096.0},
                                  {strategy({contract(Scheme::day_price, {123'45})}, 0.03)}));
    const Ledger& ledger = priced.price({stay(0.0, 1.0), stay(366.0, 367.0), stay(731.0, 732.0)});
    EXPECT_EQ(care(ledger, 0, 0), 12'345);
    EXPECT_EQ(care(ledger, 0, 1), 12'715);
    EXPECT_EQ(care(ledger, 0, 2), 13'097);
}

TEST(CostBookIndexation, RoundsHalfCentsAwayFromZero) {
    // 78.50 x 1.03 = 80.855 -> 80.86 (an exact half cent); 78.50 x 1.0609 = 83.28065 -> 83.28.
    // The contract administration is indexed alike: 1,000.00, 1,030.00, 1,060.90.
    Contract c = contract(Scheme::day_price, {78'50});
    c.admin_per_contract_year = 1'000'00;
    PricedModel priced(make_model({.horizon_days = 1096.0}, {strategy({c}, 0.03)}));
    const Ledger& ledger = priced.price({stay(366.0, 367.0), stay(731.0, 732.0)});
    EXPECT_EQ(care(ledger, 0, 1), 8'086);
    EXPECT_EQ(care(ledger, 0, 2), 8'328);
    EXPECT_EQ(testing::component_total(ledger, 0, 0, Component::admin), 1'000'00);
    EXPECT_EQ(testing::component_total(ledger, 0, 1, Component::admin), 1'030'00);
    EXPECT_EQ(testing::component_total(ledger, 0, 2, Component::admin), 1'060'90);
}

}  // namespace
}  // namespace careflow::finance
