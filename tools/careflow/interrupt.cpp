// Ctrl-C and SIGTERM during a run: the first asks the batch to stop and keep what finished, a
// second ends careflow at once.
#include "interrupt.hpp"

namespace careflow::cli {
namespace {

// A signal handler can reach only static storage, and may only store to lock-free atomics:
// these two are the whole of what it touches.
std::atomic<bool> stop_requested{false};
std::atomic<int> caught_signal{0};
static_assert(std::atomic<bool>::is_always_lock_free && std::atomic<int>::is_always_lock_free);

extern "C" void on_stop_signal(int number) {
    caught_signal.store(number, std::memory_order_relaxed);
    stop_requested.store(true);
}

struct sigaction install(int number) {
    struct sigaction previous {};
    sigaction(number, nullptr, &previous);
    // Ignored on purpose (a shell starts background jobs with SIGINT ignored): leave it so.
    if (previous.sa_handler == SIG_IGN) return previous;
    struct sigaction action {};
    action.sa_handler = on_stop_signal;
    sigemptyset(&action.sa_mask);
    // SA_RESETHAND: the kernel restores the default before the handler runs, so a second
    // Ctrl-C ends careflow even while it is writing. SA_RESTART: writes are not cut short.
    action.sa_flags = static_cast<int>(SA_RESETHAND | SA_RESTART);
    sigaction(number, &action, nullptr);
    return previous;
}

}  // namespace

InterruptGuard::InterruptGuard() {
    stop_requested.store(false);
    caught_signal.store(0);
    previous_int_ = install(SIGINT);
    previous_term_ = install(SIGTERM);
}

InterruptGuard::~InterruptGuard() {
    sigaction(SIGINT, &previous_int_, nullptr);
    sigaction(SIGTERM, &previous_term_, nullptr);
}

const std::atomic<bool>& InterruptGuard::stop_flag() const noexcept { return stop_requested; }

int InterruptGuard::signal_number() const noexcept {
    return caught_signal.load(std::memory_order_relaxed);
}

int InterruptGuard::exit_code() const noexcept { return 128 + signal_number(); }

}  // namespace careflow::cli
