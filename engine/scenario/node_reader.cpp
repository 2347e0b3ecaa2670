// NodeReader: checked YAML access that reports instead of throwing.
#include "scenario/node_reader.hpp"

#include "model/spelling.hpp"
#include "scenario/units.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <limits>
#include <set>

namespace careflow::scenario {
namespace {

constexpr double unbounded = std::numeric_limits<double>::infinity();
constexpr NumberRange any_number{-unbounded, unbounded, false, "a number"};
constexpr NumberRange positive{0.0, unbounded, true, "a number"};
constexpr NumberRange amount{0.0, unbounded, false, "an amount"};

}  // namespace

std::string describe(const YAML::Node& node) {
    switch (node.Type()) {
        case YAML::NodeType::Scalar: return fmt::format("'{}'", node.Scalar());
        case YAML::NodeType::Sequence: return "a list";
        case YAML::NodeType::Map: return "a map";
        case YAML::NodeType::Null: return "nothing";
        case YAML::NodeType::Undefined: break;
    }
    return "nothing";
}

std::string known_names_note(std::string_view kind, std::vector<std::string> names,
                             std::size_t most) {
    std::sort(names.begin(), names.end());
    names.erase(std::unique(names.begin(), names.end()), names.end());
    std::string note = fmt::format("known {}: ", kind);
    for (std::size_t i = 0; i < names.size() && i < most; ++i) {
        note += (i == 0 ? "" : ", ") + names[i];
    }
    if (names.size() > most) {
        note += fmt::format(", ... ({} more)", names.size() - most);
    }
    return note;
}

std::optional<std::string> suggestion(std::string_view name,
                                      std::span<const std::string> candidates) {
    std::optional<std::string> best;
    std::size_t best_distance = typo_limit(name) + 1;
    for (const auto& candidate : candidates) {
        const std::size_t d = edit_distance(name, candidate);
        if (d < best_distance) {
            best_distance = d;
            best = fmt::format("did you mean '{}'?", candidate);
        }
    }
    return best;
}

SourceLocation NodeReader::where(const YAML::Mark& mark) const {
    if (mark.is_null()) return {file(), 0, 0};
    // Text of origin k is parsed after k * lines_per_origin blank lines (see parse_yaml), so
    // the line says which file or flag a node of a merged tree came from.
    const auto origin = static_cast<std::size_t>(mark.line / lines_per_origin);
    if (origin >= origins_.size()) return {file(), 0, 0};
    const Origin& from = origins_[origin];
    if (!from.has_position) return {from.name, 0, 0};
    return {from.name, mark.line % lines_per_origin + 1, mark.column + 1};  // marks are 0-based
}

std::size_t NodeReader::add_origin(std::string name, bool has_position) {
    origins_.push_back({std::move(name), has_position});
    return origins_.size() - 1;
}

void NodeReader::error(const YAML::Node& at, std::string message, std::vector<std::string> notes) {
    report({Severity::error, where(at), std::move(message), std::move(notes)});
}

void NodeReader::warning(const YAML::Node& at, std::string message,
                         std::vector<std::string> notes) {
    report({Severity::warning, where(at), std::move(message), std::move(notes)});
}

bool NodeReader::expect_map(const YAML::Node& node, std::string_view path) {
    if (node.IsMap()) return true;
    error(node, fmt::format("{} must be a map of keys and values, got {}", path, describe(node)));
    return false;
}

bool NodeReader::expect_list(const YAML::Node& node, std::string_view path) {
    if (node.IsSequence() && node.size() > 0) return true;
    const auto got = node.IsSequence() ? std::string("an empty list") : describe(node);
    error(node, fmt::format("{} must be a non-empty list, got {}", path, got),
          {"hint: write one item per line, each starting with '- '"});
    return false;
}

void NodeReader::check_keys(const YAML::Node& map, std::string_view path,
                            std::span<const std::string_view> known) {
    check_unique_keys(map, path);
    const std::vector<std::string> known_names(known.begin(), known.end());
    std::set<std::string> seen;
    for (const auto& entry : map) {
        const YAML::Node& key = entry.first;
        const std::string name = key.IsScalar() ? key.Scalar() : describe(key);
        if (!seen.insert(name).second) continue;  // reported by check_unique_keys
        if (std::find(known.begin(), known.end(), name) == known.end()) {
            std::vector<std::string> notes;
            if (auto hint = suggestion(name, known_names)) notes.push_back("hint: " + *hint);
            // A map's keys are a short, fixed set: list them all.
            notes.push_back(known_names_note("keys", known_names, known_names.size()));
            error(key, fmt::format("unknown key '{}' in {}", name, path), std::move(notes));
        }
    }
}

void NodeReader::check_unique_keys(const YAML::Node& map, std::string_view path) {
    std::set<std::string> seen;
    for (const auto& entry : map) {
        const YAML::Node& key = entry.first;
        const std::string name = key.IsScalar() ? key.Scalar() : describe(key);
        if (!seen.insert(name).second) {
            error(key, fmt::format("key '{}' appears twice in {}", name, path),
                  {"hint: each key may be given once; remove or merge the repeated one"});
        }
    }
}

std::optional<YAML::Node> NodeReader::required(const YAML::Node& map, std::string_view key,
                                               std::string_view path) {
    if (auto value = optional(map, key)) return value;
    error(map, fmt::format("missing required key '{}' in {}", key, path));
    return std::nullopt;
}

std::optional<YAML::Node> NodeReader::optional(const YAML::Node& map, std::string_view key) {
    if (!map.IsMap()) return std::nullopt;
    for (const auto& entry : map) {
        if (entry.first.IsScalar() && entry.first.Scalar() == key) return entry.second;
    }
    return std::nullopt;
}

std::optional<std::string> NodeReader::scalar(const YAML::Node& node, std::string_view path,
                                              std::string_view expected) {
    if (node.IsScalar()) return node.Scalar();
    error(node, fmt::format("{} must be {}, got {}", path, expected, describe(node)));
    return std::nullopt;
}

std::optional<std::string> NodeReader::text(const YAML::Node& node, std::string_view path) {
    return scalar(node, path, "text");
}

std::optional<double> NodeReader::number(const YAML::Node& node, std::string_view path) {
    if (!accept_input(node, path, InputScale::number, any_number)) return std::nullopt;
    const auto raw = scalar(node, path, "a number");
    if (!raw) return std::nullopt;
    if (auto value = parse_number(*raw)) return value;
    error(node, fmt::format("{} must be a number, got '{}'", path, *raw));
    return std::nullopt;
}

std::optional<double> NodeReader::positive_number(const YAML::Node& node, std::string_view path) {
    if (!accept_input(node, path, InputScale::number, positive)) return std::nullopt;
    const auto value = number(node, path);
    if (!value || *value > 0.0) return value;
    error(node, fmt::format("{} must be greater than 0, got '{}'", path, node.Scalar()));
    return std::nullopt;
}

std::optional<double> NodeReader::bounded_number(const YAML::Node& node, std::string_view path,
                                                 const NumberRange& range,
                                                 std::vector<std::string> notes) {
    if (!accept_input(node, path, InputScale::number, range)) return std::nullopt;
    const auto value = number(node, path);
    if (!value) return std::nullopt;
    const bool above_low = range.low_open ? *value > range.low : *value >= range.low;
    if (above_low && *value <= range.high) return value;
    error(node, fmt::format("{} is {} and must lie in {}{:g}, {:g}], got '{}'", path, range.what,
                            range.low_open ? '(' : '[', range.low, range.high, node.Scalar()),
          std::move(notes));
    return std::nullopt;
}

std::optional<std::int64_t> NodeReader::integer(const YAML::Node& node, std::string_view path) {
    if (!accept_input(node, path, InputScale::integer, any_number)) return std::nullopt;
    const auto raw = scalar(node, path, "a whole number");
    if (!raw) return std::nullopt;
    if (auto value = parse_integer(*raw)) return value;
    const bool digits_only = !raw->empty() && raw->find_first_not_of("+-0123456789") ==
                                                  std::string::npos;
    if (digits_only) {
        error(node, fmt::format("{} is too large, got '{}'", path, *raw),
              {"hint: whole numbers here lie between -9223372036854775808 and "
               "9223372036854775807"});
        return std::nullopt;
    }
    error(node, fmt::format("{} must be a whole number, got '{}'", path, *raw));
    return std::nullopt;
}

std::optional<bool> NodeReader::boolean(const YAML::Node& node, std::string_view path) {
    const auto raw = scalar(node, path, "true or false");
    if (!raw) return std::nullopt;
    if (*raw == "true") return true;
    if (*raw == "false") return false;
    error(node, fmt::format("{} must be true or false, got '{}'", path, *raw));
    return std::nullopt;
}

std::optional<Cents> NodeReader::cents(const YAML::Node& node, std::string_view path) {
    if (!accept_input(node, path, InputScale::cents, amount)) return std::nullopt;
    const auto raw = scalar(node, path, "an amount in euros");
    if (!raw) return std::nullopt;
    const auto amount = parse_cents(*raw);
    if (!amount) {
        error(node, fmt::format("{} must be an amount in euros with at most two decimals "
                                "(cents), got '{}'", path, *raw),
              {"hint: write euros as a plain number, without a currency sign or thousands "
               "separators, e.g. '280' or '280.50'"});
        return std::nullopt;
    }
    if (*amount >= 0) return amount;
    error(node, fmt::format("{} must be 0 or more, got '{}'", path, *raw),
          {"hint: amounts are what is paid, in euros; there are no negative prices, budgets or "
           "bonuses"});
    return std::nullopt;
}

std::optional<std::size_t> NodeReader::choice(const YAML::Node& node, std::string_view path,
                                              std::span<const std::string_view> words,
                                              std::string_view what) {
    const auto word = scalar(node, path, fmt::format("a {}", what));
    if (!word) return std::nullopt;
    const auto it = std::find(words.begin(), words.end(), *word);
    if (it != words.end()) return static_cast<std::size_t>(it - words.begin());
    const std::vector<std::string> known(words.begin(), words.end());
    std::vector<std::string> notes;
    if (auto hint = suggestion(*word, known)) notes.push_back("hint: " + *hint);
    notes.push_back(known_names_note(fmt::format("{}s", what), known));
    error(node, fmt::format("unknown {} '{}' in {}", what, *word, path), std::move(notes));
    return std::nullopt;
}

std::optional<double> NodeReader::duration_days(const YAML::Node& node, std::string_view path,
                                                bool allow_zero) {
    const NumberRange length{0.0, unbounded, !allow_zero, "a duration"};
    if (!accept_input(node, path, InputScale::duration, length)) return std::nullopt;
    const auto raw = scalar(node, path, "a duration");
    if (!raw) return std::nullopt;
    const auto days = parse_duration_days(*raw);
    if (!days) {
        error(node, fmt::format("{} must be a duration with a unit, got '{}'", path, *raw),
              {std::string("hint: ") + std::string(duration_units_hint)});
        return std::nullopt;
    }
    if (*days > 0.0 || (allow_zero && *days == 0.0)) return days;
    error(node, fmt::format("{} must be {}, got '{}'", path,
                            allow_zero ? "0 or longer" : "longer than 0", *raw));
    return std::nullopt;
}

bool NodeReader::has_errors() const noexcept {
    return std::any_of(diagnostics_.begin(), diagnostics_.end(),
                       [](const Diagnostic& d) { return d.severity == Severity::error; });
}

std::vector<Diagnostic> NodeReader::take_diagnostics() {
    std::stable_sort(diagnostics_.begin(), diagnostics_.end(),
                     [](const Diagnostic& a, const Diagnostic& b) {
                         return std::pair(a.where.line, a.where.column) <
                                std::pair(b.where.line, b.where.column);
                     });
    return std::move(diagnostics_);
}

}  // namespace careflow::scenario
