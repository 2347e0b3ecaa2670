// InputUncertainty: scenario parameters given as distributions instead of numbers
// (probabilistic sensitivity analysis). Each replication draws every such parameter once and
// runs the model those draws give; the draws are reported beside the replication's metrics.
#pragma once

#include <careflow/model.hpp>
#include <careflow/run.hpp>

#include <cstdint>
#include <memory>
#include <string>
#include <vector>

namespace careflow {

class InputUncertainty {
public:
    virtual ~InputUncertainty() = default;

    /// True when no parameter is uncertain (every replication runs the nominal model).
    [[nodiscard]] virtual bool empty() const noexcept = 0;
    /// Keys of the drawn values, one per uncertain parameter (metric "input", state = its
    /// scenario path), in a fixed order.
    [[nodiscard]] virtual std::vector<MetricKey> keys() const = 0;
    /// The model of replication `replication` under `seed`, and the values drawn for it
    /// (aligned with keys()). The same arguments always give the same model and values.
    struct Draw {
        std::shared_ptr<const Model> model;
        std::vector<double> values;
    };
    [[nodiscard]] virtual Draw draw(std::uint64_t seed, std::uint32_t replication) const = 0;
};

}  // namespace careflow
