// PriceTable: indexation of tariffs, budgets, ceilings and bonuses, year by year.
#include "finance/price_table.hpp"

#include "finance/indexation.hpp"

#include <algorithm>
#include <cmath>

namespace careflow::finance {
namespace {

YearAmounts indexed_amounts(const Contract& c, long double factor) {
    YearAmounts a;
    a.admin_per_claim = indexed(c.admin_per_claim, factor);
    a.waiting_price = indexed(c.waiting_price, factor);
    a.admin_per_contract_year = indexed(c.admin_per_contract_year, factor);
    a.substitution_bonus = indexed(c.substitution_bonus, factor);
    a.outcome_bonus = indexed(c.outcome_bonus, factor);
    a.budget = indexed(c.budget_per_year, factor);
    if (c.ceiling) a.ceiling = indexed(c.ceiling->per_year, factor);
    if (c.shared_savings) a.baseline = indexed(c.shared_savings->baseline_per_year, factor);
    return a;
}

}  // namespace

PriceTable::PriceTable(const Model& model, const std::vector<std::size_t>& priced,
                       std::size_t years)
    : years_(years) {
    for (const std::size_t s : priced) {
        first_entry_.push_back(entries_.size());
        const Strategy& strategy = model.strategies[s];
        for (const Contract& c : strategy.contracts) add_contract(c, strategy.indexation_per_year);
    }
}

// Indexed as finance/indexation.hpp says: the factor once per year, each amount rounded once.
void PriceTable::add_contract(const Contract& c, double indexation) {
    Entry e;
    e.first_price = prices_.size();
    e.first_year = amounts_.size();
    e.first_units = units_milli_.size();
    e.price_levels = std::max<std::size_t>(1, c.price_by_level.size());
    e.unit_levels = std::max<std::size_t>(1, c.units_per_week_by_level.size());
    e.levels = c.scheme == Scheme::per_unit ? std::max(e.price_levels, e.unit_levels)
                                            : e.price_levels;
    for (std::size_t y = 0; y < years_; ++y) {
        const long double factor = index_factor(indexation, y);
        for (std::size_t level = 0; level < e.price_levels; ++level) {
            const Cents price = c.price_by_level.empty() ? 0 : c.price_by_level[level];
            prices_.push_back(indexed(price, factor));
        }
        amounts_.push_back(indexed_amounts(c, factor));
    }
    for (std::size_t level = 0; level < e.unit_levels; ++level) {
        const double units =
            c.units_per_week_by_level.empty() ? 0.0 : c.units_per_week_by_level[level];
        units_milli_.push_back(static_cast<std::int64_t>(std::llround(units * 1000.0)));
    }
    entries_.push_back(e);
}

const PriceTable::Entry& PriceTable::entry(std::size_t slot, std::size_t contract) const noexcept {
    return entries_[first_entry_[slot] + contract];
}

std::size_t PriceTable::levels(std::size_t slot, std::size_t contract) const noexcept {
    return entry(slot, contract).levels;
}

Cents PriceTable::price(std::size_t slot, std::size_t contract, std::size_t year,
                        std::size_t level) const noexcept {
    const Entry& e = entry(slot, contract);
    return prices_[e.first_price + year * e.price_levels + std::min(level, e.price_levels - 1)];
}

std::int64_t PriceTable::units_per_week_milli(std::size_t slot, std::size_t contract,
                                              std::size_t level) const noexcept {
    const Entry& e = entry(slot, contract);
    return units_milli_[e.first_units + std::min(level, e.unit_levels - 1)];
}

const YearAmounts& PriceTable::amounts(std::size_t slot, std::size_t contract,
                                       std::size_t year) const noexcept {
    return amounts_[entry(slot, contract).first_year + year];
}

}  // namespace careflow::finance
