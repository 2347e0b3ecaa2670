// Municipalities: youths carry one, streams set the shares, and the yearly rows per
// municipality add up to the region's.
#include "support/queueing.hpp"
#include "support/scenario_text.hpp"

#include "sim/simulation.hpp"

#include <gtest/gtest.h>

#include <cmath>

namespace careflow::testing {
namespace {

constexpr const char* two_municipalities = R"(
version: 2
start: 2019-01-01
youth: {municipalities: [Harderwijk, Ermelo]}
run: {horizon: 2 years, warmup: 1 year, replications: 40, seed: 3}
initial_stock:
  - {state: care, count: 100, municipalities: {Harderwijk: 0.5, Ermelo: 0.5}}
states:
  - name: care
    capacity: unlimited
    length_of_stay: {exponential: {mean: 100 days}}
    next: {exit: 1}
arrivals:
  - {to: care, per_year: 1000, municipalities: {Harderwijk: 0.25, Ermelo: 0.75}}
)";

TEST(Municipalities, RowsPerMunicipalityAddUpToTheRegionInEveryReplication) {
    const auto model = model_from_yaml(two_municipalities);
    for (std::uint32_t r = 0; r < 10; ++r) {
        const sim::ReplicationMetrics m = sim::Simulation(*model, 3, r).run();
        for (std::size_t year = 0; year < 2; ++year) {
            const auto& a = m.municipality_years[year * 2];
            const auto& b = m.municipality_years[year * 2 + 1];
            EXPECT_EQ(a.clients + b.clients, m.clients[year]) << "replication " << r;
            EXPECT_EQ(a.referrals + b.referrals, m.referrals_by_year[year]);
            EXPECT_EQ(a.stock_end + b.stock_end, m.years[year].stock_end);
        }
    }
}

TEST(Municipalities, EachGetsItsShareOfTheReferrals) {
    const auto model = model_from_yaml(two_municipalities);
    std::vector<double> share;
    for (std::uint32_t r = 0; r < 40; ++r) {
        const sim::ReplicationMetrics m = sim::Simulation(*model, 3, r).run();
        const auto& first = m.municipality_years[0];
        share.push_back(static_cast<double>(first.referrals) /
                        static_cast<double>(m.referrals_by_year[0]));
    }
    const Summary s = summarize(share);
    EXPECT_NEAR(s.mean, 0.25, z_tolerance * *s.sd / std::sqrt(static_cast<double>(s.n)));
}

TEST(Municipalities, AStreamWithoutSharesIsAnErrorWhenThereAreSeveral) {
    EXPECT_THROW(static_cast<void>(model_from_yaml(R"(
version: 2
youth: {municipalities: [A, B]}
run: {horizon: 1 year, replications: 1, seed: 1}
states:
  - {name: care, length_of_stay: {exponential: {mean: 1 day}}, next: {exit: 1}}
arrivals: [{to: care, per_year: 1}]
)")),
                 ScenarioError);
}

}  // namespace
}  // namespace careflow::testing
