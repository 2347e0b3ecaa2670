// YouthStore: the youths in the system, one compact record each, slots reused via a free list.
#pragma once

#include "sim/event.hpp"

#include <careflow/ids.hpp>

#include <cstdint>
#include <limits>
#include <stdexcept>
#include <vector>

namespace careflow::sim {

/// What a youth's live event will do when it fires.
enum class Outcome : std::uint8_t {
    transition,     ///< take transition `pending_transition` of the state
    completion,     ///< the length of stay ended: route by the state's `next`
    age_out,        ///< reached the state's max age (in care or waiting)
    re_entry,       ///< left care earlier and is referred again now
    recheck,        ///< entered a new age band: redraw the rate clocks
    waiting,        ///< waiting clock `pending_transition` of the awaited state's line
    come_back,      ///< gave up waiting earlier and is referred again now, to the state
                    ///< numbered `pending_transition`
};

/// One youth. A record (array of structures) rather than parallel arrays: every event of a
/// youth reads and writes most of these fields, and one 128-byte record is two cache lines
/// where twenty columns were twenty (measured: docs/PERFORMANCE.md).
struct Youth {
    static constexpr std::int32_t not_seen = -1;  ///< seen_year before any counted year
    static constexpr double never = std::numeric_limits<double>::infinity();

    double queued_at = 0.0;           ///< day the youth asked for its current state
    double admitted_at = 0.0;         ///< day the youth was admitted to it
    double born_at = -never;          ///< day of birth; -infinity for youths without age
    double fixed_at = never;          ///< earliest general (non-rate) clock of this stay
    std::uint64_t stamp = 0;          ///< seq of the youth's live event; others are stale
    std::uint64_t birth = 0;          ///< StreamKey::entity of the youth's own stream
    std::uint64_t ticket = 0;         ///< waitlist ticket while waiting, else 0
    std::uint64_t seen_states = 0;    ///< bit per state where it was a client this year
    std::uint32_t seen_segments = 0;  ///< bit per segment where it was a client this year
    std::int32_t seen_year = not_seen;  ///< year whose seen_* bits are current
    std::uint32_t draws = 0;          ///< position in its stream
    StateId state = StateId::exit;    ///< current state (in care or on its waitlist)
    StateId waiting_for = StateId::exit;  ///< in bridging care: the state awaited, else exit
    /// The state whose waitlist led to the current stay (bridging care, or the care an
    /// escalation out of a line bought), else exit: its cost is attributable to waiting.
    StateId waiting_cause = StateId::exit;
    std::uint16_t municipality = 0;   ///< index into Population::municipalities
    std::uint16_t pending_transition = 0;  ///< see Outcome
    std::uint16_t fixed_transition = 0;
    std::uint16_t episodes = 0;       ///< admissions to any state so far
    std::uint16_t placements = 0;     ///< admissions to out-of-home kinds so far
    std::uint16_t moves = 0;          ///< moves within a state so far
    std::uint16_t provider_slot = 0;  ///< in care: which of its state's providers (see
                                      ///< Simulation::ProviderSlot)
    Outcome pending = Outcome::completion;      ///< what the live event does
    Outcome fixed_outcome = Outcome::completion;
    std::uint8_t in_care = 0;         ///< 1 if admitted to its state, 0 if waiting
    std::uint8_t severity = 0;        ///< index into Population::severity_levels
    std::uint8_t guardian = 0;        ///< 1 under guardianship (voogdij)
    std::uint8_t substituted = 0;     ///< 1: redirected away from out-of-home care, not yet
                                      ///< admitted (earns a substitution bonus on admission)
};
static_assert(sizeof(Youth) <= 128);

/// All youth records, indexed by YouthId.
class YouthStore {
public:
    static constexpr double never = Youth::never;

    void reserve(std::size_t youths) {
        youths_.reserve(youths);
        free_slots_.reserve(youths);
    }

    [[nodiscard]] Youth& operator[](YouthId id) noexcept { return youths_[index(id)]; }
    [[nodiscard]] const Youth& operator[](YouthId id) const noexcept { return youths_[index(id)]; }
    [[nodiscard]] Youth& operator[](std::size_t i) noexcept { return youths_[i]; }
    [[nodiscard]] const Youth& operator[](std::size_t i) const noexcept { return youths_[i]; }

    /// A fresh record for a new youth whose stream entity is `birth_key`.
    YouthId add(std::uint64_t birth_key) {
        YouthId id{};
        if (!free_slots_.empty()) {
            id = free_slots_.back();
            free_slots_.pop_back();
        } else {
            if (youths_.size() > Event::max_subject) {
                throw std::length_error("more than 16,777,215 youths in the system at once");
            }
            id = make_id<YouthId>(youths_.size());
            youths_.emplace_back();
        }
        youths_[index(id)] = Youth{.birth = birth_key};
        return id;  // old events of a reused slot carry old seqs, so they stay stale
    }

    void remove(YouthId id) {
        Youth& y = youths_[index(id)];
        y.state = StateId::exit;
        y.in_care = 0;
        y.ticket = 0;
        y.waiting_for = StateId::exit;
        y.waiting_cause = StateId::exit;
        free_slots_.push_back(id);
    }

    /// Slots ever used (in the system or free).
    [[nodiscard]] std::size_t slots() const noexcept { return youths_.size(); }

private:
    std::vector<Youth> youths_;
    std::vector<YouthId> free_slots_;
};

}  // namespace careflow::sim
