// Strong integer ids: a state is never confused with a youth or a count.
#pragma once

#include <cstddef>
#include <cstdint>

namespace careflow {

/// Dense index of a care state in Model::states. `exit` is the terminal pseudo-state.
enum class StateId : std::uint16_t { exit = 0xFFFF };

/// Slot of a youth in the simulation's youth store (slots are reused after exit).
enum class YouthId : std::uint32_t {};

/// Dense index of an arrival stream in Model::arrivals.
enum class StreamId : std::uint16_t {};

template <typename Id>
constexpr std::size_t index(Id id) noexcept {
    return static_cast<std::size_t>(id);
}

template <typename Id>
constexpr Id make_id(std::size_t i) noexcept {
    return static_cast<Id>(i);
}

}  // namespace careflow
