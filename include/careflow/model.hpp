// Model: the validated, immutable scenario. Names are resolved to ids and times to days.
#pragma once

#include <careflow/calendar.hpp>
#include <careflow/finance.hpp>
#include <careflow/ids.hpp>

#include <array>
#include <cmath>
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

/// Which two numbers a scenario gave for a distribution (durations in days), so that either
/// can be changed after load and the rest derived again (engine/model/distribution_forms).
enum class DistributionForm : std::uint8_t {
    exponential_mean,
    gamma_mean_cv,
    gamma_shape_scale,
    lognormal_mean_sd,
    lognormal_median_sd_log,
    weibull_shape_scale,
    deterministic,
    uniform_min_max,
    empirical,  ///< a table: its values are not two numbers
};

/// A duration distribution in days, in the parameterisation the sampler uses.
struct Distribution {
    DistributionKind kind = DistributionKind::exponential;
    DistributionForm form = DistributionForm::exponential_mean;
    std::array<double, 2> given{};  ///< the form's two numbers as the scenario gave them
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

/// What kind of care a state gives: the built-in vocabulary reports use (out-of-home
/// placements, crisis admissions). Several states may share a kind.
enum class StateKind : std::uint8_t {
    other,
    prevention,
    local_team,
    ambulatory,
    day_treatment,
    foster,
    family_home,
    residential,
    closed_residential,
    crisis,
    respite,
};

/// True for kinds that place a youth outside the family home.
[[nodiscard]] constexpr bool is_out_of_home(StateKind kind) noexcept {
    return kind == StateKind::foster || kind == StateKind::family_home ||
           kind == StateKind::residential || kind == StateKind::closed_residential;
}

/// What a transition means for reports.
enum class TransitionType : std::uint8_t { escalation, step_down, completion, breakdown, other };
inline constexpr std::size_t transition_type_count = 5;

/// One competing way out of a state: an exponential clock (a rate, scaled by the youth's
/// severity, age band and guardianship) or a general one (a duration distribution).
struct Transition {
    StateId to = StateId::exit;  ///< may be the state itself: a move to another place of it
    TransitionType type = TransitionType::other;
    std::optional<double> rate_per_day{};  ///< exponential clock ...
    std::optional<Distribution> after{};   ///< ... or a general one (exactly one is set)
    std::vector<double> severity_factor{};  ///< per severity level
    std::vector<double> age_band_factor{};  ///< per age band
    double guardianship_factor = 1.0;       ///< for youths under guardianship (voogdij)
};

/// Ages, severity levels and the age at which youth care ends.
struct Population {
    std::vector<std::string> severity_levels{"standard"};  ///< lightest first
    std::vector<double> age_band_lower_years{0.0};          ///< ascending, first is 0
    std::vector<std::string> age_band_labels{"0+"};
    double leave_age_years = 18.0;
    std::vector<std::string> municipalities{};  ///< none: one region, no per-municipality rows
};

/// Ages as a table of [from, to) year ranges with shares; uniform within a range.
struct AgeTable {
    std::vector<double> from_years{};
    std::vector<double> to_years{};
    std::vector<double> cumulative{};  ///< last is exactly 1
};

/// Who a referral stream or an initial stock brings: ages, severities, guardianship.
struct YouthMix {
    std::optional<AgeTable> age{};           ///< none: youths without age, who never age out
    std::vector<double> severity_cumulative{1.0};  ///< per level, last is exactly 1
    double guardianship_share = 0.0;
    std::vector<double> municipality_cumulative{};  ///< per municipality; empty: the first
};

/// How a full state orders those waiting for a place.
enum class WaitlistOrder : std::uint8_t {
    fifo,      ///< first come, first served
    priority,  ///< most severe level first; within a level, longest waiting first
};

/// Places derived from staff: floor(fte x caseload_per_fte). Staff leave one FTE at a time
/// (each FTE at `attrition_rate_per_day`) and are hired one FTE at a time (at
/// `hiring_per_day`, up to `max_fte`). Fewer places evict nobody: admissions pause.
struct Staffing {
    double fte = 0.0;
    double caseload_per_fte = 1.0;
    double attrition_rate_per_day = 0.0;  ///< per FTE
    double hiring_per_day = 0.0;          ///< FTE hired per day
    std::optional<double> max_fte{};
};

/// The places `fte` staff give at `caseload_per_fte`: whole places, rounded down. The small
/// epsilon keeps 10 FTE x 1.2 at 12 places despite rounding.
[[nodiscard]] inline std::uint32_t places_from_staff(double fte, double caseload_per_fte) noexcept {
    return static_cast<std::uint32_t>(std::floor(fte * caseload_per_fte + 1e-9));
}

/// What a clock that runs while a youth waits does when it runs out.
enum class WaitingEvent : std::uint8_t {
    deterioration,  ///< severity rises one level; the youth stays in line
    escalation,     ///< leaves the line for another state (crisis, heavier care)
    renege,         ///< gives up (or finds help elsewhere) and leaves care, perhaps to return
    recovery,       ///< the problems resolve: leaves the line and care
};
inline constexpr std::size_t waiting_event_count = 4;

/// Youths who gave up waiting may be referred again: a share of them, after a delay, to the
/// state they waited for (or `to`), with their severity moved by `severity_shift` levels.
struct ComeBack {
    double share = 0.0;
    Distribution after{};
    int severity_shift = 0;
    std::optional<StateId> to{};  ///< none: the state they waited for
};

/// One competing clock of a youth on a waitlist: rate x (1 + growth x days waited), times
/// the youth's severity and age-band factors (and `bridging_factor` while in bridging care).
struct WaitingClock {
    WaitingEvent event = WaitingEvent::renege;
    StateId to = StateId::exit;        ///< escalation only
    double rate_per_day = 0.0;         ///< at the moment the youth joined the line
    double growth_per_day = 0.0;       ///< the rate grows linearly with the time waited
    std::vector<double> severity_factor{};  ///< per severity level
    std::vector<double> age_band_factor{};  ///< per age band
    double bridging_factor = 1.0;      ///< multiplies the rate while in bridging care
    std::optional<ComeBack> comes_back{};  ///< renege only
};

/// A state's waitlist: its order, its waiting-time norm (Treeknorm), what happens to those who
/// wait (competing clocks), and bridging care.
struct WaitlistRules {
    WaitlistOrder order = WaitlistOrder::fifo;
    std::optional<double> norm_days{};  ///< admissions that waited longer breach the norm
    /// Clocks while waiting, in the order the scenario gives them (`renege_per_year` is one
    /// renege clock with bridging factor 0, first). Empty: waiting changes nothing.
    std::vector<WaitingClock> clocks{};
    /// Bridging care: while waiting, the youth is cared for in this (lighter) state if it has
    /// room, and its escalation rates there grow by this much per day waited (1 + g x days).
    std::optional<StateId> bridging{};
    double escalation_growth_per_day = 0.0;
};

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
    StateKind kind = StateKind::other;
    std::optional<std::uint32_t> places{};  ///< std::nullopt: unlimited (or staffed)
    std::optional<Staffing> staff{};         ///< places follow the staff when set
    WaitlistRules waitlist{};
    bool never_waits = false;  ///< crisis: when full, an emergency overflow placement
    std::optional<Distribution> length_of_stay{};  ///< a completion clock routed by `next`
    std::vector<Route> next{};                     ///< probabilities sum to 1
    std::vector<Transition> transitions{};         ///< competing clocks
    double max_age_years = 18.0;  ///< youths leave on reaching it (extended care: up to 23)
};

