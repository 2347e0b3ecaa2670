// The kernel's procurement: which provider admits a youth, the admission gates a governing
// strategy sets (places a lump sum funds, ceilings that stop admissions), its behaviour
// multipliers, and handing finished stays to the cost book.
#include "sim/simulation.hpp"

#include <cmath>

namespace careflow::sim {
namespace {

const Behaviour neutral_behaviour{};

}  // namespace

void Simulation::set_up_providers(const Pass& pass) {
    if (model_.deliveries.empty()) return;
    for (const Delivery& d : model_.deliveries) {
        states_[index(d.state)].providers.push_back({.provider = d.provider, .share = d.share});
    }
    if (pass.governing && pass.contracts) {
        const std::size_t g = *pass.governing;
        for (std::size_t s = 0; s < states_.size(); ++s) {
            for (ProviderSlot& slot : states_[s].providers) {
                const Contract* c = pass.contracts->find(g, make_id<StateId>(s), slot.provider);
                if (c == nullptr) continue;
                slot.behaviour = c->behaviour;
                if (const auto funded = c->funded_places()) slot.funded = *funded;
                if (c->ceiling && c->ceiling->rule == CeilingRule::stop_admissions) {
                    slot.ceiling.emplace(*c, model_.strategies[g]);
                    any_ceiling_ = true;
                }
                states_[s].gated = states_[s].gated || slot.ceiling || slot.funded != UINT32_MAX;
            }
        }
    }
    if (pass.contracts && !pass.priced.empty()) {
        book_ = std::make_unique<finance::CostBook>(model_, *pass.contracts, youth_key_.seed,
                                                    youth_key_.replication, pass.priced);
    }
}

bool Simulation::can_admit(StateId state) noexcept {
    const StateRuntime& runtime = states_[index(state)];
    return runtime.occupied < runtime.places && (!runtime.gated || any_provider_admits(state));
}

bool Simulation::provider_admits(const ProviderSlot& slot) const noexcept {
    if (slot.occupied >= slot.funded) return false;
    if (!slot.ceiling || !window_open_) return true;  // no ceilings in the warm-up
    return slot.ceiling->below_ceiling(clock_);
}

bool Simulation::any_provider_admits(StateId state) const noexcept {
    for (const ProviderSlot& slot : states_[index(state)].providers) {
        if (provider_admits(slot)) return true;
    }
    return false;
}

/// One uniform from the youth's provider stream (keyed by its birth, positioned by its
/// episode), so the choice leaves the youth's own draws alone: variants keep common random
/// numbers. Providers that do not admit now are skipped and the shares of the rest rescaled;
/// if none admits (crisis overflow, initial stock) the plain shares decide.
void Simulation::assign_provider(YouthId youth, StateId state) {
    auto& slots = states_[index(state)].providers;
    if (slots.empty()) return;
    const auto y = index(youth);
    std::uint16_t chosen = 0;
    if (slots.size() > 1) {
        StreamKey key = youth_key_;
        key.purpose = Purpose::provider;
        key.entity = youths_[y].birth;
        const double u = RandomStream(key, youths_[y].episodes).uniform();
        const bool gated = states_[index(state)].gated;
        double open_share = 0.0;
        for (const ProviderSlot& slot : slots) {
            if (!gated || provider_admits(slot)) open_share += slot.share;
        }
        const bool any_open = open_share > 0.0;
        if (!any_open) {
            for (const ProviderSlot& slot : slots) open_share += slot.share;
        }
        double cumulative = 0.0;
        chosen = static_cast<std::uint16_t>(slots.size() - 1);
        for (std::size_t i = 0; i < slots.size(); ++i) {
            if (any_open && gated && !provider_admits(slots[i])) continue;
            cumulative += slots[i].share;
            if (u * open_share < cumulative) {
                chosen = static_cast<std::uint16_t>(i);
                break;
            }
        }
    }
    youths_[y].provider_slot = chosen;
    ProviderSlot& slot = slots[chosen];
    ++slot.occupied;
    if (slot.ceiling && window_open_) slot.ceiling->admit(youths_[y].severity, clock_);
}

void Simulation::release_provider(YouthId youth, StateId state) {
    auto& slots = states_[index(state)].providers;
    if (slots.empty()) return;
    const auto y = index(youth);
    ProviderSlot& slot = slots[youths_[y].provider_slot];
    --slot.occupied;
    if (!slot.ceiling || !window_open_) return;
    const double since = std::max(youths_[y].admitted_at, year_start_);
    slot.ceiling->release(youths_[y].severity, since, clock_);
}

/// A new year (or the window's start): ceilings count afresh, from the care under way now.
void Simulation::restart_ceiling_year() {
    if (!any_ceiling_) return;
    for (StateRuntime& state : states_) {
        for (ProviderSlot& slot : state.providers) {
            if (slot.ceiling) slot.ceiling->start_year(year_);
        }
    }
    for (std::size_t y = 0; y < youths_.slots(); ++y) {
        const Youth& youth = youths_[y];
        if (youth.state == StateId::exit || youth.in_care == 0) continue;
        auto& slots = states_[index(youth.state)].providers;
        if (slots.empty()) continue;
        ProviderSlot& slot = slots[youth.provider_slot];
        if (slot.ceiling) slot.ceiling->resume(youth.severity, clock_);
    }
    for (std::size_t s = 0; s < states_.size(); ++s) {
        if (states_[s].gated) admit_next_waiting(make_id<StateId>(s));
    }
}

const Behaviour& Simulation::behaviour(YouthId youth, StateId state) const noexcept {
    const auto& slots = states_[index(state)].providers;
    const auto y = index(youth);
    if (slots.empty()) return neutral_behaviour;  // callers ask only about a stay they know
    return slots[youths_[y].provider_slot].behaviour;
}

finance::Stay Simulation::stay_of(YouthId youth, StateId state, bool open) const noexcept {
    const Youth& y = youths_[index(youth)];
    const auto& slots = states_[index(state)].providers;
    return {.state = state,
            .provider = slots.empty() ? std::uint16_t{0} : slots[y.provider_slot].provider,
            .municipality = y.municipality,
            .severity = y.severity,
            .episode = y.episodes,
            .youth_key = y.birth,
            .admitted_at = y.admitted_at,
            .left_at = clock_,
            .open = open,
            .waiting_cause = y.waiting_cause};
}

/// A stay that ends in the window is priced now; one that ended in the warm-up bills nothing.
void Simulation::bill_stay_end(YouthId youth, StateId state) {
    if (book_ && window_open_) book_->price_stay(stay_of(youth, state, false));
}

void Simulation::bill_open_stays() {
    if (!book_) return;
    for (std::size_t y = 0; y < youths_.slots(); ++y) {
        const Youth& youth = youths_[y];
        if (youth.state == StateId::exit || youth.in_care == 0) continue;
        book_->price_stay(stay_of(make_id<YouthId>(y), youth.state, true));
    }
    book_->close();
}

}  // namespace careflow::sim
