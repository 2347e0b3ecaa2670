// The manifest's procurement section.
#include "output/procurement_json.hpp"

#include <careflow/names.hpp>

namespace careflow::output {
namespace {

using Json = nlohmann::ordered_json;

double euros(Cents cents) { return static_cast<double>(cents) / 100.0; }

Json euros(const std::vector<Cents>& amounts) {
    Json out = Json::array();
    for (const Cents c : amounts) out.push_back(euros(c));
    return out;
}

Json contract_json(const Model& model, const Contract& c) {
    Json out{{"state", model.state(c.state).name},
             {"provider", model.providers[c.provider].name},
             {"scheme", name_of(c.scheme)},
             {"price_by_level", euros(c.price_by_level)}};
    if (c.scheme == Scheme::per_unit) {
        out["units_per_week_by_level"] = c.units_per_week_by_level;
        out["unit"] = c.unit;
    }
    if (c.scheme == Scheme::day_price) {
        out["days"] = c.day_count == DayCount::both ? "both" : "first_not_last";
    }
    if (c.scheme == Scheme::monthly) out["months"] = c.pro_rata ? "pro_rata" : "full";
    if (c.max_days) out["max_duration_days"] = *c.max_days;
    if (c.scheme == Scheme::lump_sum) {
        out["budget_per_year"] = euros(c.budget_per_year);
        if (c.cost_per_place_per_year) out["cost_per_place"] = euros(*c.cost_per_place_per_year);
        if (const auto places = c.funded_places()) out["funded_places"] = *places;
    }
    if (c.ceiling) {
        out["ceiling"] = {{"per_year", euros(c.ceiling->per_year)},
                          {"then", c.ceiling->rule == CeilingRule::stop_admissions
                                       ? "stop_admissions"
                                       : "reduced_tariff"},
                          {"reduced_share", c.ceiling->reduced_share}};
    }
    out["level_changes"] = Json::array();
    for (const LevelChange& change : c.level_changes) {
        out["level_changes"].push_back({{"after_days", change.after_days}, {"by", change.by}});
    }
    out["bonus"] = {{"substitution", euros(c.substitution_bonus)},
                    {"outcome", euros(c.outcome_bonus)}};
    if (c.shared_savings) {
        out["bonus"]["shared_savings"] = {{"baseline", euros(c.shared_savings->baseline_per_year)},
                                          {"share", c.shared_savings->share}};
    }
    out["admin"] = {{"per_claim", euros(c.admin_per_claim)},
                    {"per_contract_year", euros(c.admin_per_contract_year)}};
    out["behaviour"] = {{"length_of_stay", c.behaviour.length_of_stay},
                        {"step_down", c.behaviour.step_down},
                        {"upcoding", c.behaviour.upcoding},
                        {"readmission", c.behaviour.readmission}};
    return out;
}

}  // namespace

nlohmann::ordered_json procurement_json(const Model& model) {
    Json out;
    out["providers"] = Json::array();
    for (std::size_t p = 0; p < model.providers.size(); ++p) {
        Json delivers = Json::object();
        for (const Delivery& d : model.deliveries) {
            if (d.provider == p) delivers[model.state(d.state).name] = d.share;
        }
        out["providers"].push_back({{"name", model.providers[p].name}, {"delivers", delivers}});
    }
    out["strategies"] = Json::array();
    for (const Strategy& strategy : model.strategies) {
        Json entry{{"name", strategy.name},
                   {"description", strategy.description},
                   {"indexation", strategy.indexation_per_year},
                   {"simulated_on_its_own", strategy.changes_flows()},
                   {"contracts", Json::array()}};
        for (const Contract& c : strategy.contracts) {
            entry["contracts"].push_back(contract_json(model, c));
        }
        out["strategies"].push_back(std::move(entry));
    }
    return out;
}

}  // namespace careflow::output
