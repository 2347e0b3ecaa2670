// CostBook, monthly prices and prices per unit: whole months, pro rata, and units per week,
// each rounded once per month piece.
#include "finance_model.hpp"

#include <gtest/gtest.h>

#include <vector>

namespace careflow::finance {
namespace {

using testing::care;
using testing::contract;
using testing::make_model;
using testing::PricedModel;
using testing::stay;
using testing::strategy;

constexpr Cents per_day = 100'00;       // EUR 100.00
constexpr Cents per_month = 3'000'00;   // EUR 3,000.00

Contract monthly(bool pro_rata) {
    Contract c = contract(Scheme::monthly, {per_month});
    c.pro_rata = pro_rata;
    return c;
}

/// Slot 0: day price; slot 1: whole months; slot 2: months pro rata. Window: 2020.
PricedModel three_ways() {
    return PricedModel(make_model({}, {strategy({contract(Scheme::day_price, {per_day})}),
                                       strategy({monthly(false)}), strategy({monthly(true)})}),
                       {0, 1, 2});
}

// Days of 2020: February is days 31..59 (29 days), March 60..90, April 91..120 (30 days).
const std::vector<Stay> stays{
    stay(31.0, 60.0),   // A: all of February (29 days)
    stay(45.0, 75.0),   // B: February 45..59 (15 days), March 60..74 (15 days)
    stay(100.0, 100.5)  // C: one day in April
};

TEST(CostBookMonthly, BillsEveryStartedMonthInFull) {
    // A: 1 month, B: 2 months, C: 1 month = 4 x 3,000.00 = 12,000.00; one claim each month.
    PricedModel priced = three_ways();
    const Ledger& ledger = priced.price(stays);
    EXPECT_EQ(care(ledger, 1), 4 * per_month);
    EXPECT_EQ(ledger.contract_year(1, 0, 0), testing::contract_year(4 * per_month, 4 * per_month,
                                                                    /*care_days=*/60,
                                                                    /*claims=*/4));
}

TEST(CostBookMonthly, BillsPartMonthsProRataByTheDaysOfTheMonth) {
    // A: 300,000 x 29/29                       = 300,000
    // B: 300,000 x 15/29 = 155,172.41 -> 155,172; 300,000 x 15/31 = 145,161.29 -> 145,161
    // C: 300,000 x  1/30                        =  10,000
    // total 610,333 cents = 6,103.33
    PricedModel priced = three_ways();
    const Ledger& ledger = priced.price(stays);
    EXPECT_EQ(care(ledger, 2), 300'000 + 155'172 + 145'161 + 10'000);
}

TEST(CostBookMonthly, DiffersFromTheDayPriceByTheHandComputedAmount) {
    // Day price: (29 + 30 + 1) days x 100.00 = 6,000.00.
    // Whole months: 12,000.00, i.e. 6,000.00 more. Pro rata: 6,103.33, i.e. 103.33 more.
    PricedModel priced = three_ways();
    const Ledger& ledger = priced.price(stays);
    EXPECT_EQ(care(ledger, 0), 60 * per_day);
    EXPECT_EQ(care(ledger, 1) - care(ledger, 0), 6'000'00);
    EXPECT_EQ(care(ledger, 2) - care(ledger, 0), 103'33);
}

TEST(CostBookMonthly, RoundsAnExactHalfCentUp) {
    // April has 30 days: 300,001 x 15/30 = 150,000.5 -> 150,001.
    Contract c = contract(Scheme::monthly, {300'001});
    c.pro_rata = true;
    PricedModel priced(make_model({}, {strategy({c})}));
    EXPECT_EQ(care(priced.price({stay(91.0, 106.0)})), 150'001);
}

TEST(CostBookMonthly, BillsAWholeMonthAtTheLevelOfItsFirstCareDay) {
    // Levels 1,000.00 / 2,000.00; severity 1, one level lighter after 5 days. Admitted on
    // 25 January (day 24): January starts at level 1 (2,000.00); from day 29 (30 January)
    // level 0, so February starts at level 0 (1,000.00). Total 3,000.00.
    Contract c = contract(Scheme::monthly, {1'000'00, 2'000'00});
    c.level_changes = {LevelChange{5.0, -1}};
    PricedModel priced(make_model({.levels = 2}, {strategy({c})}));
    EXPECT_EQ(care(priced.price({stay(24.0, 40.0, testing::s0, 0, 1)})), 3'000'00);
}

Contract per_unit(Cents price, double units_per_week) {
    Contract c = contract(Scheme::per_unit, {price});
    c.units_per_week_by_level = {units_per_week};
    c.unit = "hour";
    return c;
}

TEST(CostBookPerUnit, RoundsEachMonthPieceHalfUp) {
    // 78.00 an hour, 1.5 hours a week: a day costs 7,800 x 1,500 / 7,000 = 1,671.43 cents.
    // January 2020 (31 days): 7,800 x 1,500 x 31 / 7,000 = 51,814.29 -> 51,814
    // February 2020 (29 days):                             48,471.43 -> 48,471
    // total 100,285, where 60 days at once would round 100,285.71 to 100,286.
    PricedModel priced(make_model({}, {strategy({per_unit(78'00, 1.5)})}));
    const Ledger& ledger = priced.price({stay(0.0, 60.0)});
    EXPECT_EQ(care(ledger), 51'814 + 48'471);
    EXPECT_EQ(ledger.contract_year(0, 0, 0).claims, 2);
}

TEST(CostBookPerUnit, PricesShortPiecesAcrossAMonthEnd) {
    // Days 28..30 in January (3 days): 5,014.29 -> 5,014; days 31..34 in February (4 days):
    // 6,685.71 -> 6,686. Total 11,700: a week of 1.5 hours at 78.00 is exactly 117.00.
    PricedModel priced(make_model({}, {strategy({per_unit(78'00, 1.5)})}));
    EXPECT_EQ(care(priced.price({stay(28.0, 35.0)})), 5'014 + 6'686);
}

TEST(CostBookPerUnit, TakesUnitsPerWeekFromTheTariffLevel) {
    // One price (flat), hours by level {1, 2, 4}; severity 2: 4 hours x 70.00 = 280.00 a
    // week; 14 days (1..14 January) = 2 weeks = 560.00.
    Contract c = per_unit(70'00, 1.0);
    c.units_per_week_by_level = {1.0, 2.0, 4.0};
    PricedModel priced(make_model({.levels = 3}, {strategy({c})}));
    EXPECT_EQ(care(priced.price({stay(0.0, 14.0, testing::s0, 0, 2)})), 560'00);
}

}  // namespace
}  // namespace careflow::finance
