// Progress of a running batch on stderr: a bar redrawn in place on a terminal, plain lines
// (for logs and CI) otherwise.
#pragma once

#include <careflow/batch_watcher.hpp>

#include <atomic>
#include <chrono>
#include <cstdint>
#include <mutex>
#include <ostream>
#include <string>

namespace careflow::cli {

/// "120/1000 replications, 12.3/s, about 1m12s left" (rate and time left once one is done).
[[nodiscard]] std::string progress_text(std::uint32_t done, std::uint32_t total,
                                        double elapsed_seconds);

/// "45s", "3m12s", "2h05m".
[[nodiscard]] std::string format_duration(double seconds);

/// The terminal's BatchWatcher: draws progress from the batch's worker threads. update() is
/// cheap when nothing is due (a clock read and two relaxed loads) and never blocks: a thread
/// that finds another drawing skips its turn, and finish() draws the final state.
class Progress final : public BatchWatcher {
public:
    enum class Style : std::uint8_t { off, bar, lines };

    /// `bar` when stderr is a terminal, `lines` when not, `off` when quiet.
    [[nodiscard]] static Style style_for_stderr(bool quiet);

    /// Writes to `out` (std::cerr in the CLI: a cluster's other ranks silence it).
    Progress(Style style, std::ostream& out);
    Progress(const Progress&) = delete;
    Progress& operator=(const Progress&) = delete;

    /// Main thread, between batches: `done` replications are finished, `total` will be once
    /// this batch ends.
    void start_batch(std::uint32_t done, std::uint32_t total) override;
    /// Any thread: `finished` replications of the current batch are done.
    void update(std::uint32_t finished) override;
    /// Main thread, after the last batch: draws `done` and ends the bar's line.
    void finish(std::uint32_t done) override;
    /// Main thread: writes `text` (whole lines) to `to` above the bar, which is erased first
    /// and drawn again after, so the two never share a line of the terminal.
    void print(std::ostream& to, const std::string& text);

private:
    using Clock = std::chrono::steady_clock;

    [[nodiscard]] bool due(std::uint32_t done, Clock::time_point now) const;
    void draw(std::uint32_t done, Clock::time_point now);  // holds mutex_
    [[nodiscard]] std::uint32_t tenth(std::uint32_t done) const;

    Style style_;
    std::ostream& out_;
    Clock::time_point started_;
    // Written by the main thread only between batches, while no worker calls update().
    std::uint32_t base_ = 0;
    std::uint32_t total_ = 0;
    // What was drawn last: atomics so that due() can read them without the lock.
    std::atomic<Clock::rep> last_draw_ticks_{0};
    std::atomic<std::uint32_t> last_tenth_{0};
    std::mutex mutex_;
    std::uint32_t last_done_ = 0;       // guarded by mutex_
    std::size_t last_width_ = 0;        // guarded by mutex_: the bar's length, to erase it
    bool drawn_ = false;                // guarded by mutex_
};

}  // namespace careflow::cli
