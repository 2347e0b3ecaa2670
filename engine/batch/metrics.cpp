// The metric catalogue. Names are documented in docs/outputs.md; keep the two in step.
#include "batch/metrics.hpp"

#include <array>
#include <string_view>

namespace careflow::batch {
namespace {

using sim::StateMetrics;
using sim::YearStateMetrics;

template <typename Metrics>
struct Column {
    std::string_view name;
    double (*value)(const Metrics&);
};

double count(std::uint64_t n) { return static_cast<double>(n); }

// Over the whole measured window, per state. Order here is the order of rows.
constexpr std::array<Column<StateMetrics>, 7> window_columns{{
    {"in_care_mean", [](const StateMetrics& m) { return m.in_care_mean; }},
    {"waiting_mean", [](const StateMetrics& m) { return m.waiting_mean; }},
    {"wait_days_mean", [](const StateMetrics& m) { return m.wait_days_mean; }},
    {"waited_share", [](const StateMetrics& m) { return m.waited_share; }},
    {"admissions", [](const StateMetrics& m) { return count(m.admissions); }},
    {"completions", [](const StateMetrics& m) { return count(m.completions); }},
    {"stay_days_mean", [](const StateMetrics& m) { return m.stay_days_mean; }},
}};

double left(const YearStateMetrics& m, TransitionType type) {
    return count(m.left_by_type[static_cast<std::size_t>(type)]);
}

// Per calendar year, per state.
constexpr std::array<Column<YearStateMetrics>, 29> year_columns{{
    {"clients", [](const YearStateMetrics& m) { return count(m.clients); }},
    {"admissions", [](const YearStateMetrics& m) { return count(m.admissions); }},
    {"completions", [](const YearStateMetrics& m) { return count(m.completions); }},
    {"stock_end", [](const YearStateMetrics& m) { return count(m.stock_end); }},
    {"waitlist_end", [](const YearStateMetrics& m) { return count(m.waitlist_end); }},
    {"places_end", [](const YearStateMetrics& m) { return m.places_end; }},
    {"staff_fte_end", [](const YearStateMetrics& m) { return m.fte_end; }},
    {"wait_days_mean", [](const YearStateMetrics& m) { return m.wait_days_mean; }},
    {"wait_days_p90", [](const YearStateMetrics& m) { return m.wait_days_p90; }},
    {"stay_days_mean", [](const YearStateMetrics& m) { return m.stay_days_mean; }},
    {"escalations", [](const YearStateMetrics& m) { return left(m, TransitionType::escalation); }},
    {"step_downs", [](const YearStateMetrics& m) { return left(m, TransitionType::step_down); }},
    {"completed", [](const YearStateMetrics& m) { return left(m, TransitionType::completion); }},
    {"breakdowns", [](const YearStateMetrics& m) { return left(m, TransitionType::breakdown); }},
    {"other_exits", [](const YearStateMetrics& m) { return left(m, TransitionType::other); }},
    {"aged_out", [](const YearStateMetrics& m) { return count(m.aged_out); }},
    {"moves", [](const YearStateMetrics& m) { return count(m.moves); }},
    {"over_norm_share", [](const YearStateMetrics& m) { return m.over_norm_share; }},
    {"reneged", [](const YearStateMetrics& m) { return count(m.reneged); }},
    {"overflows", [](const YearStateMetrics& m) { return count(m.overflows); }},
    {"redirected", [](const YearStateMetrics& m) { return count(m.redirected); }},
    {"bridged", [](const YearStateMetrics& m) { return count(m.bridged); }},
    {"waiting_deteriorations",
     [](const YearStateMetrics& m) { return count(m.waiting_deteriorations); }},
    {"waiting_escalations", [](const YearStateMetrics& m) { return count(m.waiting_escalations); }},
    {"waiting_recoveries", [](const YearStateMetrics& m) { return count(m.waiting_recoveries); }},
    {"came_back", [](const YearStateMetrics& m) { return count(m.came_back); }},
    {"entries", [](const YearStateMetrics& m) { return count(m.entries); }},
    {"wait_youth_days", [](const YearStateMetrics& m) { return m.wait_youth_days; }},
    {"over_norm_youth_days", [](const YearStateMetrics& m) { return m.over_norm_youth_days; }},
}};

// Per calendar year, over all states: admissions into out-of-home kinds and crisis.
void add_region_values(const Model& model, const sim::ReplicationMetrics& m, std::size_t year,
                       std::vector<double>& values) {
    const std::size_t n_states = model.state_count();
    double out_of_home = 0.0;
    double out_of_home_entries = 0.0;
    double crisis = 0.0;
    double deteriorations = 0.0;
    double escalations = 0.0;
    double youth_days = 0.0;
    for (std::size_t s = 0; s < n_states; ++s) {
        const YearStateMetrics& y = m.years[year * n_states + s];
        const double admissions = count(y.admissions);
        if (is_out_of_home(model.states[s].kind)) {
            out_of_home += admissions;
            out_of_home_entries += count(y.entries);
        }
        if (model.states[s].kind == StateKind::crisis) crisis += admissions;
        deteriorations += count(y.waiting_deteriorations);
        escalations += count(y.waiting_escalations);
        youth_days += y.wait_youth_days;
    }
    values.push_back(count(m.clients[year]));
    values.push_back(count(m.referrals_by_year[year]));
    values.push_back(count(m.exits_by_year[year]));
    values.push_back(count(m.re_entries_by_year[year]));
    values.push_back(out_of_home);
    values.push_back(out_of_home_entries);
    values.push_back(crisis);
    values.push_back(deteriorations);
    values.push_back(escalations);
    values.push_back(youth_days);
}

// Per calendar year, per segment: distinct clients, and sums over the segment's states.
constexpr std::array<std::string_view, 4> segment_columns{
    "segment_clients", "segment_admissions", "segment_stock_end", "segment_waitlist_end"};

void add_segment_values(const Model& model, const sim::ReplicationMetrics& m, std::size_t year,
                        std::vector<double>& values) {
    const std::size_t n_states = model.state_count();
    const std::size_t n_segments = model.segments.size();
    std::vector<double> sums(3 * n_segments, 0.0);
    for (std::size_t s = 0; s < n_states; ++s) {
        const auto segment = model.states[s].segment_index;
        if (!segment) continue;
        const YearStateMetrics& y = m.years[year * n_states + s];
        sums[*segment] += count(y.admissions);
        sums[n_segments + *segment] += y.stock_end;
        sums[2 * n_segments + *segment] += y.waitlist_end;
    }
    for (std::size_t g = 0; g < n_segments; ++g) {
        values.push_back(count(m.segment_clients[year * n_segments + g]));
    }
    values.insert(values.end(), sums.begin(), sums.end());
}

}  // namespace

std::vector<MetricKey> metric_keys(const Model& model, const std::string& strategy) {
    std::vector<MetricKey> keys;
    for (const auto& column : window_columns) {
        for (const CareState& state : model.states) {
            keys.push_back({std::string(column.name), state.name, "", strategy});
        }
    }
    for (const std::string& year : model.calendar.year_labels) {
        for (const auto& column : year_columns) {
            for (const CareState& state : model.states) {
                keys.push_back({std::string(column.name), state.name, year, strategy});
            }
        }
        keys.push_back({"clients", "", year, strategy});
        keys.push_back({"referrals", "", year, strategy});
        keys.push_back({"exits", "", year, strategy});
        keys.push_back({"re_entries", "", year, strategy});
        keys.push_back({"out_of_home_admissions", "", year, strategy});
        keys.push_back({"out_of_home_entries", "", year, strategy});
        keys.push_back({"crisis_admissions", "", year, strategy});
        keys.push_back({"waiting_deteriorations", "", year, strategy});
        keys.push_back({"waiting_escalations", "", year, strategy});
        keys.push_back({"wait_youth_days", "", year, strategy});
        for (const std::string& municipality : model.population.municipalities) {
            keys.push_back({"municipality_clients", municipality, year, strategy});
            keys.push_back({"municipality_referrals", municipality, year, strategy});
            keys.push_back({"municipality_stock_end", municipality, year, strategy});
        }
        for (const auto name : segment_columns) {
            for (const std::string& segment : model.segments) {
                keys.push_back({std::string(name), segment, year, strategy});
            }
        }
    }
    keys.push_back({"referrals", "", "", strategy});
    keys.push_back({"events", "", "", strategy});
    return keys;
}

std::vector<double> metric_values(const Model& model, const sim::ReplicationMetrics& m) {
    std::vector<double> values;
    for (const auto& column : window_columns) {
        for (const StateMetrics& state : m.states) values.push_back(column.value(state));
    }
    const std::size_t n_states = model.state_count();
    for (std::size_t year = 0; year < model.calendar.years(); ++year) {
        for (const auto& column : year_columns) {
            for (std::size_t s = 0; s < n_states; ++s) {
                values.push_back(column.value(m.years[year * n_states + s]));
            }
        }
        add_region_values(model, m, year, values);
        const std::size_t n_municipalities = model.population.municipalities.size();
        for (std::size_t g = 0; g < n_municipalities; ++g) {
            const auto& t = m.municipality_years[year * n_municipalities + g];
            values.push_back(count(t.clients));
            values.push_back(count(t.referrals));
            values.push_back(t.stock_end);
        }
        add_segment_values(model, m, year, values);
    }
    values.push_back(count(m.referrals));
    values.push_back(count(m.events));
    return values;
}

std::vector<MetricKey> series_keys(const Model& model, const std::string& strategy) {
    std::vector<MetricKey> keys;
    for (const std::string& month : model.calendar.month_labels) {
        for (const char* metric : {"stock", "waitlist", "places"}) {
            for (const CareState& state : model.states) {
                keys.push_back({metric, state.name, month, strategy});
            }
        }
    }
    return keys;
}

std::vector<double> series_values(const sim::ReplicationMetrics& m) {
    std::vector<double> values;
    const std::size_t n_states = m.states.size();
    const std::size_t months = n_states == 0 ? 0 : m.month_stock.size() / n_states;
    for (std::size_t month = 0; month < months; ++month) {
        for (const auto* series : {&m.month_stock, &m.month_waitlist}) {
            for (std::size_t s = 0; s < n_states; ++s) {
                values.push_back((*series)[month * n_states + s]);
            }
        }
        for (std::size_t s = 0; s < n_states; ++s) {
            values.push_back(m.month_places[month * n_states + s]);
        }
    }
    return values;
}

}  // namespace careflow::batch
