// Progress: the text of a line, and how often the plain style prints one.
#include "progress.hpp"

#include <gtest/gtest.h>

#include <sstream>
#include <string>

namespace careflow::cli {
namespace {

TEST(Progress, TextShowsCountRateAndTimeLeft) {
    EXPECT_EQ(progress_text(0, 10, 0.0), "0/10 replications");
    EXPECT_EQ(progress_text(5, 10, 2.0), "5/10 replications, 2.50/s, about 2s left");
    EXPECT_EQ(progress_text(600, 1000, 20.0), "600/1000 replications, 30/s, about 13s left");
    EXPECT_EQ(progress_text(10, 10, 4.0), "10/10 replications, 2.50/s, 4s in all");
}

TEST(Progress, DurationsReadAsSecondsMinutesOrHours) {
    EXPECT_EQ(format_duration(44.6), "45s");
    EXPECT_EQ(format_duration(75.0), "1m15s");
    EXPECT_EQ(format_duration(7'300.0), "2h01m");
}

/// What `use` prints through a Progress of `style`.
template <typename F>
std::string printed(Progress::Style style, F&& use) {
    std::ostringstream out;
    Progress progress(style, out);
    use(progress);
    return out.str();
}

TEST(Progress, PlainLinesComeAtEveryTenthAndNotTwiceForTheEnd) {
    const std::string text = printed(Progress::Style::lines, [](Progress& p) {
        p.start_batch(0, 20);
        for (std::uint32_t i = 1; i <= 20; ++i) p.update(i);
        p.finish(20);
    });
    std::size_t lines = 0;
    for (char c : text) lines += c == '\n' ? 1 : 0;
    EXPECT_EQ(lines, 10u) << text;
    EXPECT_EQ(text.rfind("careflow: 2/20 replications", 0), 0u) << text;
    EXPECT_NE(text.find("careflow: 20/20 replications"), std::string::npos) << text;
}

TEST(Progress, ABatchContinuesTheCountOfThoseBefore) {
    const std::string text = printed(Progress::Style::lines, [](Progress& p) {
        p.start_batch(10, 20);
        p.update(10);
        p.finish(20);
    });
    EXPECT_EQ(text.rfind("careflow: 20/20 replications", 0), 0u) << text;
}

TEST(Progress, TheBarRedrawsOneLineAndEndsIt) {
    const std::string text = printed(Progress::Style::bar, [](Progress& p) {
        p.start_batch(0, 4);
        p.finish(4);
    });
    EXPECT_EQ(text.front(), '\r');
    EXPECT_EQ(text.back(), '\n');
    EXPECT_NE(text.find("[########################] 4/4 replications"), std::string::npos) << text;
}

TEST(Progress, APrintedLineGoesAboveTheBarWhichIsErasedAndDrawnAgain) {
    std::ostringstream lines;
    const std::string bar = printed(Progress::Style::bar, [&](Progress& p) {
        p.start_batch(0, 4);
        p.print(lines, "point 1/2 done\n");
    });
    EXPECT_EQ(lines.str(), "point 1/2 done\n");
    const std::string drawn = "[........................] 0/4 replications";
    const std::string erased = "\r" + std::string(drawn.size(), ' ') + "\r";
    EXPECT_EQ(bar, "\r" + drawn + erased + "\r" + drawn);
}

TEST(Progress, PlainLinesAreNotErasedForAPrintedLine) {
    std::ostringstream lines;
    const std::string text = printed(Progress::Style::lines, [&](Progress& p) {
        p.start_batch(0, 4);
        p.print(lines, "point 1/2 done\n");
    });
    EXPECT_EQ(text, "");
    EXPECT_EQ(lines.str(), "point 1/2 done\n");
}

TEST(Progress, QuietPrintsNothing) {
    const std::string text = printed(Progress::Style::off, [](Progress& p) {
        p.start_batch(0, 4);
        p.update(4);
        p.finish(4);
    });
    EXPECT_EQ(text, "");
}

}  // namespace
}  // namespace careflow::cli
