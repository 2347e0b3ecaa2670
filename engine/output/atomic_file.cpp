// Atomic file replacement: write a temporary sibling, fsync, rename over the target (POSIX).
#include "output/atomic_file.hpp"

#include <cerrno>
#include <cstddef>
#include <string>
#include <system_error>

#include <fcntl.h>
#include <sys/types.h>
#include <unistd.h>

namespace careflow::output {
namespace {

namespace fs = std::filesystem;

[[noreturn]] void throw_write_error(const fs::path& path, std::error_code error) {
    std::string message("cannot write '");
    message.append(path.string());
    message.append("'");
    throw std::system_error(error, message);
}

std::error_code last_error() { return {errno, std::generic_category()}; }

// Same directory as the target, so the rename never crosses a file system.
fs::path temporary_path_for(const fs::path& path) {
    // Appended piecewise: GCC 12 at -O3 flags `"." + string` with a false -Wrestrict.
    std::string name(".");
    name.append(path.filename().string());
    name.append(".tmp-");
    name.append(std::to_string(static_cast<long>(::getpid())));
    return path.parent_path() / name;
}

// Writes all of `bytes`, fsyncs and closes `fd` (always). Returns the first error, if any.
std::error_code write_sync_close(int fd, std::string_view bytes) {
    std::error_code error;
    std::size_t written = 0;
    while (!error && written < bytes.size()) {
        const ssize_t n = ::write(fd, bytes.data() + written, bytes.size() - written);
        if (n > 0) {
            written += static_cast<std::size_t>(n);
        } else if (n == 0) {
            error = std::make_error_code(std::errc::io_error);
        } else if (errno != EINTR) {
            error = last_error();
        }
    }
    if (!error && ::fsync(fd) != 0) error = last_error();
    // Linux closes the descriptor even when close() fails, so it is never retried.
    if (::close(fd) != 0 && !error) error = last_error();
    return error;
}

// Makes the rename itself durable. Best effort: some file systems refuse to fsync a directory,
// and the new file is already complete and in place.
void sync_directory(const fs::path& directory) {
    const fs::path dir = directory.empty() ? fs::path(".") : directory;
    const int fd = ::open(dir.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    if (fd < 0) return;
    static_cast<void>(::fsync(fd));
    static_cast<void>(::close(fd));
}

void remove_quietly(const fs::path& path) {
    std::error_code ignored;
    fs::remove(path, ignored);
}

}  // namespace

void write_file_atomically(const fs::path& path, std::string_view bytes) {
    const fs::path temporary = temporary_path_for(path);
    const int fd = ::open(temporary.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0666);
    if (fd < 0) throw_write_error(path, last_error());
    if (const std::error_code error = write_sync_close(fd, bytes)) {
        remove_quietly(temporary);
        throw_write_error(path, error);
    }
    std::error_code error;
    fs::rename(temporary, path, error);
    if (error) {
        remove_quietly(temporary);
        throw_write_error(path, error);
    }
    sync_directory(path.parent_path());
}

}  // namespace careflow::output
