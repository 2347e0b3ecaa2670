// CostBook::close(): what depends on a contract's whole year: lump sums, ceilings, shared
// savings and contract administration.
#include "finance/cost_book.hpp"
#include "finance/money_rounding.hpp"

#include <algorithm>
#include <cassert>
#include <vector>

namespace careflow::finance {

void CostBook::close() {
    assert(!closed_ && "CostBook::close() called twice");
    if (closed_) return;
    closed_ = true;
    for (std::size_t slot = 0; slot < priced_.size(); ++slot) {
        const auto& contracts = model_.strategies[priced_[slot]].contracts;
        for (std::size_t c = 0; c < contracts.size(); ++c) {
            const Terms t{slot, c, &contracts[c]};
            for (std::size_t year = 0; year < calendar_.years(); ++year) close_year(t, year);
        }
    }
}

void CostBook::close_year(const Terms& t, std::size_t year) {
    if (t.contract_terms->scheme == Scheme::lump_sum) {
        book_lump_sum(t, year);
    } else {
        settle_ceiling(t, year);
    }
    pay_shared_savings(t, year);
    shared_cell(t, year, Component::admin) +=
        prices_.amounts(t.slot, t.contract, year).admin_per_contract_year;
}

/// The budget, pro rata for a year the window cuts, paid in one instalment (claim) a month.
void CostBook::book_lump_sum(const Terms& t, std::size_t year) {
    const YearAmounts& amounts = prices_.amounts(t.slot, t.contract, year);
    const Cents budget = pro_rated(amounts.budget, year);
    const auto instalments = static_cast<std::int64_t>(calendar_.months_in_year(year));
    shared_cell(t, year, Component::care) += budget;
    shared_cell(t, year, Component::admin) += instalments * amounts.admin_per_claim;
    ContractYear& cy = ledger_.contract_year(t.slot, t.contract, year);
    cy.full_price += budget;
    cy.billed = cy.full_price;
    cy.claims += instalments;
}

/// billed = min(F, C), plus reduced_share of the excess under reduced_tariff. The product
/// share x excess is formed in long double and rounded once (money_rounding.hpp).
void CostBook::settle_ceiling(const Terms& t, std::size_t year) {
    ContractYear& cy = ledger_.contract_year(t.slot, t.contract, year);
    const auto& ceiling = t.contract_terms->ceiling;
    cy.billed = cy.full_price;
    if (ceiling) {
        const Cents cap = prices_.amounts(t.slot, t.contract, year).ceiling;
        const Cents excess = std::max<Cents>(0, cy.full_price - cap);
        cy.billed = std::min(cy.full_price, cap);
        if (ceiling->rule == CeilingRule::reduced_tariff) {
            cy.billed += round_cents(static_cast<long double>(ceiling->reduced_share) *
                                     static_cast<long double>(excess));
        }
    }
    cy.unpaid = cy.full_price - cy.billed;
    if (cy.unpaid != 0) cut_care_cells(t, year, cy.unpaid);
}

/// Takes `cut` off the care cells of the contract's (year, state, provider), in proportion to
/// each municipality's amount. Floors first, then the cents left over go one each to the
/// largest remainders (the lower municipality on a tie), so the cells add up to billed exactly.
void CostBook::cut_care_cells(const Terms& t, std::size_t year, Cents cut) {
    const Contract& c = *t.contract_terms;
    const std::size_t cells = ledger_.shape().municipalities;
    const auto cell = [&](std::size_t m) -> Cents& {
        return ledger_.at(t.slot, year, c.state, c.provider, m, Component::care);
    };
    Cents full = 0;
    for (std::size_t m = 0; m < cells; ++m) full += cell(m);
    if (full <= 0) return;
    std::vector<WideCents> remainders(cells);  // once per capped contract-year, not per stay
    Cents left = cut;
    for (std::size_t m = 0; m < cells; ++m) {
        const WideCents share = WideCents{cut} * cell(m);
        const auto floor_share = static_cast<Cents>(share / full);
        remainders[m] = share % full;
        cell(m) -= floor_share;
        left -= floor_share;
    }
    for (; left > 0; --left) {
        const auto largest = std::max_element(remainders.begin(), remainders.end());
        cell(static_cast<std::size_t>(largest - remainders.begin())) -= 1;
        *largest = -1;
    }
}

/// share x (baseline - billed) when the contract billed less than its (pro-rated) baseline.
void CostBook::pay_shared_savings(const Terms& t, std::size_t year) {
    const auto& savings = t.contract_terms->shared_savings;
    if (!savings) return;
    const Cents baseline = pro_rated(prices_.amounts(t.slot, t.contract, year).baseline, year);
    const Cents billed = ledger_.contract_year(t.slot, t.contract, year).billed;
    if (billed >= baseline) return;
    shared_cell(t, year, Component::incentive) +=
        round_cents(static_cast<long double>(savings->share) *
                    static_cast<long double>(baseline - billed));
}

/// A yearly amount for the part of the year inside the window: amount x window days / days of
/// the whole year, rounded half up.
Cents CostBook::pro_rated(Cents amount, std::size_t year) const noexcept {
    const std::int64_t full = calendar_.full_year_days(year);
    const std::int64_t in_window = calendar_.year_days(year);
    if (in_window == full || full <= 0) return amount;
    return divide_half_up(WideCents{amount} * in_window, full);
}

Cents& CostBook::shared_cell(const Terms& t, std::size_t year, Component component) {
    const Contract& c = *t.contract_terms;
    return ledger_.at(t.slot, year, c.state, c.provider, ledger_.shared_municipality(),
                      component);
}

}  // namespace careflow::finance
