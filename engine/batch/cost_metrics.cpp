// The cost catalogue. Names are documented in docs/outputs.md; keep the two in step.
#include "batch/cost_metrics.hpp"

#include "finance/indexation.hpp"

#include <array>
#include <cmath>
#include <limits>
#include <numeric>
#include <string_view>

namespace careflow::batch {
namespace {

using finance::Component;
using finance::Ledger;

constexpr double nan = std::numeric_limits<double>::quiet_NaN();
constexpr std::array<std::string_view, finance::component_count> component_names{
    "care", "admin", "incentive", "waiting"};

double euros(Cents cents) { return static_cast<double>(cents) / 100.0; }

/// Contracts whose budget use is reported: ceilings, and lump sums.
bool has_budget(const Contract& c) { return c.ceiling || c.scheme == Scheme::lump_sum; }

const Ledger& ledger_of(const PassPlan& plan, const std::vector<sim::ReplicationMetrics>& passes,
                        std::size_t strategy) {
    return passes[plan.pass_of_strategy[strategy]].ledger;
}

/// Cents of one slot and year summed over providers, municipalities and (some) components.
Cents state_cost(const Ledger& ledger, std::size_t slot, std::size_t year, std::size_t state) {
    const auto& shape = ledger.shape();
    Cents sum = 0;
    for (std::size_t p = 0; p < shape.providers; ++p) {
        for (std::size_t m = 0; m < shape.municipalities; ++m) {
            for (std::size_t c = 0; c < finance::component_count; ++c) {
                sum += ledger.at(slot, year, make_id<StateId>(state), p, m,
                                 static_cast<Component>(c));
            }
        }
    }
    return sum;
}

Cents component_cost(const Ledger& ledger, std::size_t slot, std::size_t year, std::size_t states,
                     Component component) {
    const auto& shape = ledger.shape();
    Cents sum = 0;
    for (std::size_t s = 0; s < states; ++s) {
        for (std::size_t p = 0; p < shape.providers; ++p) {
            for (std::size_t m = 0; m < shape.municipalities; ++m) {
                sum += ledger.at(slot, year, make_id<StateId>(s), p, m, component);
            }
        }
    }
    return sum;
}

/// Share of the budget used: billing at full tariffs against a ceiling, or the place-days
/// used against those a lump sum funds. NaN when there is nothing to compare with.
double budget_use(const Model& model, const Strategy& strategy, const Contract& c,
                  const finance::ContractYear& year_record, std::size_t year) {
    if (c.ceiling) {
        const auto ceiling =
            static_cast<double>(finance::indexed(c.ceiling->per_year, strategy, year));
        return ceiling > 0.0 ? static_cast<double>(year_record.full_price) / ceiling : nan;
    }
    const auto places = c.funded_places();
    if (!places || *places == 0) return nan;
    const auto& calendar = model.calendar;
    double year_days = 0.0;
    for (std::size_t m = 0; m < calendar.months(); ++m) {
        if (calendar.month_year[m] != year) continue;
        const double end = m + 1 < calendar.months() ? calendar.month_start_days[m + 1]
                                                     : calendar.end_days;
        year_days += end - calendar.month_start_days[m];
    }
    return static_cast<double>(year_record.care_days) / (*places * std::round(year_days));
}

}  // namespace

std::vector<MetricKey> cost_summary_keys(const Model& model) {
    std::vector<MetricKey> keys;
    for (const Strategy& strategy : model.strategies) {
        for (const std::string& year : model.calendar.year_labels) {
            for (const char* metric : {"cost_total", "cost_care", "cost_admin", "cost_incentive",
                                       "cost_waiting_support", "cost_per_client",
                                       "cost_of_waiting"}) {
                keys.push_back({metric, "", year, strategy.name});
            }
            for (const std::string& segment : model.segments) {
                keys.push_back({"cost_segment", segment, year, strategy.name});
            }
            for (const CareState& state : model.states) {
                keys.push_back({"cost_state", state.name, year, strategy.name});
            }
            for (const CareState& state : model.states) {
                keys.push_back({"cost_of_waiting", state.name, year, strategy.name});
            }
            for (const Contract& c : strategy.contracts) {
                if (!has_budget(c)) continue;
                const std::string& state = model.state(c.state).name;
                const std::string& provider = model.providers[c.provider].name;
                keys.push_back({"budget_use", state, year, strategy.name, provider});
                keys.push_back({"unpaid_above_ceiling", state, year, strategy.name, provider});
            }
        }
    }
    return keys;
}

std::vector<double> cost_summary_values(const Model& model, const PassPlan& plan,
                                        const std::vector<sim::ReplicationMetrics>& passes) {
    std::vector<double> values;
    const std::size_t n_states = model.state_count();
    for (std::size_t s = 0; s < model.strategies.size(); ++s) {
        const Strategy& strategy = model.strategies[s];
        const Ledger& ledger = ledger_of(plan, passes, s);
        const std::size_t slot = plan.slot_of_strategy[s];
        const auto& clients = passes[plan.pass_of_strategy[s]].clients;
        for (std::size_t year = 0; year < model.calendar.years(); ++year) {
            const Cents total = ledger.total(slot, year);
            values.push_back(euros(total));
            for (std::size_t c = 0; c < finance::component_count; ++c) {
                values.push_back(
                    euros(component_cost(ledger, slot, year, n_states, static_cast<Component>(c))));
            }
            values.push_back(clients[year] == 0 ? nan
                                                : euros(total) / static_cast<double>(clients[year]));
            std::vector<Cents> of_waiting(n_states, 0);
            for (std::size_t st = 0; st < n_states; ++st) {
                of_waiting[st] = ledger.waiting_cost(slot, year, make_id<StateId>(st));
            }
            values.push_back(euros(std::accumulate(of_waiting.begin(), of_waiting.end(), Cents{0})));
            std::vector<Cents> by_segment(model.segments.size(), 0);
            std::vector<Cents> by_state(n_states, 0);
            for (std::size_t st = 0; st < n_states; ++st) {
                by_state[st] = state_cost(ledger, slot, year, st);
                if (const auto g = model.states[st].segment_index) by_segment[*g] += by_state[st];
            }
            for (const Cents cents : by_segment) values.push_back(euros(cents));
            for (const Cents cents : by_state) values.push_back(euros(cents));
            for (const Cents cents : of_waiting) values.push_back(euros(cents));
            for (std::size_t k = 0; k < strategy.contracts.size(); ++k) {
                const Contract& c = strategy.contracts[k];
                if (!has_budget(c)) continue;
                const auto& record = ledger.contract_year(slot, k, year);
                values.push_back(budget_use(model, strategy, c, record, year));
                values.push_back(euros(record.unpaid));
            }
        }
    }
    return values;
}

std::vector<MetricKey> cost_cell_keys(const Model& model) {
    std::vector<MetricKey> keys;
    std::vector<std::string> municipalities = model.population.municipalities;
    municipalities.emplace_back();  // the region, or costs no one municipality owns
    for (const Strategy& strategy : model.strategies) {
        for (const std::string& year : model.calendar.year_labels) {
            for (const Delivery& d : model.deliveries) {
                for (const std::string& municipality : municipalities) {
                    for (const auto component : component_names) {
                        keys.push_back({std::string(component), model.state(d.state).name, year,
                                        strategy.name, model.providers[d.provider].name,
                                        municipality});
                    }
                }
            }
        }
    }
    return keys;
}

std::vector<double> cost_cell_values(const Model& model, const PassPlan& plan,
                                     const std::vector<sim::ReplicationMetrics>& passes) {
    std::vector<double> values;
    const std::size_t municipalities = model.population.municipalities.size() + 1;
    for (std::size_t s = 0; s < model.strategies.size(); ++s) {
        const Ledger& ledger = ledger_of(plan, passes, s);
        const std::size_t slot = plan.slot_of_strategy[s];
        for (std::size_t year = 0; year < model.calendar.years(); ++year) {
            for (const Delivery& d : model.deliveries) {
                for (std::size_t m = 0; m < municipalities; ++m) {
                    for (std::size_t c = 0; c < finance::component_count; ++c) {
                        values.push_back(euros(ledger.at(slot, year, d.state, d.provider, m,
                                                         static_cast<Component>(c))));
                    }
                }
            }
        }
    }
    return values;
}

}  // namespace careflow::batch
