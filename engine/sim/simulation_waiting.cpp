// The kernel's waitlists: joining and leaving a line, bridging care, the competing clocks that
// run while a youth waits (deterioration, escalation out of the line, giving up and coming
// back, recovery), and the accounts of every wait (youth-days, over the norm, its price).
#include "sim/simulation.hpp"

#include "sim/sampling.hpp"

#include <algorithm>
#include <cmath>

namespace careflow::sim {

void Simulation::join_waitlist(YouthId youth, StateId to) {
    StateRuntime& state = states_[index(to)];
    const auto y = index(youth);
    youths_[y].ticket = next_ticket_++;
    const std::size_t level = state.queues.size() == 1 ? 0 : youths_[y].severity;
    state.queues[level].push({youth, youths_[y].ticket});
    ++state.waiting;
    if (model_.state(to).waitlist.bridging && try_bridging(youth, to)) return;
    schedule_wait_end(youth, to);
}

/// The youth leaves the waitlist of `at` without care; its queue entry is skipped later.
void Simulation::leave_waitlist(YouthId youth, StateId at) {
    StateRuntime& state = states_[index(at)];
    state.tally.advance(clock_, state.occupied, state.waiting);
    --state.waiting;
    end_wait(youth, at, false);
    youths_[index(youth)].ticket = 0;
}

/// Places a youth waiting for `awaited` in its bridging state, if that has room. The youth
/// stays on the waitlist; its queued_at keeps counting the wait.
bool Simulation::try_bridging(YouthId youth, StateId awaited) {
    const StateId bridge = *model_.state(awaited).waitlist.bridging;
    StateRuntime& state = states_[index(bridge)];
    if (!can_admit(bridge)) return false;
    const auto y = index(youth);
    state.tally.advance(clock_, state.occupied, state.waiting);
    youths_[y].waiting_for = awaited;
    youths_[y].waiting_cause = awaited;  // bridging care is a cost of the wait
    youths_[y].state = bridge;
    const double waiting_since = youths_[y].queued_at;
    const std::uint64_t ticket = youths_[y].ticket;
    youths_[y].queued_at = clock_;  // no wait for the bridging place itself
    youths_[y].ticket = 0;          // nor a line: the admission ends no wait
    admit(youth, bridge);
    youths_[y].queued_at = waiting_since;  // admit() closed both; the wait for `awaited` goes on
    youths_[y].ticket = ticket;
    if (window_open_) report_.bridged(awaited, year_);
    return true;
}

/// A youth in bridging care that leaves it (escalation, ageing out) gives up its place in line.
void Simulation::stop_waiting_elsewhere(YouthId youth) {
    const auto y = index(youth);
    const StateId awaited = youths_[y].waiting_for;
    if (awaited == StateId::exit) return;
    leave_waitlist(youth, awaited);
    youths_[y].waiting_for = StateId::exit;
}

/// Escalation in bridging care grows with the time waited: redraw those clocks monthly.
void Simulation::recheck_bridging() {
    if (!any_bridging_) return;
    for (std::size_t y = 0; y < youths_.slots(); ++y) {
        if (youths_[y].waiting_for == StateId::exit) continue;
        schedule_stay_end(make_id<YouthId>(y), youths_[y].state, false);
    }
}

/// While waiting without care, the earliest of the line's clocks and ageing out is scheduled.
void Simulation::schedule_wait_end(YouthId youth, StateId at) {
    const auto y = index(youth);
    Clock best;
    if (!model_.state(at).waitlist.clocks.empty()) {
        RandomStream rng = youth_stream(youth);
        draw_waiting_clocks(youth, at, false, rng, best);
        youths_[y].draws = rng.position();
    }
    add_age_clocks(youth, model_.state(at), states_[index(at)].waiting_depends_on_age, best);
    youths_[y].stamp = 0;  // whatever was pending before is stale now
    if (best.at == Youth::never) return;
    youths_[y].pending = best.outcome;
    youths_[y].pending_transition = best.transition;
    youths_[y].stamp = queue_.push(best.at, EventKind::leave_state, static_cast<std::uint32_t>(y));
}

double Simulation::waiting_rate(YouthId youth, const WaitingClock& c, bool bridged,
                                std::size_t band) const noexcept {
    const Youth& y = youths_[index(youth)];
    const std::size_t top_level = model_.population.severity_levels.size() - 1;
    if (c.event == WaitingEvent::deterioration && y.severity >= top_level) return 0.0;
    double rate = c.rate_per_day * c.severity_factor[y.severity] * c.age_band_factor[band];
    if (bridged) rate *= c.bridging_factor;
    return rate > 0.0 ? rate : 0.0;
}

// The clocks' hazards r_i (1 + g_i w) add up to R (1 + G w), R = sum r_i, G = sum r_i g_i / R:
// one draw gives the first event of them all (exactly, growth included), a second picks which
// clock it was, with probability r_i (1 + g_i w) / (R (1 + G w)) at that moment. Two draws
// instead of one per clock; with a single live clock only the first, so a lone renege clock
// draws what `renege_per_year` always drew.
void Simulation::draw_waiting_clocks(YouthId youth, StateId awaited, bool bridged,
                                     RandomStream& rng, Clock& best) const {
    const auto& clocks = model_.state(awaited).waitlist.clocks;
    const std::size_t band = age_band(youth);
    double total = 0.0;
    double total_growth = 0.0;
    std::size_t live = 0;
    std::size_t last_live = 0;
    for (std::size_t i = 0; i < clocks.size(); ++i) {
        const double rate = waiting_rate(youth, clocks[i], bridged, band);
        if (rate <= 0.0) continue;
        total += rate;
        total_growth += rate * clocks[i].growth_per_day;
        ++live;
        last_live = i;
    }
    if (live == 0) return;
    const double waited = clock_ - youths_[index(youth)].queued_at;
    const double e = -std::log1p(-rng.uniform());
    const double at = clock_ + growing_hazard_days(total, total_growth / total, waited, e);
    const double waited_then = waited + (at - clock_);
    std::size_t chosen = last_live;  // also where rounding leaves the pick past the end
    if (live > 1) {
        double pick = rng.uniform() * (total + total_growth * waited_then);
        for (std::size_t i = 0; i < last_live; ++i) {
            const WaitingClock& c = clocks[i];
            pick -= waiting_rate(youth, c, bridged, band) * (1.0 + c.growth_per_day * waited_then);
            if (pick < 0.0) {
                chosen = i;
                break;
            }
        }
    }
    if (at < best.at) best = {at, Outcome::waiting, static_cast<std::uint16_t>(chosen)};
}

void Simulation::on_waiting_clock(YouthId youth) {
    const auto y = index(youth);
    const bool bridged = youths_[y].in_care != 0;
    const StateId awaited = bridged ? youths_[y].waiting_for : youths_[y].state;
    const WaitingClock& clock =
        model_.state(awaited).waitlist.clocks[youths_[y].pending_transition];
    switch (clock.event) {
        case WaitingEvent::deterioration:
            deteriorate(youth, awaited);
            if (bridged) {
                schedule_stay_end(youth, youths_[y].state, false);
            } else {
                schedule_wait_end(youth, awaited);
            }
            return;
        case WaitingEvent::escalation:
            if (window_open_) report_.waiting_event(awaited, year_, clock.event);
            leave_line(youth, awaited);
            youths_[y].waiting_cause = awaited;  // the care it escalates to is bought by the wait
            enter(youth, clock.to);
            return;
        case WaitingEvent::renege: give_up(youth, awaited, clock); return;
        case WaitingEvent::recovery:
            if (window_open_) {
                report_.waiting_event(awaited, year_, clock.event);
                report_.exited(year_);
            }
            leave_line(youth, awaited);
            youths_.remove(youth);
            return;
    }
}

/// Severity rises a level: later routing, priority, stays and prices follow it. In a priority
/// line the youth moves to its new level, placed by the time it has waited.
void Simulation::deteriorate(YouthId youth, StateId awaited) {
    const auto y = index(youth);
    ++youths_[y].severity;
    if (window_open_) report_.waiting_event(awaited, year_, WaitingEvent::deterioration);
    StateRuntime& line = states_[index(awaited)];
    if (line.queues.size() > 1) {
        line.queues[youths_[y].severity].insert_by_ticket({youth, youths_[y].ticket});
    }
}

void Simulation::leave_line(YouthId youth, StateId awaited) {
    const auto y = index(youth);
    if (youths_[y].in_care == 0) {
        leave_waitlist(youth, awaited);
        return;
    }
    const StateId bridge = youths_[y].state;
    stop_waiting_elsewhere(youth);
    release_place(youth, bridge);
}

/// The family gives up (or finds help elsewhere): the youth leaves care, and a share come back
/// later, referred again with their severity shifted.
void Simulation::give_up(YouthId youth, StateId awaited, const WaitingClock& clock) {
    const auto y = index(youth);
    if (window_open_) {
        report_.reneged(awaited, year_);
        report_.exited(year_);
    }
    leave_line(youth, awaited);
    if (!clock.comes_back) {
        youths_.remove(youth);
        return;
    }
    const ComeBack& back = *clock.comes_back;
    RandomStream rng = youth_stream(youth);
    const bool returns = rng.uniform() < back.share;
    const double at_day = returns ? clock_ + sample_days(back.after, rng) : Youth::never;
    youths_[y].draws = rng.position();
    if (!returns || past_leave_age(youth, at_day)) {
        youths_.remove(youth);
        return;
    }
    const int levels = static_cast<int>(model_.population.severity_levels.size());
    youths_[y].severity = static_cast<std::uint8_t>(
        std::clamp(int{youths_[y].severity} + back.severity_shift, 0, levels - 1));
    youths_[y].state = StateId::exit;  // outside care, but remembered for its return
    youths_[y].waiting_cause = StateId::exit;
    youths_[y].pending = Outcome::come_back;
    youths_[y].pending_transition = static_cast<std::uint16_t>(index(back.to.value_or(awaited)));
    youths_[y].stamp = queue_.push(at_day, EventKind::leave_state, static_cast<std::uint32_t>(y));
}

void Simulation::on_come_back(YouthId youth) {
    const auto to = make_id<StateId>(youths_[index(youth)].pending_transition);
    if (window_open_) report_.came_back(to, year_);
    enter(youth, to);
}

void Simulation::end_wait(YouthId youth, StateId awaited, bool admitted) {
    const Youth& y = youths_[index(youth)];
    report_.waited(awaited, y.queued_at, clock_);
    if (!book_) return;
    const auto& slots = states_[index(awaited)].providers;
    std::uint16_t provider = 0;  // the first provider of the state, unless one admitted it
    if (!slots.empty()) provider = slots[admitted ? y.provider_slot : 0].provider;
    book_->price_wait({.state = awaited,
                       .provider = provider,
                       .municipality = y.municipality,
                       .severity = y.severity,
                       .episode = y.episodes,
                       .youth_key = y.birth,
                       .admitted_at = y.queued_at,
                       .left_at = clock_});
}

/// At the window's end, the waits still under way are counted up to it (and priced).
void Simulation::close_open_waits() {
    for (std::size_t y = 0; y < youths_.slots(); ++y) {
        const Youth& youth = youths_[y];
        if (youth.ticket == 0 || youth.state == StateId::exit) continue;
        const StateId awaited = youth.in_care != 0 ? youth.waiting_for : youth.state;
        end_wait(make_id<YouthId>(y), awaited, false);
    }
}

}  // namespace careflow::sim
