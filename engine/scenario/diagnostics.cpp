// Formatting diagnostics the way compilers do, so editors can jump to the line.
#include <careflow/diagnostics.hpp>

#include <fmt/format.h>

namespace careflow {
namespace {

std::string format_location(const SourceLocation& where) {
    if (where.line <= 0) return where.file;
    return fmt::format("{}:{}:{}", where.file, where.line, where.column);
}

std::string summary_of(const std::vector<Diagnostic>& diagnostics) {
    if (diagnostics.empty()) return "scenario error";
    return diagnostics.front().format();
}

}  // namespace

std::string Diagnostic::format() const {
    const char* level = severity == Severity::error ? "error" : "warning";
    std::string text = fmt::format("{}: {}: {}\n", format_location(where), level, message);
    for (const auto& note : notes) text += fmt::format("  {}\n", note);
    return text;
}

ScenarioError::ScenarioError(std::vector<Diagnostic> diagnostics)
    : std::runtime_error(summary_of(diagnostics)), diagnostics_(std::move(diagnostics)) {}

std::string format_all(const std::vector<Diagnostic>& diagnostics) {
    std::string text;
    for (const auto& d : diagnostics) text += d.format();
    return text;
}

}  // namespace careflow
