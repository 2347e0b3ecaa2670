// Writing a file so that readers see either the old file or the whole new one, never a part.
#pragma once

#include <filesystem>
#include <string_view>

namespace careflow::output {

/// Writes `bytes` to a temporary file beside `path`, syncs it, then renames it onto `path`.
/// On failure removes the temporary file and throws std::system_error naming `path`.
void write_file_atomically(const std::filesystem::path& path, std::string_view bytes);

}  // namespace careflow::output
