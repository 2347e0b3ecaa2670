// ContractTable: which contract of a strategy pays for a (state, provider), found in O(1).
#pragma once

#include <careflow/model.hpp>

#include <cstdint>
#include <vector>

namespace careflow::finance {

class ContractTable {
public:
    explicit ContractTable(const Model& model);

    /// The contract of strategy `strategy` for `provider` delivering `state`; nullptr when the
    /// strategy leaves that care uncontracted (it then costs nothing).
    [[nodiscard]] const Contract* find(std::size_t strategy, StateId state,
                                       std::uint16_t provider) const noexcept;
    /// Index of that contract in Strategy::contracts, or -1.
    [[nodiscard]] std::int32_t index_of(std::size_t strategy, StateId state,
                                        std::uint16_t provider) const noexcept;

private:
    const Model& model_;
    std::size_t states_;
    std::size_t providers_;
    std::vector<std::int32_t> index_;  ///< [(strategy * states + state) * providers + provider]
};

}  // namespace careflow::finance
