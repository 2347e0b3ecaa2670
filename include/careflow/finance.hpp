// Procurement: providers, the contracts that pay them, and strategies (named sets of
// contracts). Money is in whole euro-cents. The scenario keys are documented in
// docs/scenario-format.md ("Providers, contracts and strategies"), the billing rules in
// docs/costs.md.
#pragma once

#include <careflow/ids.hpp>

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace careflow {

/// Whole euro-cents. Every amount a ledger holds is exact.
using Cents = std::int64_t;

/// A care provider (zorgaanbieder). The resolver adds one named "other" that delivers
/// the rest of every state's admissions, so every stay has a provider.
struct Provider {
    std::string name{};
};

/// A provider delivering a state, with its share of the state's admissions. The shares of a
/// state's providers sum to 1.
struct Delivery {
    std::uint16_t provider = 0;
    StateId state{};
    double share = 1.0;
};

/// How a contract pays for care.
enum class Scheme : std::uint8_t {
    per_unit,    ///< price x quantity: units (hours, minutes, day parts) per week in care
    day_price,   ///< per care day ("etmaal")
    monthly,     ///< per calendar month in care (in full, or pro rata by care days)
    trajectory,  ///< a fixed fee per arrangement (episode), renewed after `max_days`
    lump_sum,    ///< a fixed yearly budget (task financing), whatever the volume
};

/// Which days of a stay a day price bills. Either way a stay that begins and ends on the same
/// day bills one day, and a stay still open when the window ends bills through its last day.
enum class DayCount : std::uint8_t {
    first_not_last,  ///< the day of admission counts, the day of leaving does not (default)
    both,            ///< the days of admission and of leaving both count
};

/// What happens when a provider's yearly billing reaches its ceiling ("Zeeland model").
enum class CeilingRule : std::uint8_t {
    stop_admissions,  ///< no new admissions with this provider until 1 January; care already
                      ///< under way goes on, unpaid above the ceiling
    reduced_tariff,   ///< every euro above the ceiling is paid at `reduced_share`
};

struct Ceiling {
    Cents per_year = 0;
    CeilingRule rule = CeilingRule::stop_admissions;
    double reduced_share = 0.0;  ///< reduced_tariff only: 0.7 pays 70 % above the ceiling
};

/// After `after_days` in the stay, the billed tariff level moves by `by` (-1: one lighter).
struct LevelChange {
    double after_days = 0.0;
    int by = 0;
    std::uint16_t given_order = 0;  ///< its place in the scenario's list: ties keep this order
};

/// Shared savings: a provider billing less than `baseline_per_year` in a year receives
/// `share` of the difference as a bonus.
struct SharedSavings {
    Cents baseline_per_year = 0;
    double share = 0.0;
};

/// How a contract changes behaviour. Neutral by default; scenarios that set them say they are
/// assumptions.
struct Behaviour {
    double length_of_stay = 1.0;  ///< multiplies completion durations (divides their rates)
    double step_down = 1.0;       ///< multiplies step-down rates (divides their durations)
    double upcoding = 0.0;        ///< chance the billed level is one above the youth's own
    double readmission = 1.0;     ///< multiplies the re-entry share of youths leaving from here
    /// True when length_of_stay, step_down or readmission is an uncertain input, drawn per
    /// replication. Set in the nominal model only (a drawn model holds plain numbers).
    bool drawn = false;

    /// True when the behaviour leaves the youths' paths unchanged (upcoding only changes
    /// prices, so it does not count). A drawn multiplier is never neutral, even at a nominal 1:
    /// its draws are not, and the pass plan, made from the nominal model, must simulate them.
    [[nodiscard]] bool neutral_for_flows() const noexcept {
        return !drawn && length_of_stay == 1.0 && step_down == 1.0 && readmission == 1.0;
    }
};

/// One provider's contract for one state under a strategy.
struct Contract {
    std::uint16_t provider = 0;
    StateId state{};
    Scheme scheme = Scheme::day_price;
    /// The tariff per unit, day, month or arrangement (indexed to the window's first year):
    /// one entry (flat), or one per severity level (tariff levels, lightest first). A youth is
    /// billed at its own severity level, moved by upcoding and `level_changes`, clamped to
    /// the levels there are.
    std::vector<Cents> price_by_level{};
    std::vector<double> units_per_week_by_level{};  ///< per_unit: one entry or one per level
    std::string unit{};                             ///< per_unit: hour, minute or day part
    DayCount day_count = DayCount::first_not_last;  ///< day_price
    bool pro_rata = false;                          ///< monthly: bill started months pro rata
    std::optional<double> max_days{};               ///< trajectory: a new arrangement after
    Cents budget_per_year = 0;                      ///< lump_sum
    /// lump_sum: the provider's places for the state are floor(budget / cost per place-year)
    std::optional<Cents> cost_per_place_per_year{};
    std::optional<Ceiling> ceiling{};  ///< per_unit, day_price, monthly, trajectory
    std::vector<LevelChange> level_changes{};  ///< sorted by after_days
    Cents substitution_bonus = 0;  ///< per youth redirected here from out-of-home care
    Cents outcome_bonus = 0;       ///< per youth leaving care here who is not back in 365 days
    std::optional<SharedSavings> shared_savings{};
    /// Support while waiting for this state (e.g. by the local team): `waiting_price` per
    /// `waiting_unit_days` (1: a day, 7: a week) on the waitlist; 0: waiting is free.
    Cents waiting_price = 0;
    std::int64_t waiting_unit_days = 1;
    Cents admin_per_claim = 0;          ///< per invoice line (see docs for what one is)
    Cents admin_per_contract_year = 0;  ///< per year the contract is in force in the window
    Behaviour behaviour{};

    /// Places this contract funds (lump sums with a cost per place), else nullopt.
    [[nodiscard]] std::optional<std::uint32_t> funded_places() const noexcept {
        if (scheme != Scheme::lump_sum || !cost_per_place_per_year ||
            *cost_per_place_per_year <= 0) {
            return std::nullopt;
        }
        return static_cast<std::uint32_t>(budget_per_year / *cost_per_place_per_year);
    }
};

/// A named way of buying care: its contracts and their yearly indexation.
struct Strategy {
    std::string name{};
    std::string description{};
    double indexation_per_year = 0.0;  ///< 0.03: tariffs and budgets +3 % a year
    std::vector<Contract> contracts{};

    /// True when the strategy changes who is admitted or how long care lasts (behaviour,
    /// funded places, ceilings that stop admissions), or may in some replication (a drawn
    /// behaviour multiplier): it is then simulated on its own, under the same seeds, rather
    /// than priced on the shared trajectories. Drawn prices alone never make it so.
    [[nodiscard]] bool changes_flows() const noexcept {
        for (const Contract& c : contracts) {
            if (!c.behaviour.neutral_for_flows() || c.funded_places()) return true;
            if (c.ceiling && c.ceiling->rule == CeilingRule::stop_admissions) return true;
        }
        return false;
    }
};

}  // namespace careflow
