// Name tables of the model's enumerations, in enum order (append only, like the enums).
#include <careflow/names.hpp>

#include <array>

namespace careflow {
namespace {

constexpr std::array<std::string_view, 11> kind_names{
    "other",       "prevention",  "local_team",         "ambulatory", "day_treatment", "foster",
    "family_home", "residential", "closed_residential", "crisis",     "respite"};

constexpr std::array<std::string_view, transition_type_count> type_names{
    "escalation", "step_down", "completion", "breakdown", "other"};

constexpr std::array<std::string_view, waiting_event_count> waiting_event_names{
    "deterioration", "escalation", "renege", "recovery"};

constexpr std::array<std::string_view, 5> scheme_names{"per_unit", "day_price", "monthly",
                                                       "trajectory", "lump_sum"};

template <typename Enum, std::size_t N>
std::optional<Enum> parse(const std::array<std::string_view, N>& names, std::string_view word) {
    for (std::size_t i = 0; i < N; ++i) {
        if (names[i] == word) return static_cast<Enum>(i);
    }
    return std::nullopt;
}

}  // namespace

std::string_view name_of(StateKind kind) { return kind_names[static_cast<std::size_t>(kind)]; }
std::string_view name_of(TransitionType type) {
    return type_names[static_cast<std::size_t>(type)];
}
std::string_view name_of(Scheme scheme) { return scheme_names[static_cast<std::size_t>(scheme)]; }
std::span<const std::string_view> scheme_words() { return scheme_names; }
std::string_view name_of(WaitingEvent event) {
    return waiting_event_names[static_cast<std::size_t>(event)];
}
std::span<const std::string_view> waiting_event_words() { return waiting_event_names; }
std::optional<StateKind> parse_state_kind(std::string_view word) {
    return parse<StateKind>(kind_names, word);
}
std::optional<TransitionType> parse_transition_type(std::string_view word) {
    return parse<TransitionType>(type_names, word);
}
std::vector<std::string> state_kind_names() { return {kind_names.begin(), kind_names.end()}; }
std::vector<std::string> transition_type_names() {
    return {type_names.begin(), type_names.end()};
}

}  // namespace careflow
