// CostBook, lump sums and ceilings: what close() books per contract-year.
#include "finance_model.hpp"

#include <gtest/gtest.h>

#include <vector>

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

constexpr Cents budget = 1'000'000'00;  // EUR 1,000,000.00 a year

Contract lump_sum() {
    Contract c = contract(Scheme::lump_sum, {});
    c.budget_per_year = budget;
    c.admin_per_claim = 10'00;
    return c;
}

TEST(CostBookLumpSum, PaysTheSameBudgetWhateverTheStays) {
    // 2020 is wholly in the window: 1,000,000.00 in the shared municipality slot, with or
    // without 100 stays; the stays still count their care days (100 x 10).
    const ModelSpec spec{.municipalities = 2};
    PricedModel none(make_model(spec, {strategy({lump_sum()})}));
    PricedModel hundred(make_model(spec, {strategy({lump_sum()})}));
    std::vector<Stay> stays;
    for (std::uint16_t i = 0; i < 100; ++i) {
        stays.push_back(stay(i, i + 10.0, s0, static_cast<std::uint16_t>(i % 2)));
    }
    none.price({});
    const Ledger& ledger = hundred.price(stays);
    EXPECT_EQ(care(none.ledger()), budget);
    EXPECT_EQ(care(ledger), budget);
    EXPECT_EQ(ledger.at(0, 0, s0, 0, ledger.shared_municipality(), Component::care), budget);
    EXPECT_EQ(ledger.contract_year(0, 0, 0).care_days, 1000);
    EXPECT_EQ(ledger.contract_year(0, 0, 0).billed, budget);
}

