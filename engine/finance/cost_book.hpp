// CostBook: prices the stays of one replication under one or more strategies into ledgers of
// whole euro-cents. The kernel calls it when a stay ends (and for stays still open when the
// window ends), when a redirected youth is admitted and when a youth leaves care; close()
// then adds what depends on the whole year (lump sums, ceilings, shared savings, contract
// administration). Billing rules: docs/costs.md.
#pragma once

#include "finance/billing_calendar.hpp"
#include "finance/contract_table.hpp"
#include "finance/ledger.hpp"
#include "finance/price_table.hpp"

#include <careflow/model.hpp>

#include <cstdint>
#include <optional>
#include <vector>

namespace careflow::finance {

struct CareDays;
class LevelPath;
struct Piece;

/// One stay in a state, as the kernel saw it. Times are simulation days.
struct Stay {
    StateId state{};
    std::uint16_t provider = 0;
    std::uint16_t municipality = 0;  ///< 0 when the scenario has no municipalities
    std::uint8_t severity = 0;       ///< the youth's own level (before upcoding)
    std::uint16_t episode = 0;       ///< the youth's admission count: keys the upcoding draw
    std::uint64_t youth_key = 0;     ///< the youth's stream entity (birth key)
    double admitted_at = 0.0;
    double left_at = 0.0;  ///< the window's end for a stay still open
    bool open = false;     ///< still in care when the window ended
    /// The state whose waitlist led to this stay (exit: none): its cost counts as waiting's.
    StateId waiting_cause = StateId::exit;
};

class CostBook {
public:
    /// Prices under the strategies `priced` (indices into model.strategies, ascending);
    /// ledger slot i belongs to strategy priced[i].
    CostBook(const Model& model, const ContractTable& contracts, std::uint64_t seed,
             std::uint32_t replication, std::vector<std::size_t> priced);

    /// Bills the part of a stay inside the measured window, split by calendar month and year.
    void price_stay(const Stay& stay);
    /// Bills the support of a wait for `wait.state` from `admitted_at` (joining the line) to
    /// `left_at`: the days on the line inside the window, at the contract's waiting price.
    void price_wait(const Stay& wait);
    /// A youth redirected away from out-of-home care was admitted to `stay.state` at
    /// `stay.admitted_at`: the substitution bonus.
    void substitution(const Stay& stay);
    /// A youth left care from `stay.state` at `stay.left_at`, to return at `back_at`
    /// (infinity: never): the outcome bonus when it stays away 365 days or more.
    void left_care(const Stay& stay, double back_at);
    /// Adds the yearly parts once every stay is priced. Call once, at the end: a second call
    /// is a programming error (it asserts in Debug builds and changes nothing otherwise), and
    /// so is pricing a stay after it.
    void close();

    [[nodiscard]] const Ledger& ledger() const noexcept { return ledger_; }
    [[nodiscard]] const std::vector<std::size_t>& priced() const noexcept { return priced_; }

private:
    /// The contract one slot applies to some care.
    struct Terms {
        std::size_t slot = 0;
        std::size_t contract = 0;  ///< index in the slot's Strategy::contracts
        const Contract* contract_terms = nullptr;
    };

    /// The slot's contract for this care, or nullopt when the slot leaves it uncontracted.
    [[nodiscard]] std::optional<Terms> terms_for(std::size_t slot, StateId state,
                                                 std::uint16_t provider) const noexcept;
    [[nodiscard]] double upcoding_draw(const Stay& stay) const noexcept;

    // Stays (stay_pricing.cpp).
    void bill(const Terms& t, const Stay& stay, bool upcoded);
    void bill_by_months(const Terms& t, const Stay& stay, const CareDays& days,
                        const LevelPath& path);
    void bill_trajectory(const Terms& t, const Stay& stay, const CareDays& days,
                         const LevelPath& path);
    [[nodiscard]] Cents piece_amount(const Terms& t, const Piece& piece,
                                     bool month_started) const noexcept;
    void count_care_days(const Terms& t, const CareDays& days);
    /// Adds `sign` x the stay's care and admin cells of every year to its waiting cause.
    void move_cells_to_waiting(const Terms& t, const Stay& stay, Cents sign);
    void book_care(const Terms& t, const Stay& stay, std::size_t year, Cents amount);
    void book_waiting(const Terms& t, const Stay& wait, std::size_t year, std::int64_t days);
    void book_claims(const Terms& t, const Stay& stay, std::size_t year, std::int64_t claims);
    void pay_bonus(const Stay& stay, std::int64_t day, Cents YearAmounts::*bonus);

    // The yearly parts (year_close.cpp).
    void close_year(const Terms& t, std::size_t year);
    void book_lump_sum(const Terms& t, std::size_t year);
    void settle_ceiling(const Terms& t, std::size_t year);
    void cut_care_cells(const Terms& t, std::size_t year, Cents cut);
    void pay_shared_savings(const Terms& t, std::size_t year);
    [[nodiscard]] Cents pro_rated(Cents amount, std::size_t year) const noexcept;
    [[nodiscard]] Cents& shared_cell(const Terms& t, std::size_t year, Component component);

    const Model& model_;
    const ContractTable& contracts_;
    BillingCalendar calendar_;
    std::uint64_t seed_;
    std::uint32_t replication_;
    std::vector<std::size_t> priced_;
    Ledger ledger_;
    PriceTable prices_;
    bool closed_ = false;
};

}  // namespace careflow::finance