/// A referral stream: Poisson, with a yearly trend and monthly seasonality.
struct ArrivalStream {
    std::string name{};
    std::vector<StateId> to_by_severity{};  ///< entry state per severity level
    double rate_per_day = 0.0;              ///< at the window's start, before seasonality
    YouthMix mix{};
    double trend_per_year = 0.0;            ///< growth: rate x (1 + trend)^(years since start)
    std::vector<double> seasonality{};      ///< 12 monthly multipliers (January first), or empty
};

/// Youths who left care may be referred again: a share of those leaving to `exit` (not those
/// who aged out or gave up waiting) return within `within_days`, uniformly spread.
struct ReEntry {
    double share = 0.0;
    double within_days = 0.0;
    std::vector<StateId> to_by_severity{};
};

/// Youths already in a state when the run starts (time 0).
struct InitialStock {
    StateId state{};
    std::uint32_t count = 0;
    YouthMix mix{};
    std::optional<Distribution> in_care_for{};  ///< time already spent in the state
};

/// One change a policy makes while it is in force.
struct PolicyChange {
    enum class Kind : std::uint8_t {
        places,    ///< set a state's places (`value`)
        staff,     ///< set a staffed state's FTE (`value`)
        rates,     ///< multiply a state's transition rates (of `type`, or all) by `value`
        inflow,    ///< multiply a referral stream's rate (`stream`, or all) by `value`
        redirect,  ///< send a share (`value`) of youths entering `state` to `to` instead
    };
    Kind kind = Kind::places;
    StateId state{};
    StateId to{};                           ///< redirect only
    std::optional<TransitionType> type{};   ///< rates only; none: every type
    std::optional<std::uint16_t> stream{};  ///< inflow only; none: every stream
    double value = 0.0;
};

/// Dated changes: in force from `from_days` until `until_days` (simulation days), then undone.
struct Policy {
    std::string name{};
    double from_days = 0.0;
    std::optional<double> until_days{};
    std::vector<PolicyChange> changes{};
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
    std::vector<InitialStock> initial_stock{};
    std::vector<Policy> policies{};
    std::optional<ReEntry> re_entry{};
    Population population{};
    /// Providers and the states they deliver. Empty without procurement; otherwise every
    /// state has at least one delivery (the resolver adds the "other" provider).
    std::vector<Provider> providers{};
    std::vector<Delivery> deliveries{};
    std::vector<Strategy> strategies{};  ///< priced side by side; empty: no costs
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
