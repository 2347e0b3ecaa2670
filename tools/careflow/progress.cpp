// Progress of a running batch on stderr: a bar redrawn in place on a terminal, plain lines
// (for logs and CI) otherwise.
#include "progress.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <string>

#include <unistd.h>

namespace careflow::cli {
namespace {

using namespace std::chrono_literals;

constexpr auto bar_interval = 100ms;  // ~10 redraws a second: smooth, and cheap to write
constexpr auto line_interval = 10s;   // a log gets a line at least this often
constexpr std::uint32_t bar_cells = 24;

std::string bar(std::uint32_t done, std::uint32_t total) {
    const std::uint32_t full =
        total == 0 ? bar_cells
                   : static_cast<std::uint32_t>(std::uint64_t{done} * bar_cells / total);
    const std::uint32_t filled = std::min(full, bar_cells);
    return "[" + std::string(filled, '#') + std::string(bar_cells - filled, '.') + "]";
}

std::string format_rate(double per_second) {
    return per_second >= 10.0 ? fmt::format("{:.0f}/s", per_second)
                              : fmt::format("{:.2f}/s", per_second);
}

}  // namespace

std::string format_duration(double seconds) {
    const auto s = static_cast<long long>(std::llround(std::max(seconds, 0.0)));
    if (s < 60) return fmt::format("{}s", s);
    if (s < 3600) return fmt::format("{}m{:02}s", s / 60, s % 60);
    return fmt::format("{}h{:02}m", s / 3600, (s % 3600) / 60);
}

std::string progress_text(std::uint32_t done, std::uint32_t total, double elapsed_seconds) {
    std::string text = fmt::format("{}/{} replications", done, total);
    if (done == 0 || elapsed_seconds <= 0.0) return text;
    const double rate = done / elapsed_seconds;
    text += ", " + format_rate(rate);
    if (done >= total) return text + ", " + format_duration(elapsed_seconds) + " in all";
    return text + ", about " + format_duration((total - done) / rate) + " left";
}

Progress::Style Progress::style_for_stderr(bool quiet) {
    if (quiet) return Style::off;
    return ::isatty(STDERR_FILENO) != 0 ? Style::bar : Style::lines;
}

Progress::Progress(Style style, std::ostream& out)
    : style_(style), out_(out), started_(Clock::now()) {
    last_draw_ticks_.store(started_.time_since_epoch().count());
}

void Progress::start_batch(std::uint32_t done, std::uint32_t total) {
    base_ = done;
    total_ = total;
    last_tenth_.store(tenth(done));
    // A terminal shows the bar at once: a replication of a large scenario can take seconds.
    if (style_ != Style::bar) return;
    const std::lock_guard lock(mutex_);
    draw(done, Clock::now());
}

void Progress::update(std::uint32_t finished) {
    if (style_ == Style::off) return;
    const std::uint32_t done = base_ + finished;
    const auto now = Clock::now();
    if (!due(done, now)) return;
    std::unique_lock lock(mutex_, std::try_to_lock);
    // Another thread is drawing (or just drew): skip rather than wait, the next one catches up.
    if (!lock.owns_lock() || !due(done, now)) return;
    draw(done, now);
}

void Progress::finish(std::uint32_t done) {
    if (style_ == Style::off) return;
    const std::lock_guard lock(mutex_);
    if (!drawn_ || last_done_ != done) {
        last_done_ = done;  // after a stop, fewer are kept than updates saw finish
        draw(done, Clock::now());
    }
    if (style_ == Style::bar) out_ << '\n';
    out_.flush();
}

void Progress::print(std::ostream& to, const std::string& text) {
    const std::lock_guard lock(mutex_);
    const bool erase = style_ == Style::bar && drawn_;
    if (erase) out_ << '\r' + std::string(last_width_, ' ') + '\r' << std::flush;
    to << text << std::flush;
    if (erase) draw(last_done_, Clock::now());
}

bool Progress::due(std::uint32_t done, Clock::time_point now) const {
    const Clock::time_point last{Clock::duration{last_draw_ticks_.load(std::memory_order_relaxed)}};
    if (style_ == Style::bar) return now - last >= bar_interval;
    return now - last >= line_interval ||
           tenth(done) > last_tenth_.load(std::memory_order_relaxed);
}

void Progress::draw(std::uint32_t done, Clock::time_point now) {
    // Workers report out of order (6 may arrive before 5): never draw a step back.
    done = std::max(done, last_done_);
    const std::chrono::duration<double> elapsed = now - started_;
    const std::string text = progress_text(done, total_, elapsed.count());
    if (style_ == Style::bar) {
        std::string line = bar(done, total_) + " " + text;
        const std::size_t width = line.size();
        line.resize(std::max(width, last_width_), ' ');  // blank what a longer line left
        out_ << '\r' + line;  // one write: nothing can land inside the line
        last_width_ = width;
    } else {
        out_ << "careflow: " + text + '\n';
    }
    out_.flush();
    last_done_ = done;
    drawn_ = true;
    last_draw_ticks_.store(now.time_since_epoch().count(), std::memory_order_relaxed);
    last_tenth_.store(tenth(done), std::memory_order_relaxed);
}

std::uint32_t Progress::tenth(std::uint32_t done) const {
    if (total_ == 0) return 0;
    return static_cast<std::uint32_t>(std::uint64_t{done} * 10 / total_);
}

}  // namespace careflow::cli
