// SilencedOutput: a process that prints nothing (an MPI rank other than the first) while it
// lives, except through the one stream kept for its own failures.
#pragma once

#include <memory>
#include <ostream>

namespace careflow::cli {

class SilencedOutput {
public:
    /// Points file descriptors 1 and 2 at /dev/null, so std::cout, std::cerr, stdio and
    /// fmt::print all go quiet; keeps a duplicate of the old standard error.
    SilencedOutput();
    /// Puts standard output and error back.
    ~SilencedOutput();
    SilencedOutput(const SilencedOutput&) = delete;
    SilencedOutput& operator=(const SilencedOutput&) = delete;

    /// The old standard error: for failures only this process can report.
    [[nodiscard]] std::ostream& errors() noexcept { return *errors_; }

private:
    int saved_out_ = -1;
    int saved_err_ = -1;
    std::unique_ptr<std::streambuf> buffer_;
    std::unique_ptr<std::ostream> errors_;
};

}  // namespace careflow::cli
