// Passes: how a replication covers every strategy. Strategies that only change prices share
// one simulated pass and are priced side by side on it; each strategy that changes flows
// (behaviour, funded places, ceilings that stop admissions) gets a pass of its own under the
// same seeds, so differences between them are paired.
#pragma once

#include "finance/contract_table.hpp"
#include "sim/simulation.hpp"

#include <careflow/model.hpp>

#include <string>
#include <vector>

namespace careflow::batch {

struct PassPlan {
    std::vector<sim::Pass> passes{};      ///< the first is the shared pass (no governing strategy)
    std::vector<std::string> labels{};    ///< strategy column of each pass's flow metrics
    /// Per strategy: the pass that prices it and its slot in that pass's ledger.
    std::vector<std::size_t> pass_of_strategy{};
    std::vector<std::size_t> slot_of_strategy{};
};

/// `contracts` may be null when the model has no strategies.
[[nodiscard]] PassPlan plan_passes(const Model& model, const finance::ContractTable* contracts);

/// `plan` with every pass pricing and gating by `contracts` (those of a replication's drawn
/// model). Passes, labels and slots stay as planned for the nominal model, so every
/// replication's row has the same keys.
[[nodiscard]] PassPlan with_contracts(PassPlan plan, const finance::ContractTable& contracts);

}  // namespace careflow::batch