TEST(CostBookLumpSum, PaysAPartialYearProRata) {
    // Window 2020-01-01 + 547 days: all of 2020, and 2021 to 30 June = 181 of 365 days:
    // 100,000,000 x 181 / 365 = 49,589,041.10 -> 49,589,041 cents. One instalment (claim) a
    // month: 12 and 6 claims, at 10.00 administration each.
    PricedModel priced(make_model({.horizon_days = 547.0}, {strategy({lump_sum()})}));
    const Ledger& ledger = priced.price({});
    EXPECT_EQ(care(ledger, 0, 0), budget);
    EXPECT_EQ(care(ledger, 0, 1), 49'589'041);
    EXPECT_EQ(ledger.contract_year(0, 0, 1),
              testing::contract_year(49'589'041, 49'589'041, /*care_days=*/0, /*claims=*/6));
    EXPECT_EQ(testing::component_total(ledger, 0, 0, Component::admin), 12 * 10'00);
    EXPECT_EQ(testing::component_total(ledger, 0, 1, Component::admin), 6 * 10'00);
}

TEST(CostBookLumpSum, ProRatesAWindowStartingInJulyByTheLeapYear) {
    // 1 July to 31 December 2020 = 184 of 366 days: 100,000,000 x 184 / 366 = 50,273,224.04.
    PricedModel priced(make_model({.horizon_days = 184.0, .start = Date{2020, 7, 1}},
                                  {strategy({lump_sum()})}));
    EXPECT_EQ(care(priced.price({})), 50'273'224);
}

constexpr Cents per_day = 100'00;
constexpr Cents ceiling = 10'000'00;  // 100 care days a year

Contract capped(CeilingRule rule, double reduced_share = 0.0, Cents price = per_day) {
    Contract c = contract(Scheme::day_price, {price});
    c.ceiling = Ceiling{ceiling, rule, reduced_share};
    return c;
}

/// 50-day stays from municipalities 0, 1 and 2 (January to May 2020): F = 15,000.00.
std::vector<Stay> three_municipalities(double days0 = 50, double days1 = 50, double days2 = 50) {
    return {stay(0.0, days0, s0, 0), stay(days0, days0 + days1, s0, 1),
            stay(days0 + days1, days0 + days1 + days2, s0, 2)};
}

TEST(CostBookCeiling, StopsPayingAtTheCeilingReachedMidYear) {
    // F = 150 days x 100.00 = 15,000.00, C = 10,000.00: billed = C, unpaid = 5,000.00.
    // Claims: Jan+Feb, Feb+Mar+Apr, Apr+May = 7.
    PricedModel priced(make_model({.municipalities = 3},
                                  {strategy({capped(CeilingRule::stop_admissions)})}));
    const Ledger& ledger = priced.price(three_municipalities());
    EXPECT_EQ(ledger.contract_year(0, 0, 0),
              testing::contract_year(15'000'00, ceiling, /*care_days=*/150, /*claims=*/7));
    EXPECT_EQ(care(ledger), ceiling);
}

TEST(CostBookCeiling, SplitsTheCutOverMunicipalitiesToTheCent) {
    // Equal cells of 500,000: each loses 500,000 x 500,000 / 1,500,000 = 166,666.67. Floors
    // give 499,998; the 2 cents left go to the largest remainders, all equal, so to the lower
    // municipalities: cuts 166,667, 166,667, 166,666.
    PricedModel priced(make_model({.municipalities = 3},
                                  {strategy({capped(CeilingRule::stop_admissions)})}));
    const Ledger& ledger = priced.price(three_municipalities());
    EXPECT_EQ(ledger.at(0, 0, s0, 0, 0, Component::care), 333'333);
    EXPECT_EQ(ledger.at(0, 0, s0, 0, 1, Component::care), 333'333);
    EXPECT_EQ(ledger.at(0, 0, s0, 0, 2, Component::care), 333'334);
}

TEST(CostBookCeiling, CutsEachMunicipalityInProportionToItsCare) {
    // Cells 300,000 / 700,000 / 500,000 (30, 70, 50 days), cut 500,000:
    //   100,000 exactly; 233,333.33 -> 233,333; 166,666.67 -> 166,666, one cent left over,
    //   which goes to the largest remainder (.67, municipality 2): 166,667.
    // Cells after: 200,000 + 466,667 + 333,333 = 1,000,000 = C.
    PricedModel priced(make_model({.municipalities = 3},
                                  {strategy({capped(CeilingRule::stop_admissions)})}));
    const Ledger& ledger = priced.price(three_municipalities(30, 70, 50));
    EXPECT_EQ(ledger.at(0, 0, s0, 0, 0, Component::care), 200'000);
    EXPECT_EQ(ledger.at(0, 0, s0, 0, 1, Component::care), 466'667);
    EXPECT_EQ(ledger.at(0, 0, s0, 0, 2, Component::care), 333'333);
}

TEST(CostBookCeiling, PaysInFullBelowTheCeiling) {
    // 90 days = 9,000.00 < 10,000.00. Claims: days 0..29 (Jan), 30..59 (Jan + Feb), 60..89
    // (Mar) = 4.
    PricedModel priced(make_model({.municipalities = 3},
                                  {strategy({capped(CeilingRule::stop_admissions)})}));
    const Ledger& ledger = priced.price(three_municipalities(30, 30, 30));
    EXPECT_EQ(ledger.contract_year(0, 0, 0),
              testing::contract_year(9'000'00, 9'000'00, /*care_days=*/90, /*claims=*/4));
}

TEST(CostBookCeiling, PaysTheReducedShareAboveTheCeiling) {
    // billed = 10,000.00 + 0.7 x 5,000.00 = 13,500.00; unpaid 1,500.00.
    PricedModel priced(make_model({.municipalities = 3},
                                  {strategy({capped(CeilingRule::reduced_tariff, 0.7)})}));
    const Ledger& ledger = priced.price(three_municipalities());
    EXPECT_EQ(ledger.contract_year(0, 0, 0).billed, 13'500'00);
    EXPECT_EQ(ledger.contract_year(0, 0, 0).unpaid, 1'500'00);
    EXPECT_EQ(care(ledger), 13'500'00);
}

TEST(CostBookCeiling, RoundsTheReducedShareHalfUp) {
    // 101 days at 100.01 = 1,010,101 cents; excess 10,101; 0.5 x 10,101 = 5,050.5 -> 5,051.
    PricedModel priced(make_model(
        {}, {strategy({capped(CeilingRule::reduced_tariff, 0.5, 100'01)})}));
    const Ledger& ledger = priced.price({stay(0.0, 101.0)});
    EXPECT_EQ(ledger.contract_year(0, 0, 0).billed, ceiling + 5'051);
    EXPECT_EQ(care(ledger), ceiling + 5'051);
}

TEST(CostBookCeiling, IndexesTheCeilingAndCountsEachYearAfresh) {
    // 3 % indexation. 2020: 150 days = 15,000.00, capped at 10,000.00. 2021: 150 days at
    // 103.00 = 15,450.00, capped at 10,300.00. The cut of 2020 does not carry over.
    PricedModel priced(make_model({.horizon_days = 731.0},
                                  {strategy({capped(CeilingRule::stop_admissions)}, 0.03)}));
    const Ledger& ledger = priced.price({stay(0.0, 150.0), stay(366.0, 516.0)});
    EXPECT_EQ(care(ledger, 0, 0), ceiling);
    EXPECT_EQ(care(ledger, 0, 1), 10'300'00);
    EXPECT_EQ(ledger.contract_year(0, 0, 1).unpaid, 15'450'00 - 10'300'00);
}

}  // namespace
}  // namespace careflow::finance
