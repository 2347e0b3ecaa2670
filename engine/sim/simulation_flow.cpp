// The kernel's care flow: places and waitlists, the competing clocks of a stay, and leaving.
#include "sim/simulation.hpp"

#include "sim/sampling.hpp"

#include <algorithm>
#include <cmath>

namespace careflow::sim {
namespace {

constexpr int residual_life_tries = 100;

bool has_age(double born_at) { return std::isfinite(born_at); }

/// How much faster a clock of `type` runs under a provider's behaviour: a longer length of
/// stay slows completions, a step-down multiplier speeds step-downs.
double speed(const Behaviour& b, TransitionType type) {
    switch (type) {
        case TransitionType::completion: return 1.0 / b.length_of_stay;
        case TransitionType::step_down: return b.step_down;
        default: return 1.0;
    }
}

/// A duration from `d` that is longer than `elapsed_days`, minus the elapsed part: the rest of
/// a stay already under way. After many rejections the stay simply ends now.
double remaining_days(const Distribution& d, RandomStream& rng, double elapsed_days) {
    for (int i = 0; i < residual_life_tries; ++i) {
        const double total = sample_days(d, rng);
        if (total > elapsed_days) return total - elapsed_days;
    }
    return 0.0;
}

}  // namespace

void Simulation::enter(YouthId youth, StateId requested) {
    const StateId to = redirect(youth, requested);
    if (window_open_) report_.entered(to, year_);
    StateRuntime& state = states_[index(to)];
    const auto y = index(youth);
    state.tally.advance(clock_, state.occupied, state.waiting);
    youths_[y].state = to;
    youths_[y].queued_at = clock_;
    youths_[y].in_care = 0;
    const CareState& rules = model_.state(to);
    if (can_admit(to) || rules.never_waits) {
        if (state.occupied >= state.places && window_open_) report_.overflow(to, year_);
        admit(youth, to);
        return;
    }
    join_waitlist(youth, to);
}

/// Takes a place; the caller has advanced the state's tally to now.
void Simulation::admit(YouthId youth, StateId to) {
    StateRuntime& state = states_[index(to)];
    const auto y = index(youth);
    ++state.occupied;
    const bool from_line = youths_[y].ticket != 0;
    const double wait = clock_ - youths_[y].queued_at;
    state.tally.count_admission(wait);
    if (window_open_) report_.admission(youths_, youth, to, year_, wait);
    youths_[y].admitted_at = clock_;
    youths_[y].in_care = 1;
    youths_[y].ticket = 0;
    ++youths_[y].episodes;
    if (is_out_of_home(model_.state(to).kind)) ++youths_[y].placements;
    assign_provider(youth, to);
    if (from_line) end_wait(youth, to, true);
    if (youths_[y].substituted != 0) {
        youths_[y].substituted = 0;
        if (book_ && window_open_) book_->substitution(stay_of(youth, to, false));
    }
    schedule_stay_end(youth, to, true);
}

/// Frees the youth's place (counting the stay) and offers it to the next in line.
void Simulation::release_place(YouthId youth, StateId from) {
    StateRuntime& state = states_[index(from)];
    state.tally.advance(clock_, state.occupied, state.waiting);
    --state.occupied;
    const double stay = clock_ - youths_[index(youth)].admitted_at;
    state.tally.count_completion(stay);
    if (window_open_) report_.completion(from, year_, stay);
    bill_stay_end(youth, from);
    release_provider(youth, from);
    youths_[index(youth)].in_care = 0;
    youths_[index(youth)].waiting_cause = StateId::exit;  // billed with the stay just ended
    admit_next_waiting(from);
}

/// Offers free places to the waiting, most severe level first (one level if fifo).
void Simulation::admit_next_waiting(StateId at) {
    StateRuntime& state = states_[index(at)];
    for (std::size_t level = state.queues.size(); level-- > 0;) {
        FifoWaitlist& queue = state.queues[level];
        while (!queue.empty() && can_admit(at)) {
            const WaitEntry entry = queue.pop();
            const auto y = index(entry.youth);
            if (youths_[y].ticket != entry.ticket) continue;  // left the queue
            if (state.queues.size() > 1 && youths_[y].severity != level) continue;  // moved up
            --state.waiting;
            if (youths_[y].waiting_for == at) {  // from bridging care to the awaited place
                youths_[y].waiting_for = StateId::exit;
                release_place(entry.youth, youths_[y].state);
                youths_[y].state = at;
            }
            admit(entry.youth, at);
        }
    }
}

void Simulation::on_leave_state(const Event& ev) {
    const auto youth = make_id<YouthId>(ev.subject());
    const auto y = index(youth);
    const StateId from = youths_[y].state;
    switch (youths_[y].pending) {
        case Outcome::re_entry:
            if (window_open_) report_.re_entered(year_);
            enter(youth, model_.re_entry->to_by_severity[youths_[y].severity]);
            return;
        case Outcome::recheck:
            if (youths_[y].in_care != 0) {
                schedule_stay_end(youth, from, false);
            } else {
                schedule_wait_end(youth, from);
            }
            return;
        case Outcome::waiting: on_waiting_clock(youth); return;
        case Outcome::come_back: on_come_back(youth); return;
        case Outcome::age_out:
            if (youths_[y].in_care != 0) {
                stop_waiting_elsewhere(youth);
                release_place(youth, from);
            } else {
                leave_waitlist(youth, from);
            }
            if (window_open_) {
                report_.aged_out(from, year_);
                report_.exited(year_);
            }
            youths_.remove(youth);
            return;
        case Outcome::completion:
            leave(youth, from, draw_next_state(youth, from), TransitionType::completion);
            return;
        case Outcome::transition: break;
    }
    const Transition& t = model_.state(from).transitions[youths_[y].pending_transition];
    if (t.to != from) {
        leave(youth, from, t.to, t.type);
        return;
    }
    // A move to another place of the same kind (a new foster family): new clocks, but the same
    // stay in the state, so the length of stay still runs from the admission.
    if (window_open_) {
        report_.moved(from, year_);
        report_.left(from, year_, t.type);
    }
    ++youths_[y].moves;
    schedule_stay_end(youth, from, true);
}

void Simulation::leave_care(YouthId youth, StateId from) {
    if (window_open_) report_.exited(year_);
    const auto& re_entry = model_.re_entry;
    const finance::Stay stay = stay_of(youth, from, false);
    const bool billing = book_ && window_open_;
    if (!re_entry) {
        if (billing) book_->left_care(stay, Youth::never);
        youths_.remove(youth);
        return;
    }
    const auto y = index(youth);
    RandomStream rng = youth_stream(youth);
    const double share = re_entry->share * behaviour(youth, from).readmission;
    const bool returns = rng.uniform() < share;
    const double at_day = clock_ + rng.uniform() * re_entry->within_days;
    youths_[y].draws = rng.position();
    const bool too_old = past_leave_age(youth, at_day);
    if (billing) book_->left_care(stay, returns && !too_old ? at_day : Youth::never);
    if (!returns || too_old) {
        youths_.remove(youth);
        return;
    }
    youths_[y].state = StateId::exit;  // outside care, but remembered for its return
    youths_[y].in_care = 0;
    youths_[y].pending = Outcome::re_entry;
    youths_[y].stamp = queue_.push(at_day, EventKind::leave_state, static_cast<std::uint32_t>(y));
}

void Simulation::leave(YouthId youth, StateId from, StateId to, TransitionType type) {
    const StateId awaited = youths_[index(youth)].waiting_for;
    stop_waiting_elsewhere(youth);
    release_place(youth, from);
    // Escalating out of bridging care while waiting: the care it leads to is bought by the wait.
    if (type == TransitionType::escalation && awaited != StateId::exit) {
        youths_[index(youth)].waiting_cause = awaited;
    }
    if (window_open_) report_.left(from, year_, type);
    if (to == StateId::exit) {
        leave_care(youth, from);
    } else {
        enter(youth, to);
    }
}

/// Draws the clocks of a stay and schedules the earliest. A new stay draws its general
/// (duration) clocks afresh; a recheck keeps them and redraws only the rate clocks, which is
/// exact because exponential clocks are memoryless.
void Simulation::schedule_stay_end(YouthId youth, StateId at, bool new_stay,
                                   double elapsed_days) {
    const auto y = index(youth);
    const CareState& state = model_.state(at);
    RandomStream rng = youth_stream(youth);
    if (new_stay) {
        const Clock fixed = draw_fixed_clock(youth, state, rng, elapsed_days);
        youths_[y].fixed_at = fixed.at;
        youths_[y].fixed_outcome = fixed.outcome;
        youths_[y].fixed_transition = fixed.transition;
    }
    Clock best{youths_[y].fixed_at, youths_[y].fixed_outcome, youths_[y].fixed_transition};
    const Behaviour& conduct = behaviour(youth, at);
    for (std::size_t i = 0; i < state.transitions.size(); ++i) {
        const Transition& t = state.transitions[i];
        if (!t.rate_per_day) continue;
        double rate = *t.rate_per_day * rate_factor(youth, t) *
                      states_[index(at)].rate_factor[static_cast<std::size_t>(t.type)] *
                      speed(conduct, t.type);
        if (t.type == TransitionType::escalation && youths_[y].waiting_for != StateId::exit) {
            // Waiting in too-light care: escalation grows with the time waited.
            const double growth =
                model_.state(youths_[y].waiting_for).waitlist.escalation_growth_per_day;
            rate *= 1.0 + growth * (clock_ - youths_[y].queued_at);
        }
        if (rate <= 0.0) continue;
        const double at_day = clock_ - std::log1p(-rng.uniform()) / rate;
        if (at_day < best.at) best = {at_day, Outcome::transition, static_cast<std::uint16_t>(i)};
    }
    const StateId awaited = youths_[y].waiting_for;
    if (awaited != StateId::exit) draw_waiting_clocks(youth, awaited, true, rng, best);
    youths_[y].draws = rng.position();
    const bool age_dependent =
        states_[index(at)].rates_depend_on_age ||
        (awaited != StateId::exit && states_[index(awaited)].waiting_depends_on_age);
    add_age_clocks(youth, state, age_dependent, best);
    youths_[y].stamp = 0;  // whatever was pending before is stale now
    if (best.at == Youth::never) return;  // nothing ever ends this stay
    youths_[y].pending = best.outcome;
    youths_[y].pending_transition = best.transition;
    youths_[y].stamp = queue_.push(best.at, EventKind::leave_state, static_cast<std::uint32_t>(y));
}

Simulation::Clock Simulation::draw_fixed_clock(YouthId youth, const CareState& state,
                                               RandomStream& rng, double elapsed_days) const {
    Clock earliest;
    const Behaviour& conduct = behaviour(youth, youths_[index(youth)].state);
    if (state.length_of_stay) {
        earliest = {clock_ + remaining_days(*state.length_of_stay, rng, elapsed_days) /
                                 speed(conduct, TransitionType::completion),
                    Outcome::completion, 0};
    }
    for (std::size_t i = 0; i < state.transitions.size(); ++i) {
        const Transition& t = state.transitions[i];
        if (!t.after) continue;
        // A factor of 2 halves the duration.
        const double pace = rate_factor(youth, t) * speed(conduct, t.type);
        if (pace <= 0.0) continue;
        const double at_day = clock_ + remaining_days(*t.after, rng, elapsed_days) / pace;
        if (at_day < earliest.at) {
            earliest = {at_day, Outcome::transition, static_cast<std::uint16_t>(i)};
        }
    }
    return earliest;
}

double Simulation::rate_factor(YouthId youth, const Transition& t) const noexcept {
    const auto y = index(youth);
    double factor = t.severity_factor[youths_[y].severity];
    if (youths_[y].guardian != 0) factor *= t.guardianship_factor;
    factor *= t.age_band_factor[age_band(youth)];
    return factor;
}

std::size_t Simulation::age_band(YouthId youth) const noexcept {
    if (!has_age(youths_[index(youth)].born_at)) return 0;  // counted in the first band
    const auto& bands = model_.population.age_band_lower_years;
    const auto above = static_cast<std::size_t>(
        std::upper_bound(bands.begin(), bands.end(), age_years(youth)) - bands.begin());
    return above == 0 ? 0 : above - 1;
}

void Simulation::add_age_clocks(YouthId youth, const CareState& state, bool age_dependent,
                                Clock& best) const noexcept {
    const Youth& y = youths_[index(youth)];
    if (!has_age(y.born_at)) return;
    const double age_out_at = y.born_at + state.max_age_years * days_per_year;
    if (age_out_at < best.at) best = {std::max(age_out_at, clock_), Outcome::age_out, 0};
    if (!age_dependent) return;
    const auto& bands = model_.population.age_band_lower_years;
    const std::size_t next_band = age_band(youth) + 1;
    if (next_band >= bands.size()) return;
    const double band_at = y.born_at + bands[next_band] * days_per_year;
    if (band_at > clock_ && band_at < best.at) best = {band_at, Outcome::recheck, 0};
}

bool Simulation::past_leave_age(YouthId youth, double day) const noexcept {
    const double born_at = youths_[index(youth)].born_at;
    return has_age(born_at) && day >= born_at + model_.population.leave_age_years * days_per_year;
}

double Simulation::age_years(YouthId youth) const noexcept {
    return (clock_ - youths_[index(youth)].born_at) / days_per_year;
}

RandomStream Simulation::youth_stream(YouthId youth) const noexcept {
    StreamKey key = youth_key_;
    key.entity = youths_[index(youth)].birth;
    return RandomStream(key, youths_[index(youth)].draws);
}

StateId Simulation::draw_next_state(YouthId youth, StateId from) {
    RandomStream rng = youth_stream(youth);
    const StateId next = routes_.pick(from, rng.uniform());
    youths_[index(youth)].draws = rng.position();
    return next;
}

}  // namespace careflow::sim
