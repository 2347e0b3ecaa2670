// PriceTable: every money amount of the priced contracts, indexed to each year of the window
// once, so that pricing a stay only reads.
#pragma once

#include <careflow/model.hpp>

#include <cstddef>
#include <cstdint>
#include <vector>

namespace careflow::finance {

/// A contract's yearly amounts after indexation (whole cents).
struct YearAmounts {
    Cents admin_per_claim = 0;
    Cents waiting_price = 0;  ///< per Contract::waiting_unit_days on a waitlist
    Cents admin_per_contract_year = 0;
    Cents substitution_bonus = 0;
    Cents outcome_bonus = 0;
    Cents budget = 0;    ///< lump_sum, before pro rata for a partial year
    Cents ceiling = 0;   ///< 0 without a ceiling
    Cents baseline = 0;  ///< shared savings, before pro rata for a partial year
};

class PriceTable {
public:
    PriceTable() = default;
    /// Tables for the contracts of model.strategies[priced[slot]], for `years` years.
    PriceTable(const Model& model, const std::vector<std::size_t>& priced, std::size_t years);

    /// Tariff levels of a contract: 1 for a flat tariff.
    [[nodiscard]] std::size_t levels(std::size_t slot, std::size_t contract) const noexcept;
    /// Tariff at `level` (< levels) in `year`, indexed.
    [[nodiscard]] Cents price(std::size_t slot, std::size_t contract, std::size_t year,
                              std::size_t level) const noexcept;
    /// per_unit: units per week at `level`, in thousandths of a unit.
    [[nodiscard]] std::int64_t units_per_week_milli(std::size_t slot, std::size_t contract,
                                                    std::size_t level) const noexcept;
    [[nodiscard]] const YearAmounts& amounts(std::size_t slot, std::size_t contract,
                                             std::size_t year) const noexcept;

private:
    struct Entry {
        std::size_t first_price = 0;  ///< into prices_: [year * levels + level]
        std::size_t first_year = 0;   ///< into amounts_
        std::size_t first_units = 0;  ///< into units_milli_
        std::size_t levels = 1;
        std::size_t price_levels = 1;  ///< 1: flat tariff
        std::size_t unit_levels = 1;   ///< 1: flat quantity
    };

    void add_contract(const Contract& contract, double indexation);
    [[nodiscard]] const Entry& entry(std::size_t slot, std::size_t contract) const noexcept;

    std::size_t years_ = 0;
    std::vector<std::size_t> first_entry_{};  ///< per slot
    std::vector<Entry> entries_{};
    std::vector<Cents> prices_{};
    std::vector<YearAmounts> amounts_{};
    std::vector<std::int64_t> units_milli_{};
};

}  // namespace careflow::finance
