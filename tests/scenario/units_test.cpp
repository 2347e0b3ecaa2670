// Numbers and durations as analysts write them.
#include "scenario/units.hpp"

#include <gtest/gtest.h>

namespace careflow::scenario {
namespace {

TEST(Units, DurationsConvertToDays) {
    EXPECT_EQ(parse_duration_days("90 days"), 90.0);
    EXPECT_EQ(parse_duration_days("1 day"), 1.0);
    EXPECT_EQ(parse_duration_days("2 weeks"), 14.0);
    EXPECT_EQ(parse_duration_days("6 months"), 182.625);
    EXPECT_EQ(parse_duration_days("1.5 years"), 547.875);
    EXPECT_EQ(parse_duration_days("  3   years "), 3 * 365.25);
}

TEST(Units, DurationsWithoutAKnownUnitAreRejected) {
    EXPECT_EQ(parse_duration_days("90"), std::nullopt);
    EXPECT_EQ(parse_duration_days("5 yaers"), std::nullopt);
    EXPECT_EQ(parse_duration_days("five years"), std::nullopt);
    EXPECT_EQ(parse_duration_days("years"), std::nullopt);
}

TEST(Units, NumbersMustBeWholeAndFinite) {
    EXPECT_EQ(parse_number("0.35"), 0.35);
    EXPECT_EQ(parse_number("1e3"), 1000.0);
    EXPECT_EQ(parse_number("+2"), 2.0);
    EXPECT_EQ(parse_number("12x"), std::nullopt);
    EXPECT_EQ(parse_number(""), std::nullopt);
    EXPECT_EQ(parse_number("inf"), std::nullopt);
    EXPECT_EQ(parse_integer("-4"), -4);
    EXPECT_EQ(parse_integer("4.5"), std::nullopt);
}

TEST(Units, MoneyIsEurosWithAtMostTwoDecimalsAsExactCents) {
    EXPECT_EQ(parse_cents("280"), 28000);
    EXPECT_EQ(parse_cents("280.5"), 28050);
    EXPECT_EQ(parse_cents("280.50"), 28050);
    EXPECT_EQ(parse_cents("0.07"), 7);
    EXPECT_EQ(parse_cents("1200000"), 120000000);
    EXPECT_EQ(parse_cents("-12.5"), -1250);
    EXPECT_EQ(parse_cents("+3"), 300);
    // 0.29 and 1.15 are not exact in binary; cents must still be.
    EXPECT_EQ(parse_cents("0.29"), 29);
    EXPECT_EQ(parse_cents("1.15"), 115);
    EXPECT_EQ(parse_cents("92233720368547757"), 9223372036854775700);
}

TEST(Units, MoneyWithThreeDecimalsOrOtherSignsIsRejected) {
    for (const char* text : {"280.505", "280.", ".5", "1e6", "€280", "1,200", "1 200", "", "-",
                             "12.5x", "0x10", "92233720368547758", "99999999999999999999"}) {
        EXPECT_EQ(parse_cents(text), std::nullopt) << text;
    }
}

}  // namespace
}  // namespace careflow::scenario
