// SilencedOutput: standard output and error sent to /dev/null at the file-descriptor level, so
// that every way of printing (iostreams, stdio, fmt) is covered, not only std::cout.
#include "silenced_output.hpp"

#include <cerrno>
#include <cstdio>
#include <fcntl.h>
#include <iostream>
#include <system_error>
#include <unistd.h>

namespace careflow::cli {
namespace {

/// Unbuffered writes to a file descriptor: an error message goes out whole and at once.
class FdBuffer final : public std::streambuf {
public:
    explicit FdBuffer(int fd) : fd_(fd) {}

protected:
    int_type overflow(int_type c) override {
        if (traits_type::eq_int_type(c, traits_type::eof())) return traits_type::not_eof(c);
        const char ch = traits_type::to_char_type(c);
        return write_all(&ch, 1) ? c : traits_type::eof();
    }
    std::streamsize xsputn(const char* text, std::streamsize n) override {
        return write_all(text, n) ? n : 0;
    }

private:
    bool write_all(const char* text, std::streamsize n) const {
        while (n > 0) {
            const ssize_t wrote = ::write(fd_, text, static_cast<std::size_t>(n));
            if (wrote < 0 && errno == EINTR) continue;
            if (wrote <= 0) return false;
            text += wrote;
            n -= wrote;
        }
        return true;
    }

    int fd_;
};

int duplicate(int fd) {
    const int copy = ::dup(fd);
    if (copy < 0) throw std::system_error(errno, std::generic_category(), "dup");
    return copy;
}

/// Makes `to` refer to what `from` refers to.
void redirect(int from, int to) {
    if (::dup2(from, to) < 0) throw std::system_error(errno, std::generic_category(), "dup2");
}

}  // namespace

SilencedOutput::SilencedOutput() {
    std::cout.flush();
    std::fflush(nullptr);  // what was printed before goes where it was meant to
    saved_out_ = duplicate(STDOUT_FILENO);
    saved_err_ = duplicate(STDERR_FILENO);
    const int null = ::open("/dev/null", O_WRONLY | O_CLOEXEC);
    if (null < 0) throw std::system_error(errno, std::generic_category(), "/dev/null");
    redirect(null, STDOUT_FILENO);
    redirect(null, STDERR_FILENO);
    ::close(null);
    buffer_ = std::make_unique<FdBuffer>(saved_err_);
    errors_ = std::make_unique<std::ostream>(buffer_.get());
}

SilencedOutput::~SilencedOutput() {
    std::cout.flush();
    std::fflush(nullptr);  // discarded, as everything printed while silenced
    ::dup2(saved_out_, STDOUT_FILENO);
    ::dup2(saved_err_, STDERR_FILENO);
    ::close(saved_out_);
    ::close(saved_err_);
}

}  // namespace careflow::cli
