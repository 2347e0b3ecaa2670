// Calendar: parsing and counting dates, and the months and years of a run's measured window.
#include <careflow/calendar.hpp>

#include <gtest/gtest.h>

#include <array>
#include <ostream>
#include <string>
#include <vector>

namespace careflow {
namespace {

/// The reporting periods a Calendar holds, as one value tests can compare whole.
struct Periods {
    std::vector<double> month_start_days;
    std::vector<std::uint32_t> month_year;
    std::vector<std::string> month_labels;
    std::vector<std::string> year_labels;
    double end_days = 0.0;

    friend bool operator==(const Periods&, const Periods&) = default;
};

void PrintTo(const Periods& p, std::ostream* out) {
    *out << "{months:";
    for (std::size_t m = 0; m < p.month_labels.size(); ++m) {
        *out << ' ' << p.month_labels[m] << '@' << p.month_start_days[m] << "(y"
             << p.month_year[m] << ')';
    }
    *out << "; years:";
    for (const auto& year : p.year_labels) *out << ' ' << year;
    *out << "; end " << p.end_days << '}';
}

Periods periods_of(const Calendar& c) {
    return {c.month_start_days, c.month_year, c.month_labels, c.year_labels, c.end_days};
}

std::string two_digits(int n) { return (n < 10 ? "0" : "") + std::to_string(n); }

// Month lengths written out here rather than taken from calendar.cpp, so the test is an
// independent account of the Gregorian calendar.
int month_length(int year, int month) {
    constexpr std::array<int, 12> lengths{31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    const bool leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
    return month == 2 && leap ? 29 : lengths[static_cast<std::size_t>(month - 1)];
}

TEST(ParseDate, ReadsAnIsoDate) {
    EXPECT_EQ(parse_date("2019-01-01"), (Date{2019, 1, 1}));
    EXPECT_EQ(parse_date("2023-12-31"), (Date{2023, 12, 31}));
    EXPECT_EQ(parse_date("1969-07-20"), (Date{1969, 7, 20}));
}

TEST(ParseDate, AcceptsTheTwentyNinthOfFebruaryOnlyInLeapYears) {
    EXPECT_EQ(parse_date("2020-02-29"), (Date{2020, 2, 29}));
    EXPECT_EQ(parse_date("2000-02-29"), (Date{2000, 2, 29}));  // divisible by 400
    EXPECT_EQ(parse_date("2019-02-29"), std::nullopt);
    EXPECT_EQ(parse_date("1900-02-29"), std::nullopt);  // divisible by 100, not by 400
}

TEST(ParseDate, RejectsADayPastTheEndOfItsMonth) {
    EXPECT_EQ(parse_date("2019-04-31"), std::nullopt);
    EXPECT_EQ(parse_date("2019-01-32"), std::nullopt);
    EXPECT_EQ(parse_date("2019-04-30"), (Date{2019, 4, 30}));
}

class ParseDateRejects : public ::testing::TestWithParam<const char*> {};

TEST_P(ParseDateRejects, TextThatIsNotAYyyyMmDdDate) {
    EXPECT_EQ(parse_date(GetParam()), std::nullopt) << '"' << GetParam() << '"';
}

INSTANTIATE_TEST_SUITE_P(
    BadText, ParseDateRejects,
    ::testing::Values("2019-1-1", "2019/01/01", "abcd-ef-gh", "2019-13-01", "2019-00-10",
                      "2019-01-00", "", "2019-01-01 ", " 2019-01-01", "2019-01-1x",
                      "20190101", "2019-01-001", "+019-01-01", "2019--1-01"),
    [](const ::testing::TestParamInfo<const char*>& param) {
        return "case_" + std::to_string(param.index);
    });

TEST(DaysSinceEpoch, CountsFromTheFirstOfJanuary1970) {
    EXPECT_EQ(days_since_epoch({1970, 1, 1}), 0);
    EXPECT_EQ(days_since_epoch({1970, 1, 2}), 1);
    EXPECT_EQ(days_since_epoch({2000, 3, 1}), 11017);
    EXPECT_EQ(days_since_epoch({2019, 1, 1}), 17897);
    EXPECT_EQ(days_since_epoch({2024, 1, 1}) - days_since_epoch({2019, 1, 1}), 1826);
}

TEST(DaysSinceEpoch, IsNegativeBefore1970) {
    EXPECT_EQ(days_since_epoch({1969, 12, 31}), -1);
    EXPECT_EQ(days_since_epoch({1900, 1, 1}), -25567);
    EXPECT_EQ(days_since_epoch({1600, 3, 1}), -135080);
}

TEST(DaysSinceEpoch, AdvancesByOneEachDayAcrossFebruaryOfALeapYear) {
    const std::int64_t feb_28 = days_since_epoch({2020, 2, 28});
    EXPECT_EQ(days_since_epoch({2020, 2, 29}), feb_28 + 1);
    EXPECT_EQ(days_since_epoch({2020, 3, 1}), feb_28 + 2);
}

TEST(AddMonths, KeepsTheDayWhenTheTargetMonthHasIt) {
    EXPECT_EQ(add_months({2019, 1, 15}, 1), (Date{2019, 2, 15}));
    EXPECT_EQ(add_months({2019, 1, 31}, 0), (Date{2019, 1, 31}));
    EXPECT_EQ(add_months({2019, 1, 1}, 60), (Date{2024, 1, 1}));
}

TEST(AddMonths, ClampsTheDayToTheLastOfAShorterMonth) {
    EXPECT_EQ(add_months({2019, 1, 31}, 1), (Date{2019, 2, 28}));
    EXPECT_EQ(add_months({2020, 1, 31}, 1), (Date{2020, 2, 29}));
    EXPECT_EQ(add_months({2019, 3, 31}, 1), (Date{2019, 4, 30}));
}

TEST(AddMonths, CrossesYearBoundariesForwardAndBack) {
    EXPECT_EQ(add_months({2019, 12, 15}, 1), (Date{2020, 1, 15}));
    EXPECT_EQ(add_months({2019, 11, 30}, 3), (Date{2020, 2, 29}));
    EXPECT_EQ(add_months({2019, 1, 31}, 13), (Date{2020, 2, 29}));
    EXPECT_EQ(add_months({2019, 1, 15}, -1), (Date{2018, 12, 15}));
    EXPECT_EQ(add_months({2019, 3, 31}, -13), (Date{2018, 2, 28}));
}

TEST(MakeCalendar, SplitsFiveYearsFrom2019IntoSixtyMonthsAfterTheWarmUp) {
    const double window_start = 100.0;
    const Calendar c = make_calendar(Date{2019, 1, 1}, window_start, 1826.0);

    Periods want;
    double at = window_start;
    for (int year = 2019; year <= 2023; ++year) {
        want.year_labels.push_back(std::to_string(year));
        for (int month = 1; month <= 12; ++month) {
            want.month_start_days.push_back(at);
            want.month_year.push_back(static_cast<std::uint32_t>(year - 2019));
            want.month_labels.push_back(std::to_string(year) + "-" + two_digits(month));
            at += month_length(year, month);
        }
    }
    want.end_days = window_start + 1826.0;

    EXPECT_EQ(periods_of(c), want);
    EXPECT_EQ(c.start, (Date{2019, 1, 1}));
    EXPECT_EQ(c.months(), 60u);
    EXPECT_EQ(c.years(), 5u);
    // March 2020: 365 days of 2019, then January (31) and a leap February (29).
    EXPECT_EQ(c.month_start_days[14], window_start + 425.0);
    EXPECT_EQ(c.month_labels[14], "2020-03");
}

TEST(MakeCalendar, StartsMidMonthWithAPartialFirstMonth) {
    const Calendar c = make_calendar(Date{2019, 3, 15}, 50.0, 60.0);
    const Periods want{
        .month_start_days = {50.0, 50.0 + 17.0, 50.0 + 17.0 + 30.0},
        .month_year = {0, 0, 0},
        .month_labels = {"2019-03", "2019-04", "2019-05"},
        .year_labels = {"2019"},
        .end_days = 110.0,
    };
    EXPECT_EQ(periods_of(c), want);
}

TEST(MakeCalendar, StartsANewYearAtTheFirstJanuaryAfterAMidMonthStart) {
    const Calendar c = make_calendar(Date{2019, 12, 15}, 0.0, 40.0);
    const Periods want{
        .month_start_days = {0.0, 17.0},
        .month_year = {0, 1},
        .month_labels = {"2019-12", "2020-01"},
        .year_labels = {"2019", "2020"},
        .end_days = 40.0,
    };
    EXPECT_EQ(periods_of(c), want);
}

TEST(MakeCalendar, OmitsAMonthThatWouldStartExactlyAtTheWindowsEnd) {
    const Calendar c = make_calendar(Date{2019, 1, 1}, 0.0, 31.0);
    const Periods want{
        .month_start_days = {0.0},
        .month_year = {0},
        .month_labels = {"2019-01"},
        .year_labels = {"2019"},
        .end_days = 31.0,
    };
    EXPECT_EQ(periods_of(c), want);
}

TEST(MakeCalendar, UsesEqualMonthsOfAYearOf365AndAQuarterDaysWithoutAStartDate) {
    const double window_start = 10.0;
    const Calendar c = make_calendar(std::nullopt, window_start, 2 * 365.25);

    Periods want;
    for (int m = 0; m < 24; ++m) {
        const int year = m / 12 + 1;
        if (m % 12 == 0) want.year_labels.push_back("year " + std::to_string(year));
        // 365.25 / 12 = 30.4375 is exact in binary, so these sums are exact too.
        want.month_start_days.push_back(window_start + 30.4375 * m);
        want.month_year.push_back(static_cast<std::uint32_t>(year - 1));
        want.month_labels.push_back("year " + std::to_string(year) + " month " +
                                    two_digits(m % 12 + 1));
    }
    want.end_days = window_start + 730.5;

    EXPECT_EQ(periods_of(c), want);
    EXPECT_EQ(c.start, std::nullopt);
    EXPECT_EQ(c.month_labels.front(), "year 1 month 01");
    EXPECT_EQ(c.month_labels.back(), "year 2 month 12");
}

TEST(MakeCalendar, EndsAPlainCalendarWithAPartialMonth) {
    const Calendar c = make_calendar(std::nullopt, 0.0, 100.0);
    const Periods want{
        .month_start_days = {0.0, 30.4375, 60.875, 91.3125},
        .month_year = {0, 0, 0, 0},
        .month_labels = {"year 1 month 01", "year 1 month 02", "year 1 month 03",
                         "year 1 month 04"},
        .year_labels = {"year 1"},
        .end_days = 100.0,
    };
    EXPECT_EQ(periods_of(c), want);
}

}  // namespace
}  // namespace careflow
