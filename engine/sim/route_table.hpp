// RouteTable: every state's routing on completion as flat cumulative-probability arrays.
#pragma once

#include <careflow/model.hpp>

#include <cstdint>
#include <vector>

namespace careflow::sim {

/// Where a youth goes after completing a state, chosen by one uniform draw.
class RouteTable {
public:
    explicit RouteTable(const Model& model) {
        first_.push_back(0);
        for (const CareState& state : model.states) {
            double cumulative = 0.0;
            for (const Route& route : state.next) {
                cumulative += route.probability;
                cumulative_.push_back(cumulative);
                to_.push_back(route.to);
            }
            if (!state.next.empty()) cumulative_.back() = 1.0;  // no gap from rounding
            first_.push_back(static_cast<std::uint32_t>(to_.size()));
        }
    }

    /// The destination for uniform draw u in [0, 1).
    [[nodiscard]] StateId pick(StateId from, double u) const noexcept {
        std::uint32_t i = first_[index(from)];
        const std::uint32_t end = first_[index(from) + 1];
        while (i + 1 < end && u >= cumulative_[i]) ++i;
        return to_[i];
    }

private:
    std::vector<std::uint32_t> first_;  ///< routes of state s: [first_[s], first_[s + 1])
    std::vector<double> cumulative_;
    std::vector<StateId> to_;
};

}  // namespace careflow::sim
