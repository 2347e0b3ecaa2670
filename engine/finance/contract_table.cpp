// ContractTable: a dense (strategy, state, provider) grid of contract indices.
#include "finance/contract_table.hpp"

namespace careflow::finance {

// A validated model has at most one contract per (strategy, state, provider); should two
// appear, the first one pays.
ContractTable::ContractTable(const Model& model)
    : model_(model),
      states_(model.states.size()),
      providers_(model.providers.size()),
      index_(model.strategies.size() * states_ * providers_, -1) {
    for (std::size_t s = 0; s < model.strategies.size(); ++s) {
        const auto& contracts = model.strategies[s].contracts;
        for (std::size_t c = 0; c < contracts.size(); ++c) {
            const std::size_t state = index(contracts[c].state);
            if (state >= states_ || contracts[c].provider >= providers_) continue;
            std::int32_t& slot = index_[(s * states_ + state) * providers_ + contracts[c].provider];
            if (slot < 0) slot = static_cast<std::int32_t>(c);
        }
    }
}

std::int32_t ContractTable::index_of(std::size_t strategy, StateId state,
                                     std::uint16_t provider) const noexcept {
    const std::size_t s = index(state);
    if (s >= states_ || provider >= providers_ || strategy >= model_.strategies.size()) return -1;
    return index_[(strategy * states_ + s) * providers_ + provider];
}

const Contract* ContractTable::find(std::size_t strategy, StateId state,
                                    std::uint16_t provider) const noexcept {
    const std::int32_t i = index_of(strategy, state, provider);
    if (i < 0) return nullptr;
    return &model_.strategies[strategy].contracts[static_cast<std::size_t>(i)];
}

}  // namespace careflow::finance
