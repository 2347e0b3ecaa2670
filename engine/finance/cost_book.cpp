// CostBook: the ledger's shape, the per-stay entry points and the bonuses paid per youth.
#include "finance/cost_book.hpp"

#include "model/random_stream.hpp"

#include <cassert>
#include <utility>

namespace careflow::finance {
namespace {

Ledger::Shape shape_of(const Model& model, const BillingCalendar& calendar,
                       const std::vector<std::size_t>& priced) {
    Ledger::Shape shape;
    shape.strategies = priced.size();
    shape.years = calendar.years();
    shape.states = model.states.size();
    shape.providers = model.providers.size();
    shape.municipalities = model.population.municipalities.size() + 1;
    for (const std::size_t s : priced) {
        shape.contracts_per_strategy.push_back(model.strategies[s].contracts.size());
    }
    return shape;
}

}  // namespace

CostBook::CostBook(const Model& model, const ContractTable& contracts, std::uint64_t seed,
                   std::uint32_t replication, std::vector<std::size_t> priced)
    : model_(model),
      contracts_(contracts),
      calendar_(model),
      seed_(seed),
      replication_(replication),
      priced_(std::move(priced)),
      ledger_(shape_of(model, calendar_, priced_)),
      prices_(model, priced_, calendar_.years()) {}

std::optional<CostBook::Terms> CostBook::terms_for(std::size_t slot, StateId state,
                                                   std::uint16_t provider) const noexcept {
    const std::int32_t i = contracts_.index_of(priced_[slot], state, provider);
    if (i < 0) return std::nullopt;
    const auto contract = static_cast<std::size_t>(i);
    return Terms{slot, contract, &model_.strategies[priced_[slot]].contracts[contract]};
}

// One uniform per stay, keyed by the youth's birth and positioned by its episode, shared by
// every slot: a strategy with more upcoding upcodes a superset of the stays another does.
double CostBook::upcoding_draw(const Stay& stay) const noexcept {
    const StreamKey key{seed_, replication_, Purpose::billing, stay.youth_key};
    return RandomStream(key, stay.episode).uniform();
}

void CostBook::price_stay(const Stay& stay) {
    assert(!closed_ && "CostBook::price_stay after close()");
    std::optional<double> u;  // drawn once, and only if some contract upcodes
    for (std::size_t slot = 0; slot < priced_.size(); ++slot) {
        const std::optional<Terms> t = terms_for(slot, stay.state, stay.provider);
        if (!t) continue;
        const double upcoding = t->contract_terms->behaviour.upcoding;
        if (upcoding > 0.0 && !u) u = upcoding_draw(stay);
        // A stay caused by waiting: what its billing adds to its cells is waiting's cost too.
        // Taking the cells before and adding them after keeps the per-piece booking lean.
        if (stay.waiting_cause != StateId::exit) move_cells_to_waiting(*t, stay, -1);
        bill(*t, stay, upcoding > 0.0 && *u < upcoding);
        if (stay.waiting_cause != StateId::exit) move_cells_to_waiting(*t, stay, +1);
    }
}

void CostBook::move_cells_to_waiting(const Terms& t, const Stay& stay, Cents sign) {
    for (std::size_t year = 0; year < calendar_.years(); ++year) {
        const Cents cells =
            ledger_.at(t.slot, year, stay.state, stay.provider, stay.municipality,
                       Component::care) +
            ledger_.at(t.slot, year, stay.state, stay.provider, stay.municipality,
                       Component::admin);
        ledger_.waiting_cost(t.slot, year, stay.waiting_cause) += sign * cells;
    }
}

void CostBook::substitution(const Stay& stay) {
    pay_bonus(stay, calendar_.day_of(stay.admitted_at), &YearAmounts::substitution_bonus);
}

// `back_at` may be +infinity (never back), which passes the test as it should.
void CostBook::left_care(const Stay& stay, double back_at) {
    constexpr double outcome_days = 365.0;
    if (!(back_at - stay.left_at >= outcome_days)) return;
    pay_bonus(stay, calendar_.day_of(stay.left_at) + 365, &YearAmounts::outcome_bonus);
}

/// Pays a per-youth bonus on billing `day`, in that day's year, under every slot whose
/// contract for the stay's care has one. Days outside the window pay nothing.
void CostBook::pay_bonus(const Stay& stay, std::int64_t day, Cents YearAmounts::*bonus) {
    if (day < 0 || day >= calendar_.days()) return;
    const std::size_t year = calendar_.year_of_day(day);
    for (std::size_t slot = 0; slot < priced_.size(); ++slot) {
        const std::optional<Terms> t = terms_for(slot, stay.state, stay.provider);
        if (!t) continue;
        const Cents amount = prices_.amounts(slot, t->contract, year).*bonus;
        if (amount == 0) continue;
        ledger_.at(slot, year, stay.state, stay.provider, stay.municipality,
                   Component::incentive) += amount;
    }
}

}  // namespace careflow::finance
