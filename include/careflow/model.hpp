// Model: the validated, immutable scenario. Names are resolved to ids and times to days.
#pragma once

#include <careflow/calendar.hpp>
#include <careflow/ids.hpp>

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace careflow {

enum class DistributionKind : std::uint8_t {
    exponential,
    gamma,
    lognormal,
    weibull,
    deterministic,
    uniform,
    empirical,
};

/// A duration distribution in days, in the parameterisation the sampler uses.
struct Distribution {
    DistributionKind kind = DistributionKind::exponential;
    double shape = 0.0;  ///< gamma and weibull: shape k; lognormal: sigma of log(days)
    double scale = 0.0;  ///< exponential: mean; gamma, weibull: scale; lognormal: median
                         ///< (e^mu); deterministic: the value
    double low = 0.0;    ///< uniform: minimum
    double high = 0.0;   ///< uniform: maximum
    /// empirical: table values in days, ascending, and their cumulative probabilities
    std::vector<double> values_days{};
    std::vector<double> cumulative{};
    bool interpolate = false;  ///< empirical: piecewise-linear CDF instead of steps

    double mean_days = 0.0;       ///< exact mean, for load checks and theory tests
    double variance_days2 = 0.0;  ///< exact variance
};

/// How a full state orders those waiting for a place.
enum class WaitlistDiscipline : std::uint8_t { fifo };

/// One branch of the routing on completion.
struct Route {
    StateId to = StateId::exit;
    double probability = 0.0;
};

/// A care state: places, waitlist, length of stay, and where youths go next.
struct CareState {
    std::string name{};
    std::string label{};
    std::string segment{};
    std::optional<std::uint16_t> segment_index{};  ///< into Model::segments; none if unlabelled
    std::optional<std::uint32_t> places{};  ///< std::nullopt: unlimited
    WaitlistDiscipline waitlist = WaitlistDiscipline::fifo;
    Distribution length_of_stay{};
    std::vector<Route> next{};  ///< probabilities sum to 1
};

/// External referrals into one state: a homogeneous Poisson stream.
struct ArrivalStream {
    std::string name{};
    StateId to{};
    double rate_per_day = 0.0;
};

struct RunSettings {
    double warmup_days = 0.0;   ///< simulated, then discarded
    double horizon_days = 0.0;  ///< measured window after the warm-up
    std::uint32_t replications = 1;
    std::uint64_t seed = 1;
};

struct Model {
    int version = 1;
    std::string name{};
    std::string description{};
    std::vector<CareState> states{};
    std::vector<std::string> segments{};  ///< distinct segment labels, in order of appearance
    std::vector<ArrivalStream> arrivals{};
    RunSettings run{};
    Calendar calendar{};  ///< years and months of the measured window

    [[nodiscard]] const CareState& state(StateId id) const { return states[index(id)]; }
    [[nodiscard]] std::size_t state_count() const noexcept { return states.size(); }
};

/// Most states and segments a scenario may have: the kernel tracks a youth's states and
/// segments seen in a year as bits of one word.
inline constexpr std::size_t max_states = 64;
inline constexpr std::size_t max_segments = 32;

/// Greatest number of replications a scenario or flag may ask for.
inline constexpr std::uint32_t max_replications = 1'000'000;

}  // namespace careflow
