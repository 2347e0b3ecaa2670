// The kernel's event: a 32-byte POD, ordered by (time, seq).
#pragma once

#include <cstdint>
#include <type_traits>

namespace careflow::sim {

enum class EventKind : std::uint8_t {
    arrival,      ///< subject: arrival stream index
    leave_state,  ///< subject: youth slot; stale unless stamp matches the youth's
    warmup_end,   ///< subject unused: reset the statistics
};

struct Event {
    double time = 0.0;       ///< days since the start of the warm-up
    std::uint64_t seq = 0;   ///< set by EventQueue::push: equal times pop in insertion order
    std::uint32_t subject = 0;
    std::uint32_t stamp = 0;  ///< youth's state-entry count when scheduled
    EventKind kind = EventKind::arrival;
};
static_assert(std::is_trivially_copyable_v<Event> && sizeof(Event) <= 32);

}  // namespace careflow::sim
