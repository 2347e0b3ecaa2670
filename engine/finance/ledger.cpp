// Ledger: flat storage of cent cells and contract-years, laid out slot-major so that one
// slot's year is a contiguous run.
#include "finance/ledger.hpp"

#include <numeric>
#include <utility>

namespace careflow::finance {

Ledger::Ledger(Shape shape) : shape_(std::move(shape)) {
    cells_.assign(shape_.strategies * shape_.years * shape_.states * shape_.providers *
                      shape_.municipalities * component_count,
                  0);
    waiting_costs_.assign(shape_.strategies * shape_.years * shape_.states, 0);
    std::size_t offset = 0;
    for (std::size_t slot = 0; slot < shape_.strategies; ++slot) {
        contract_offset_.push_back(offset);
        const std::size_t contracts =
            slot < shape_.contracts_per_strategy.size() ? shape_.contracts_per_strategy[slot] : 0;
        offset += contracts * shape_.years;
    }
    contract_years_.assign(offset, ContractYear{});
}

std::size_t Ledger::cell(std::size_t slot, std::size_t year, StateId state, std::size_t provider,
                         std::size_t municipality, Component component) const noexcept {
    std::size_t i = slot * shape_.years + year;
    i = i * shape_.states + index(state);
    i = i * shape_.providers + provider;
    i = i * shape_.municipalities + municipality;
    return i * component_count + static_cast<std::size_t>(component);
}

Cents& Ledger::at(std::size_t slot, std::size_t year, StateId state, std::size_t provider,
                  std::size_t municipality, Component component) noexcept {
    return cells_[cell(slot, year, state, provider, municipality, component)];
}

Cents Ledger::at(std::size_t slot, std::size_t year, StateId state, std::size_t provider,
                 std::size_t municipality, Component component) const noexcept {
    return cells_[cell(slot, year, state, provider, municipality, component)];
}

Cents& Ledger::waiting_cost(std::size_t slot, std::size_t year, StateId state) noexcept {
    return waiting_costs_[(slot * shape_.years + year) * shape_.states + index(state)];
}

Cents Ledger::waiting_cost(std::size_t slot, std::size_t year, StateId state) const noexcept {
    return waiting_costs_[(slot * shape_.years + year) * shape_.states + index(state)];
}

ContractYear& Ledger::contract_year(std::size_t slot, std::size_t contract,
                                    std::size_t year) noexcept {
    return contract_years_[contract_offset_[slot] + contract * shape_.years + year];
}

const ContractYear& Ledger::contract_year(std::size_t slot, std::size_t contract,
                                          std::size_t year) const noexcept {
    return contract_years_[contract_offset_[slot] + contract * shape_.years + year];
}

Cents Ledger::total(std::size_t slot, std::size_t year) const noexcept {
    const std::size_t width =
        shape_.states * shape_.providers * shape_.municipalities * component_count;
    const auto first =
        cells_.begin() + static_cast<std::ptrdiff_t>((slot * shape_.years + year) * width);
    return std::accumulate(first, first + static_cast<std::ptrdiff_t>(width), Cents{0});
}

}  // namespace careflow::finance
