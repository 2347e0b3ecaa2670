// Ctrl-C and SIGTERM during a run: the first asks the batch to stop and keep what finished, a
// second ends careflow at once.
#pragma once

#include <atomic>
#include <csignal>

namespace careflow::cli {

/// While alive, SIGINT and SIGTERM set stop_flag() (for BatchOptions::stop) instead of ending
/// the process; each signal's handler then reverts to the default, so a second one kills. A
/// signal the parent left ignored (a shell's background job and SIGINT) stays ignored.
/// One at a time: the flag a signal handler can reach is necessarily process-wide.
class InterruptGuard {
public:
    InterruptGuard();
    ~InterruptGuard();
    InterruptGuard(const InterruptGuard&) = delete;
    InterruptGuard& operator=(const InterruptGuard&) = delete;

    [[nodiscard]] const std::atomic<bool>& stop_flag() const noexcept;
    /// The signal that set the flag; 0 if none came.
    [[nodiscard]] int signal_number() const noexcept;
    /// The shell's convention for a process ended by the signal: 128 + its number (130 for
    /// SIGINT, 143 for SIGTERM).
    [[nodiscard]] int exit_code() const noexcept;

private:
    struct sigaction previous_int_ {};
    struct sigaction previous_term_ {};
};

}  // namespace careflow::cli
