// YouthStore: the youths in the system as parallel arrays, slots reused through a free list.
#pragma once

#include "sim/event.hpp"

#include <careflow/ids.hpp>

#include <cstdint>
#include <stdexcept>
#include <vector>

namespace careflow::sim {

/// Structure of arrays indexed by YouthId. Handlers touch only the columns they need.
struct YouthStore {
    std::vector<StateId> state;          ///< current state (in care or on its waitlist)
    std::vector<std::uint64_t> stamp;    ///< seq of the youth's live event; others are stale
    std::vector<double> queued_at;       ///< day the youth asked for its current state
    std::vector<double> admitted_at;     ///< day the youth was admitted to it
    std::vector<std::uint64_t> birth;    ///< StreamKey::entity of the youth's own stream
    std::vector<std::uint32_t> draws;    ///< position in that stream
    std::vector<YouthId> free_slots;

    void reserve(std::size_t youths) {
        state.reserve(youths);
        stamp.reserve(youths);
        queued_at.reserve(youths);
        admitted_at.reserve(youths);
        birth.reserve(youths);
        draws.reserve(youths);
        free_slots.reserve(youths);
    }

    /// A slot for a new youth whose stream entity is `birth_key`.
    YouthId add(std::uint64_t birth_key) {
        if (!free_slots.empty()) {
            const YouthId id = free_slots.back();
            free_slots.pop_back();
            birth[index(id)] = birth_key;
            draws[index(id)] = 0;
            return id;  // old events of the slot carry old seqs, so they stay stale
        }
        if (state.size() > Event::max_subject) {
            throw std::length_error("more than 16,777,215 youths in the system at once");
        }
        const auto id = make_id<YouthId>(state.size());
        state.push_back(StateId::exit);
        stamp.push_back(0);
        queued_at.push_back(0.0);
        admitted_at.push_back(0.0);
        birth.push_back(birth_key);
        draws.push_back(0);
        return id;
    }

    void remove(YouthId id) {
        state[index(id)] = StateId::exit;
        free_slots.push_back(id);
    }

    /// Slots ever used (in the system or free).
    [[nodiscard]] std::size_t slots() const noexcept { return state.size(); }
};

}  // namespace careflow::sim
