// Small hand-made Models for the pricing tests: states, providers, municipalities, a dated
// window and the strategies under test, plus a CostBook that owns what it refers to.
#pragma once

#include "finance/contract_table.hpp"
#include "finance/cost_book.hpp"

#include <careflow/model.hpp>

#include <cstdint>
#include <optional>
#include <ostream>
#include <string>
#include <utility>
#include <vector>

namespace careflow::finance {

inline void PrintTo(const ContractYear& y, std::ostream* out) {
    *out << "{full_price " << y.full_price << ", billed " << y.billed << ", unpaid " << y.unpaid
         << ", care_days " << y.care_days << ", claims " << y.claims << ", arrangements "
         << y.arrangements << '}';
}

}  // namespace careflow::finance

namespace careflow::finance::testing {

inline constexpr StateId s0 = make_id<StateId>(0);
inline constexpr StateId s1 = make_id<StateId>(1);

struct ModelSpec {
    std::size_t states = 1;
    std::size_t providers = 1;
    std::size_t municipalities = 0;
    std::size_t levels = 1;  ///< severity levels
    double warmup_days = 0.0;
    double horizon_days = 366.0;  ///< 2020 is a leap year: 366 days
    std::optional<Date> start = Date{2020, 1, 1};
};

inline Model make_model(const ModelSpec& spec, std::vector<Strategy> strategies) {
    Model m;
    for (std::size_t s = 0; s < spec.states; ++s) {
        m.states.emplace_back();
        m.states.back().name = "state" + std::to_string(s);
    }
    for (std::size_t p = 0; p < spec.providers; ++p) {
        m.providers.push_back(Provider{"provider" + std::to_string(p)});
        for (std::size_t s = 0; s < spec.states; ++s) {
            m.deliveries.push_back({static_cast<std::uint16_t>(p), make_id<StateId>(s),
                                    1.0 / static_cast<double>(spec.providers)});
        }
    }
    m.population.severity_levels.assign(spec.levels, "level");
    for (std::size_t i = 0; i < spec.municipalities; ++i) {
        m.population.municipalities.push_back("municipality" + std::to_string(i));
    }
    m.strategies = std::move(strategies);
    m.run.warmup_days = spec.warmup_days;
    m.run.horizon_days = spec.horizon_days;
    m.calendar = make_calendar(spec.start, spec.warmup_days, spec.horizon_days);
    return m;
}

inline Contract contract(Scheme scheme, std::vector<Cents> prices, StateId state = s0,
                         std::uint16_t provider = 0) {
    Contract c;
    c.scheme = scheme;
    c.price_by_level = std::move(prices);
    c.state = state;
    c.provider = provider;
    return c;
}

inline Strategy strategy(std::vector<Contract> contracts, double indexation = 0.0) {
    Strategy s;
    s.name = "strategy";
    s.indexation_per_year = indexation;
    s.contracts = std::move(contracts);
    return s;
}

/// A stay from simulation time `from` to `to` (closed: it ended at `to`).
inline Stay stay(double from, double to, StateId state = s0, std::uint16_t municipality = 0,
                 std::uint8_t severity = 0) {
    Stay s;
    s.state = state;
    s.municipality = municipality;
    s.severity = severity;
    s.admitted_at = from;
    s.left_at = to;
    return s;
}

/// A model, its contract table and a cost book over it, kept together so references hold.
class PricedModel {
public:
    explicit PricedModel(Model model, std::vector<std::size_t> priced = {0},
                         std::uint64_t seed = 1)
        : model_(std::move(model)), table_(model_), book_(model_, table_, seed, 0, priced) {}

    CostBook& book() noexcept { return book_; }
    const Ledger& ledger() const noexcept { return book_.ledger(); }
    const Model& model() const noexcept { return model_; }

    /// Prices every stay, closes the book, and returns the ledger.
    const Ledger& price(const std::vector<Stay>& stays) {
        for (const Stay& s : stays) book_.price_stay(s);
        book_.close();
        return book_.ledger();
    }

private:
    Model model_;
    ContractTable table_;
    CostBook book_;
};

/// One component summed over every state, provider and municipality of a slot and year.
inline Cents component_total(const Ledger& ledger, std::size_t slot, std::size_t year,
                             Component component) {
    Cents sum = 0;
    const Ledger::Shape& shape = ledger.shape();
    for (std::size_t s = 0; s < shape.states; ++s) {
        for (std::size_t p = 0; p < shape.providers; ++p) {
            for (std::size_t m = 0; m < shape.municipalities; ++m) {
                sum += ledger.at(slot, year, make_id<StateId>(s), p, m, component);
            }
        }
    }
    return sum;
}

/// A contract-year as a test writes it down.
inline ContractYear contract_year(Cents full_price, Cents billed, std::int64_t care_days,
                                  std::int64_t claims, std::int64_t arrangements = 0) {
    return {full_price, billed, full_price - billed, care_days, claims, arrangements};
}

inline Cents care(const Ledger& ledger, std::size_t slot = 0, std::size_t year = 0) {
    return component_total(ledger, slot, year, Component::care);
}

}  // namespace careflow::finance::testing
