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
    static constexpr std::int32_t not_seen = -1;  ///< seen_year before any counted year

    std::vector<StateId> state;          ///< current state (in care or on its waitlist)
    std::vector<std::uint64_t> stamp;    ///< seq of the youth's live event; others are stale
    std::vector<double> queued_at;       ///< day the youth asked for its current state
    std::vector<double> admitted_at;     ///< day the youth was admitted to it
    std::vector<std::uint64_t> birth;    ///< StreamKey::entity of the youth's own stream
    std::vector<std::uint32_t> draws;    ///< position in that stream
    std::vector<std::uint8_t> in_care;   ///< 1 if admitted to its state, 0 if waiting
    std::vector<std::int32_t> seen_year; ///< year whose seen_* bits are current
    std::vector<std::uint64_t> seen_states;    ///< bit per state where it was a client
    std::vector<std::uint32_t> seen_segments;  ///< bit per segment where it was a client
    std::vector<YouthId> free_slots;

    void reserve(std::size_t youths) {
        state.reserve(youths);
        stamp.reserve(youths);
        queued_at.reserve(youths);
        admitted_at.reserve(youths);
        birth.reserve(youths);
        draws.reserve(youths);
        in_care.reserve(youths);
        seen_year.reserve(youths);
        seen_states.reserve(youths);
        seen_segments.reserve(youths);
        free_slots.reserve(youths);
    }

    /// A slot for a new youth whose stream entity is `birth_key`.
    YouthId add(std::uint64_t birth_key) {
        if (!free_slots.empty()) {
            const YouthId id = free_slots.back();
            free_slots.pop_back();
            const auto i = index(id);
            birth[i] = birth_key;
            draws[i] = 0;
            in_care[i] = 0;
            seen_year[i] = not_seen;
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
        in_care.push_back(0);
        seen_year.push_back(not_seen);
        seen_states.push_back(0);
        seen_segments.push_back(0);
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
