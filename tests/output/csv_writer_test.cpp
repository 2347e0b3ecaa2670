// summary.csv and replications.csv: exact text for small batches, number formats and quoting.
#include <careflow/output.hpp>

#include <gtest/gtest.h>

#include <cmath>
#include <limits>
#include <stdexcept>
#include <string>
#include <vector>

namespace careflow {
namespace {

MetricTable tiny_batch() {
    MetricTable batch;
    batch.keys = {{"waiting_days", "residential", "2024", ""},
                  {"cost, total", "", "", "say \"hi\""}};
    batch.values = {{12.0, 0.1}, {-2.5, 1e20}};
    return batch;
}

std::vector<Summary> tiny_summaries() {
    Summary single;
    single.mean = 12.0;
    single.p05 = 12.0;
    single.p50 = 12.0;
    single.p95 = 12.0;
    single.n = 1;
    Summary spread{0.25, 0.5, -1.5, 2.5, 0.1, 0.25, 0.4, 2};
    return {single, spread};
}

MetricTable one_metric(std::vector<double> values) {
    MetricTable batch;
    batch.keys = {{"m", "", "", ""}};
    for (const double v : values) batch.values.push_back({v});
    return batch;
}

TEST(SummaryCsv, WritesTheHeaderAndOneRowPerKeyWithEmptyFieldsForMissingValues) {
    const std::string want =
        "metric,state,year,strategy,provider,mean,sd,ci_low,ci_high,p05,p50,p95,n\n"
        "waiting_days,residential,2024,,,12,,,,12,12,12,1\n"
        "\"cost, total\",,,\"say \"\"hi\"\"\",,0.25,0.5,-1.5,2.5,0.1,0.25,0.4,2\n";
    EXPECT_EQ(summary_csv(tiny_batch(), tiny_summaries()), want);
}

TEST(SummaryCsv, WritesOnlyTheHeaderForAnEmptyBatch) {
    EXPECT_EQ(summary_csv(MetricTable{}, {}),
              "metric,state,year,strategy,provider,mean,sd,ci_low,ci_high,p05,p50,p95,n\n");
}

TEST(SummaryCsv, RejectsSummariesThatDoNotMatchTheKeys) {
    EXPECT_THROW(static_cast<void>(summary_csv(tiny_batch(), {Summary{}})),
                 std::invalid_argument);
}

TEST(ReplicationsCsv, WritesOneRowPerReplicationAndKeyNumberedFromOne) {
    const std::string want =
        "replication,metric,state,year,strategy,provider,value\n"
        "1,waiting_days,residential,2024,,,12\n"
        "1,\"cost, total\",,,\"say \"\"hi\"\"\",,0.1\n"
        "2,waiting_days,residential,2024,,,-2.5\n"
        "2,\"cost, total\",,,\"say \"\"hi\"\"\",,1e+20\n";
    EXPECT_EQ(replications_csv(tiny_batch()), want);
}

TEST(ReplicationsCsv, WritesIntegralValuesBelow1e15WithoutPointOrExponent) {
    const std::string want =
        "replication,metric,state,year,strategy,provider,value\n"
        "1,m,,,,,999999999999999\n"
        "2,m,,,,,-42\n"
        "3,m,,,,,0\n"
        "4,m,,,,,1000000000000000\n"  // from here on, fmt's shortest round-trip form
        "5,m,,,,,1e+16\n"
        "6,m,,,,,1e-07\n"
        "7,m,,,,,0.30000000000000004\n";
    EXPECT_EQ(replications_csv(
                  one_metric({999999999999999.0, -42.0, -0.0, 1e15, 1e16, 1e-7, 0.1 + 0.2})),
              want);
}

TEST(ReplicationsCsv, WritesNonFiniteValuesAsEmptyFields) {
    const double inf = std::numeric_limits<double>::infinity();
    const std::string want =
        "replication,metric,state,year,strategy,provider,value\n"
        "1,m,,,,,\n"
        "2,m,,,,,\n"
        "3,m,,,,,\n";
    EXPECT_EQ(replications_csv(one_metric({std::nan(""), inf, -inf})), want);
}

TEST(ReplicationsCsv, QuotesFieldsHoldingLineBreaksAndLeavesOthersBare) {
    MetricTable batch;
    batch.keys = {{"a\nb", "c\rd", "semi;colon", "it's"}};
    batch.values = {{1.0}};
    const std::string want =
        "replication,metric,state,year,strategy,provider,value\n"
        "1,\"a\nb\",\"c\rd\",semi;colon,it's,,1\n";
    EXPECT_EQ(replications_csv(batch), want);
}

TEST(ReplicationsCsv, RejectsAReplicationWithTheWrongNumberOfValues) {
    MetricTable batch = tiny_batch();
    batch.values[1].pop_back();
    EXPECT_THROW(static_cast<void>(replications_csv(batch)), std::invalid_argument);
}

}  // namespace
}  // namespace careflow
