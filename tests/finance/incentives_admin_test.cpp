// CostBook, bonuses, administration and several strategies priced side by side.
#include "finance_model.hpp"

#include <gtest/gtest.h>

#include <limits>
#include <vector>

namespace careflow::finance {
namespace {

using testing::care;
using testing::component_total;
using testing::contract;
using testing::make_model;
using testing::PricedModel;
using testing::s0;
using testing::s1;
using testing::stay;
using testing::strategy;

constexpr Cents per_day = 100'00;
constexpr double never = std::numeric_limits<double>::infinity();

Cents incentive(const Ledger& ledger, std::size_t year, std::size_t slot = 0) {
    return component_total(ledger, slot, year, Component::incentive);
}

Cents admin(const Ledger& ledger, std::size_t year, std::size_t slot = 0) {
    return component_total(ledger, slot, year, Component::admin);
}

TEST(CostBookIncentives, PaysTheSubstitutionBonusForAnAdmissionInTheWindow) {
    // Window from simulation day 100. Bonus 2,500.00 for the admission at 110 (municipality
    // 1's cell); none for the one at 50, in the warm-up; none in slot 1, whose contract has
    // no bonus.
    Contract with_bonus = contract(Scheme::day_price, {per_day});
    with_bonus.substitution_bonus = 2'500'00;
    PricedModel priced(make_model({.municipalities = 2, .warmup_days = 100.0},
                                  {strategy({with_bonus}),
                                   strategy({contract(Scheme::day_price, {per_day})})}),
                       {0, 1});
    priced.book().substitution(stay(110.0, 110.0, s0, 1));
    priced.book().substitution(stay(50.0, 50.0, s0, 1));
    const Ledger& ledger = priced.price({});
    EXPECT_EQ(ledger.at(0, 0, s0, 0, 1, Component::incentive), 2'500'00);
    EXPECT_EQ(incentive(ledger, 0), 2'500'00);
    EXPECT_EQ(incentive(ledger, 0, 1), 0);
}

TEST(CostBookIncentives, PaysTheOutcomeBonusAYearAfterLeavingWhenTheYouthStaysAway) {
    // 2020 + 2021 (days 0..730); bonus 1,000.00.
    //   left on day 100, back 200 days later:       none
    //   left on day 100, never back:                 paid on day 465, in 2021
    //   left on day 10, back exactly 365 days later: paid on day 375, in 2021
    //   left on day 500, never back:                 day 865 is after the window, none
    Contract c = contract(Scheme::day_price, {per_day});
    c.outcome_bonus = 1'000'00;
    PricedModel priced(make_model({.horizon_days = 731.0}, {strategy({c})}));
    CostBook& book = priced.book();
    book.left_care(stay(0.0, 100.0), 300.0);
    book.left_care(stay(0.0, 100.5), never);
    book.left_care(stay(0.0, 10.0), 375.0);
    book.left_care(stay(0.0, 500.0), never);
    const Ledger& ledger = priced.price({});
    EXPECT_EQ(incentive(ledger, 0), 0);
    EXPECT_EQ(incentive(ledger, 1), 2 * 1'000'00);
}

TEST(CostBookIncentives, SharesSavingsBelowTheBaselineProRataInAPartialYear) {
    // Baseline 20,000.00 a year, share 0.5.
    // 2020: billed 150 days x 100.00 = 15,000.00: bonus 0.5 x 5,000.00 = 2,500.00.
    // 2021 to 30 June (181 of 365 days): baseline 2,000,000 x 181/365 = 991,780.82 ->
    //   991,781; nothing billed: bonus 0.5 x 991,781 = 495,890.5 -> 495,891.
    Contract c = contract(Scheme::day_price, {per_day});
    c.shared_savings = SharedSavings{20'000'00, 0.5};
    PricedModel priced(make_model({.municipalities = 2, .horizon_days = 547.0},
                                  {strategy({c})}));
    const Ledger& ledger = priced.price({stay(0.0, 150.0)});
    EXPECT_EQ(ledger.at(0, 0, s0, 0, ledger.shared_municipality(), Component::incentive),
              2'500'00);
    EXPECT_EQ(incentive(ledger, 1), 495'891);
}

TEST(CostBookIncentives, SharesNothingAtOrAboveTheBaseline) {
    Contract c = contract(Scheme::day_price, {per_day});
    c.shared_savings = SharedSavings{15'000'00, 0.5};
    PricedModel priced(make_model({}, {strategy({c})}));
    EXPECT_EQ(incentive(priced.price({stay(0.0, 150.0)}), 0), 0);
}

TEST(CostBookAdmin, ChargesPerClaimAndPerContractYear) {
    // 15.00 a claim, 500.00 a contract-year. A stay on days 20..79 (January, February, March)
    // is 3 claims = 45.00 in its municipality's cell. The contract-years cost 500.00 in 2020
    // and in 2021, in the shared slot.
    Contract c = contract(Scheme::day_price, {per_day});
    c.admin_per_claim = 15'00;
    c.admin_per_contract_year = 500'00;
    PricedModel priced(make_model({.municipalities = 2, .horizon_days = 731.0},
                                  {strategy({c})}));
    const Ledger& ledger = priced.price({stay(20.0, 80.0, s0, 1)});
    EXPECT_EQ(ledger.at(0, 0, s0, 0, 1, Component::admin), 3 * 15'00);
    EXPECT_EQ(ledger.at(0, 0, s0, 0, 2, Component::admin), 500'00);
    EXPECT_EQ(admin(ledger, 0), 3 * 15'00 + 500'00);
    EXPECT_EQ(admin(ledger, 1), 500'00);
    EXPECT_EQ(ledger.total(0, 0), 60 * per_day + 3 * 15'00 + 500'00);
}

TEST(CostBookAdmin, CountsOneClaimPerTrajectoryArrangement) {
    // Arrangements on days 0 and 180 of a 300-day stay: 2 claims at 15.00.
    Contract c = contract(Scheme::trajectory, {5'000'00});
    c.max_days = 180.0;
    c.admin_per_claim = 15'00;
    PricedModel priced(make_model({}, {strategy({c})}));
    EXPECT_EQ(admin(priced.price({stay(0.0, 300.0)}), 0), 2 * 15'00);
}

/// Strategy 0: state 0 at 100.00 and state 1 at 50.00 a day; strategy 1: state 0 at 200.00,
/// state 1 uncontracted.
Model two_strategies() {
    return make_model({.states = 2},
                      {strategy({contract(Scheme::day_price, {100'00}, s0),
                                 contract(Scheme::day_price, {50'00}, s1)}),
                       strategy({contract(Scheme::day_price, {200'00}, s0)})});
}

TEST(CostBookStrategies, PricesTheSameStaysIndependentlyInEachSlot) {
    // 10 days in each state. Slot 0: 1,000.00 + 500.00; slot 1: 2,000.00 + nothing.
    PricedModel priced(two_strategies(), {0, 1});
    const Ledger& ledger = priced.price({stay(0.0, 10.0, s0), stay(0.0, 10.0, s1)});
    EXPECT_EQ(care(ledger, 0), 1'500'00);
    EXPECT_EQ(care(ledger, 1), 2'000'00);
    EXPECT_EQ(ledger.at(1, 0, s1, 0, 0, Component::care), 0);
    EXPECT_EQ(ledger.contract_year(0, 1, 0).care_days, 10);
    EXPECT_EQ(ledger.contract_year(1, 0, 0).care_days, 10);
}

TEST(CostBookStrategies, GivesSlotIToStrategyPricedI) {
    // Only strategy 1 is priced: it is slot 0, and the ledger has one slot of one contract.
    PricedModel priced(two_strategies(), {1});
    const Ledger& ledger = priced.price({stay(0.0, 10.0, s0), stay(0.0, 10.0, s1)});
    EXPECT_EQ(ledger.shape().strategies, 1u);
    EXPECT_EQ(ledger.shape().contracts_per_strategy, std::vector<std::size_t>{1});
    EXPECT_EQ(care(ledger, 0), 2'000'00);
}

}  // namespace
}  // namespace careflow::finance
