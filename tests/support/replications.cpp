// Test helpers for running a model's replications directly on the kernel.
#include "support/replications.hpp"

#include "sim/simulation.hpp"

#include <stdexcept>
#include <string>

namespace careflow::testing {

std::size_t state_index(const Model& model, std::string_view name) {
    for (std::size_t s = 0; s < model.state_count(); ++s) {
        if (model.states[s].name == name) return s;
    }
    throw std::invalid_argument("no state " + std::string(name));
}

std::vector<sim::ReplicationMetrics> replicate(const Model& model, std::uint64_t seed,
                                               std::uint32_t replications) {
    std::vector<sim::ReplicationMetrics> out;
    out.reserve(replications);
    for (std::uint32_t r = 0; r < replications; ++r) {
        out.push_back(sim::Simulation(model, seed, r).run());
    }
    return out;
}

const sim::YearStateMetrics& year_of(const sim::ReplicationMetrics& m, std::size_t year,
                                     std::size_t state) {
    return m.years[year * m.states.size() + state];
}

}  // namespace careflow::testing
