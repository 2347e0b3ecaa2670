// Problems found in a scenario or on the command line, reported like a compiler does.
#pragma once

#include <stdexcept>
#include <string>
#include <vector>

namespace careflow {

/// Where a problem sits: a file position (1-based), or a command-line flag when there is no file.
struct SourceLocation {
    std::string file{};  ///< scenario path, or e.g. "--set run.seed=x" for a flag
    int line = 0;      ///< 1-based; 0 when the origin has no position
    int column = 0;    ///< 1-based; 0 when the origin has no position
};

enum class Severity { error, warning };

/// One problem: `file:line:column: error: message`, then indented notes (known names, hints).
struct Diagnostic {
    Severity severity = Severity::error;
    SourceLocation where;
    std::string message{};
    std::vector<std::string> notes{};

    /// The compiler-style text, one line per note, ending in a newline.
    [[nodiscard]] std::string format() const;
};

/// Thrown once with every error found, so users fix them all in one go.
class ScenarioError : public std::runtime_error {
public:
    explicit ScenarioError(std::vector<Diagnostic> diagnostics);
    [[nodiscard]] const std::vector<Diagnostic>& diagnostics() const noexcept { return diagnostics_; }

private:
    std::vector<Diagnostic> diagnostics_{};
};

/// All diagnostics formatted, in order.
[[nodiscard]] std::string format_all(const std::vector<Diagnostic>& diagnostics);

}  // namespace careflow
