// Ledger: one replication's costs in whole euro-cents, per strategy slot, year, state,
// provider, municipality and component, plus what each contract did in each year.
#pragma once

#include <careflow/finance.hpp>

#include <array>
#include <cstddef>
#include <cstdint>
#include <vector>

namespace careflow::finance {

/// What a cost is for. Totals are the sum of all three.
enum class Component : std::uint8_t {
    care,       ///< tariffs, fees and lump sums, net of what a ceiling leaves unpaid
    admin,      ///< administration: per claim and per contract-year
    incentive,  ///< substitution, outcome and shared-savings bonuses
    waiting,    ///< support while youths wait for a place (Contract::waiting_price)
};
inline constexpr std::size_t component_count = 4;

/// What one contract did in one year (for budget use and the ceiling checks).
struct ContractYear {
    Cents full_price = 0;  ///< care at the contract's tariffs before any ceiling
    Cents billed = 0;      ///< care actually paid (after the ceiling; the budget for lump sums)
    Cents unpaid = 0;      ///< full_price - billed for a ceiling (care above it not paid)
    std::int64_t care_days = 0;  ///< billed care days (all schemes: days with care in the year)
    std::int64_t claims = 0;     ///< invoice lines (see docs/costs.md)
    std::int64_t arrangements = 0;  ///< trajectory fees billed

    friend bool operator==(const ContractYear&, const ContractYear&) = default;
};

class Ledger {
public:
    struct Shape {
        std::size_t strategies = 0;      ///< strategy slots (CostBook::priced)
        std::size_t years = 0;
        std::size_t states = 0;
        std::size_t providers = 0;
        std::size_t municipalities = 1;  ///< Population::municipalities.size() + 1 (last: shared)
        std::vector<std::size_t> contracts_per_strategy{};  ///< per slot
    };

    Ledger() = default;
    explicit Ledger(Shape shape);

    [[nodiscard]] Cents& at(std::size_t slot, std::size_t year, StateId state,
                            std::size_t provider, std::size_t municipality,
                            Component component) noexcept;
    [[nodiscard]] Cents at(std::size_t slot, std::size_t year, StateId state,
                           std::size_t provider, std::size_t municipality,
                           Component component) const noexcept;
    /// Cost attributable to waiting for `state` (docs/outputs.md, `cost_of_waiting`): waiting
    /// support, bridging care, and the care escalations out of its line bought.
    [[nodiscard]] Cents& waiting_cost(std::size_t slot, std::size_t year, StateId state) noexcept;
    [[nodiscard]] Cents waiting_cost(std::size_t slot, std::size_t year,
                                     StateId state) const noexcept;
    [[nodiscard]] ContractYear& contract_year(std::size_t slot, std::size_t contract,
                                              std::size_t year) noexcept;
    [[nodiscard]] const ContractYear& contract_year(std::size_t slot, std::size_t contract,
                                                    std::size_t year) const noexcept;

    /// Sum over every cell of a slot and year (all states, providers, municipalities,
    /// components).
    [[nodiscard]] Cents total(std::size_t slot, std::size_t year) const noexcept;

    [[nodiscard]] const Shape& shape() const noexcept { return shape_; }
    /// Municipality slot for costs that belong to no single municipality (lump sums, contract
    /// administration, shared savings): the last one.
    [[nodiscard]] std::size_t shared_municipality() const noexcept {
        return shape_.municipalities - 1;
    }

private:
    [[nodiscard]] std::size_t cell(std::size_t slot, std::size_t year, StateId state,
                                   std::size_t provider, std::size_t municipality,
                                   Component component) const noexcept;

    Shape shape_{};
    std::vector<Cents> cells_{};
    std::vector<Cents> waiting_costs_{};  ///< [(slot * years + year) * states + state]
    std::vector<std::size_t> contract_offset_{};  ///< per slot: first ContractYear
    std::vector<ContractYear> contract_years_{};  ///< [offset + contract * years + year]
};

}  // namespace careflow::finance
