// Passes: one shared pass for price-only strategies, one per strategy that changes flows.
#include "batch/passes.hpp"

namespace careflow::batch {

PassPlan plan_passes(const Model& model, const finance::ContractTable* contracts) {
    PassPlan plan;
    plan.passes.push_back({.contracts = contracts});
    plan.labels.emplace_back();
    plan.pass_of_strategy.resize(model.strategies.size());
    plan.slot_of_strategy.resize(model.strategies.size());
    for (std::size_t s = 0; s < model.strategies.size(); ++s) {
        const Strategy& strategy = model.strategies[s];
        if (strategy.changes_flows()) {
            plan.pass_of_strategy[s] = plan.passes.size();
            plan.slot_of_strategy[s] = 0;
            plan.passes.push_back({.contracts = contracts, .governing = s, .priced = {s}});
            plan.labels.push_back(strategy.name);
        } else {
            plan.pass_of_strategy[s] = 0;
            plan.slot_of_strategy[s] = plan.passes.front().priced.size();
            plan.passes.front().priced.push_back(s);
        }
    }
    return plan;
}

PassPlan with_contracts(PassPlan plan, const finance::ContractTable& contracts) {
    for (sim::Pass& pass : plan.passes) pass.contracts = &contracts;
    return plan;
}

}  // namespace careflow::batch
