// Ledger and ContractTable: where a cost is kept, and which contract pays for what.
#include "finance/contract_table.hpp"
#include "finance/ledger.hpp"
#include "finance_model.hpp"

#include <gtest/gtest.h>

namespace careflow::finance {
namespace {

using testing::contract;
using testing::make_model;
using testing::s0;
using testing::s1;
using testing::strategy;

Ledger::Shape small_shape() {
    return {.strategies = 2, .years = 2, .states = 2, .providers = 2, .municipalities = 3,
            .contracts_per_strategy = {1, 3}};
}

TEST(Ledger, KeepsEachCellApart) {
    Ledger ledger(small_shape());
    ledger.at(1, 1, s1, 1, 2, Component::incentive) = 7;
    ledger.at(1, 1, s1, 1, 2, Component::admin) = 5;
    ledger.at(0, 1, s1, 1, 2, Component::incentive) = 3;
    EXPECT_EQ(ledger.at(1, 1, s1, 1, 2, Component::incentive), 7);
    EXPECT_EQ(ledger.at(1, 1, s1, 1, 2, Component::admin), 5);
    EXPECT_EQ(ledger.at(0, 1, s1, 1, 2, Component::incentive), 3);
    EXPECT_EQ(ledger.at(1, 0, s1, 1, 2, Component::incentive), 0);
    EXPECT_EQ(ledger.shared_municipality(), 2u);
}

TEST(Ledger, TotalsEveryCellOfOneSlotAndYear) {
    Ledger ledger(small_shape());
    ledger.at(0, 1, s0, 0, 0, Component::care) = 100;
    ledger.at(0, 1, s1, 1, 2, Component::admin) = 20;
    ledger.at(0, 1, s1, 0, 1, Component::incentive) = 3;
    ledger.at(0, 0, s0, 0, 0, Component::care) = 1000;  // another year
    ledger.at(1, 1, s0, 0, 0, Component::care) = 5000;  // another slot
    EXPECT_EQ(ledger.total(0, 1), 123);
    EXPECT_EQ(ledger.total(0, 0), 1000);
    EXPECT_EQ(ledger.total(1, 1), 5000);
    EXPECT_EQ(ledger.total(1, 0), 0);
}

TEST(Ledger, KeepsContractYearsPerSlotContractAndYear) {
    Ledger ledger(small_shape());
    ledger.contract_year(0, 0, 1).claims = 4;
    ledger.contract_year(1, 0, 0).claims = 5;
    ledger.contract_year(1, 2, 1).claims = 6;
    EXPECT_EQ(ledger.contract_year(0, 0, 0).claims, 0);
    EXPECT_EQ(ledger.contract_year(0, 0, 1).claims, 4);
    EXPECT_EQ(ledger.contract_year(1, 0, 0).claims, 5);
    EXPECT_EQ(ledger.contract_year(1, 2, 1).claims, 6);
    EXPECT_EQ(ledger.contract_year(1, 1, 1).claims, 0);
}

Model two_strategy_model() {
    // Strategy 0 contracts provider 1 for state 1 only; strategy 1 contracts both providers
    // for state 0 and provider 0 for state 1.
    return make_model({.states = 2, .providers = 2},
                      {strategy({contract(Scheme::day_price, {100}, s1, 1)}),
                       strategy({contract(Scheme::day_price, {200}, s0, 0),
                                 contract(Scheme::monthly, {300}, s0, 1),
                                 contract(Scheme::per_unit, {400}, s1, 0)})});
}

TEST(FinanceContractTable, FindsTheContractOfAStrategyStateAndProvider) {
    const Model model = two_strategy_model();
    const ContractTable table(model);
    EXPECT_EQ(table.index_of(0, s1, 1), 0);
    EXPECT_EQ(table.index_of(1, s0, 0), 0);
    EXPECT_EQ(table.index_of(1, s0, 1), 1);
    EXPECT_EQ(table.index_of(1, s1, 0), 2);
    EXPECT_EQ(table.find(1, s0, 1), &model.strategies[1].contracts[1]);
}

TEST(FinanceContractTable, LeavesUncontractedCareWithoutAContract) {
    const Model model = two_strategy_model();
    const ContractTable table(model);
    EXPECT_EQ(table.index_of(0, s0, 0), -1);
    EXPECT_EQ(table.index_of(1, s1, 1), -1);
    EXPECT_EQ(table.find(0, s1, 0), nullptr);
    EXPECT_EQ(table.index_of(2, s0, 0), -1);  // no such strategy
}

}  // namespace
}  // namespace careflow::finance
