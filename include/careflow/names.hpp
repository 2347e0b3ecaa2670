// The words scenarios and outputs use for the model's enumerations.
#pragma once

#include <careflow/model.hpp>

#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace careflow {

[[nodiscard]] std::string_view name_of(StateKind kind);
[[nodiscard]] std::string_view name_of(TransitionType type);
[[nodiscard]] std::optional<StateKind> parse_state_kind(std::string_view word);
[[nodiscard]] std::optional<TransitionType> parse_transition_type(std::string_view word);
[[nodiscard]] std::vector<std::string> state_kind_names();
[[nodiscard]] std::vector<std::string> transition_type_names();
[[nodiscard]] std::string_view name_of(Scheme scheme);
/// The scheme words, in Scheme order.
[[nodiscard]] std::span<const std::string_view> scheme_words();
[[nodiscard]] std::string_view name_of(WaitingEvent event);
/// The waiting clock types, in WaitingEvent order.
[[nodiscard]] std::span<const std::string_view> waiting_event_words();

}  // namespace careflow
