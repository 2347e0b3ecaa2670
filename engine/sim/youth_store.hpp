// YouthStore: the youths in the system as parallel arrays, slots reused through a free list.
#pragma once

#include "sim/event.hpp"

#include <careflow/ids.hpp>

#include <cstdint>
#include <limits>
#include <stdexcept>
#include <vector>

namespace careflow::sim {

/// What a youth's live event will do when it fires.
enum class Outcome : std::uint16_t {
    transition,     ///< take transition `pending_transition` of the state
    completion,     ///< the length of stay ended: route by the state's `next`
    age_out,        ///< reached the state's max age (in care or waiting)
    renege,         ///< gave up waiting (or found other help) and left
    re_entry,       ///< left care earlier and is referred again now
    recheck,        ///< entered a new age band: redraw the rate clocks
};

/// Structure of arrays indexed by YouthId. Handlers touch only the columns they need.
struct YouthStore {
    static constexpr std::int32_t not_seen = -1;  ///< seen_year before any counted year
    static constexpr double never = std::numeric_limits<double>::infinity();

    std::vector<StateId> state;          ///< current state (in care or on its waitlist)
    std::vector<std::uint64_t> stamp;    ///< seq of the youth's live event; others are stale
    std::vector<double> queued_at;       ///< day the youth asked for its current state
    std::vector<double> admitted_at;     ///< day the youth was admitted to it
    std::vector<std::uint64_t> birth;    ///< StreamKey::entity of the youth's own stream
    std::vector<std::uint32_t> draws;    ///< position in that stream
    std::vector<std::uint8_t> in_care;   ///< 1 if admitted to its state, 0 if waiting
    std::vector<std::uint64_t> ticket;   ///< waitlist ticket while waiting, else 0
    std::vector<StateId> waiting_for;    ///< in bridging care: the state awaited, else exit
    std::vector<std::uint8_t> severity;  ///< index into Population::severity_levels
    std::vector<std::uint8_t> guardian;  ///< 1 under guardianship (voogdij)
    std::vector<std::uint16_t> municipality;  ///< index into Population::municipalities
    std::vector<std::uint16_t> episodes;      ///< admissions to any state so far
    std::vector<std::uint16_t> placements;    ///< admissions to out-of-home kinds so far
    std::vector<std::uint16_t> moves;         ///< moves within a state so far
    std::vector<double> born_at;         ///< day of birth; -infinity for youths without age
    std::vector<Outcome> pending;        ///< what the live event does
    std::vector<std::uint16_t> pending_transition;
    std::vector<double> fixed_at;        ///< earliest general (non-rate) clock of this stay
    std::vector<Outcome> fixed_outcome;
    std::vector<std::uint16_t> fixed_transition;
    std::vector<std::int32_t> seen_year; ///< year whose seen_* bits are current
    std::vector<std::uint64_t> seen_states;    ///< bit per state where it was a client
    std::vector<std::uint32_t> seen_segments;  ///< bit per segment where it was a client
    std::vector<YouthId> free_slots;

    void reserve(std::size_t youths) {
        for_each_column([youths](auto& column) { column.reserve(youths); });
        free_slots.reserve(youths);
    }

    /// A slot for a new youth whose stream entity is `birth_key`; other columns reset.
    YouthId add(std::uint64_t birth_key) {
        YouthId id{};
        if (!free_slots.empty()) {
            id = free_slots.back();
            free_slots.pop_back();
        } else {
            if (state.size() > Event::max_subject) {
                throw std::length_error("more than 16,777,215 youths in the system at once");
            }
            id = make_id<YouthId>(state.size());
            for_each_column([](auto& column) { column.emplace_back(); });
        }
        reset(index(id), birth_key);
        return id;  // old events of a reused slot carry old seqs, so they stay stale
    }

    void remove(YouthId id) {
        state[index(id)] = StateId::exit;
        in_care[index(id)] = 0;
        ticket[index(id)] = 0;
        waiting_for[index(id)] = StateId::exit;
        free_slots.push_back(id);
    }

    /// Slots ever used (in the system or free).
    [[nodiscard]] std::size_t slots() const noexcept { return state.size(); }

private:
    template <typename F>
    void for_each_column(F f) {
        f(state), f(stamp), f(queued_at), f(admitted_at), f(birth), f(draws), f(in_care);
        f(ticket), f(waiting_for), f(severity), f(guardian), f(municipality), f(born_at);
        f(pending), f(episodes), f(placements), f(moves);
        f(pending_transition);
        f(fixed_at), f(fixed_outcome), f(fixed_transition), f(seen_year), f(seen_states);
        f(seen_segments);
    }

    void reset(std::size_t i, std::uint64_t birth_key) {
        state[i] = StateId::exit;
        birth[i] = birth_key;
        draws[i] = 0;
        in_care[i] = 0;
        ticket[i] = 0;
        waiting_for[i] = StateId::exit;
        severity[i] = 0;
        guardian[i] = 0;
        municipality[i] = 0;
        episodes[i] = 0;
        placements[i] = 0;
        moves[i] = 0;
        born_at[i] = -never;
        fixed_at[i] = never;
        seen_year[i] = not_seen;
    }
};

}  // namespace careflow::sim
