// YearReport: counting clients once per year, and turning tallies into yearly metrics.
#include "sim/year_report.hpp"

#include <algorithm>
#include <limits>

namespace careflow::sim {
namespace {

std::uint64_t waiting(const YearTally& t, WaitingEvent event) {
    return t.waiting_events[static_cast<std::size_t>(event)];
}

double mean_or_nan(double sum, std::uint64_t count) {
    return count == 0 ? std::numeric_limits<double>::quiet_NaN()
                      : sum / static_cast<double>(count);
}

}  // namespace

YearReport::YearReport(const Model& model)
    : model_(model),
      states_(model.state_count()),
      years_(model.calendar.years() * states_),
      clients_(model.calendar.years()),
      referrals_(model.calendar.years()),
      exits_(model.calendar.years()),
      re_entries_(model.calendar.years()),
      municipalities_(model.population.municipalities.size()),
      municipality_years_(model.calendar.years() * municipalities_),
      segment_clients_(model.calendar.years() * model.segments.size()),
      month_stock_(model.calendar.months() * states_),
      month_waitlist_(model.calendar.months() * states_),
      month_places_(model.calendar.months() * states_) {
    const Calendar& calendar = model.calendar;
    for (std::size_t m = 0; m < calendar.months(); ++m) {
        if (m == 0 || calendar.month_year[m] != calendar.month_year[m - 1]) {
            year_start_days_.push_back(calendar.month_start_days[m]);
        }
    }
    year_start_days_.push_back(calendar.end_days);
}

void YearReport::waited(StateId state, double from, double to) {
    add_by_year(state, from, to, &YearTally::wait_youth_days);
    if (const auto& norm = model_.state(state).waitlist.norm_days) {
        add_by_year(state, from + *norm, to, &YearTally::over_norm_youth_days);
    }
}

void YearReport::add_by_year(StateId state, double from, double to, double YearTally::*field) {
    for (std::size_t year = 0; year + 1 < year_start_days_.size(); ++year) {
        const double begin = std::max(from, year_start_days_[year]);
        const double end = std::min(to, year_start_days_[year + 1]);
        if (end > begin) tally(year, state).*field += end - begin;
    }
}

void YearReport::admission(YouthStore& youths, YouthId youth, StateId state, std::size_t year,
                           double wait_days) {
    YearTally& t = tally(year, state);
    ++t.admissions;
    t.wait_days_sum += wait_days;
    t.waits.add(wait_days);
    const auto& norm = model_.state(state).waitlist.norm_days;
    if (norm && wait_days > *norm) ++t.over_norm;
    client(youths, youth, state, year);
}

void YearReport::client(YouthStore& youths, YouthId youth, StateId state, std::size_t year) {
    const auto y = index(youth);
    const auto year_index = static_cast<std::int32_t>(year);
    if (youths[y].seen_year != year_index) {
        // First care of this youth in this year: a client of the region this year.
        youths[y].seen_year = year_index;
        youths[y].seen_states = 0;
        youths[y].seen_segments = 0;
        ++clients_[year];
        if (municipalities_ > 0) ++by_municipality(year, youths[y].municipality).clients;
    }
    const std::uint64_t state_bit = std::uint64_t{1} << index(state);
    if ((youths[y].seen_states & state_bit) == 0) {
        youths[y].seen_states |= state_bit;
        ++tally(year, state).clients;
    }
    if (const auto segment = model_.state(state).segment_index) {
        const std::uint32_t segment_bit = std::uint32_t{1} << *segment;
        if ((youths[y].seen_segments & segment_bit) == 0) {
            youths[y].seen_segments |= segment_bit;
            ++segment_clients_[year * model_.segments.size() + *segment];
        }
    }
}

void YearReport::municipality_stock(std::size_t year, const YouthStore& youths) {
    if (municipalities_ == 0) return;
    for (std::size_t y = 0; y < youths.slots(); ++y) {
        if (youths[y].state == StateId::exit || youths[y].in_care == 0) continue;
        ++by_municipality(year, youths[y].municipality).stock_end;
    }
}

void YearReport::completion(StateId state, std::size_t year, double stay_days) {
    YearTally& t = tally(year, state);
    ++t.completions;
    t.stay_days_sum += stay_days;
}

void YearReport::month_end(std::size_t month, std::size_t year, bool year_end,
                           const Snapshot& now) {
    for (std::size_t s = 0; s < states_; ++s) {
        // Unlimited now, whatever the scenario said (a policy may have set places).
        const bool unlimited = now.places[s] == std::numeric_limits<std::uint32_t>::max();
        month_stock_[month * states_ + s] = now.stock[s];
        month_waitlist_[month * states_ + s] = now.waitlist[s];
        month_places_[month * states_ + s] =
            unlimited ? std::numeric_limits<double>::quiet_NaN() : now.places[s];
        if (!year_end) continue;
        YearTally& t = years_[year * states_ + s];
        t.stock_end = now.stock[s];
        t.waitlist_end = now.waitlist[s];
        t.places_end = now.places[s];  // UINT32_MAX: unlimited at that moment
        t.fte_end = now.fte[s];
    }
}

void YearReport::collect(ReplicationMetrics& out) const {
    out.years.reserve(years_.size());
    for (std::size_t i = 0; i < years_.size(); ++i) {
        const YearTally& t = years_[i];
        const CareState& state = model_.states[i % states_];
        const bool has_norm = state.waitlist.norm_days.has_value();
        const bool unlimited = t.places_end == std::numeric_limits<std::uint32_t>::max();
        constexpr double nan = std::numeric_limits<double>::quiet_NaN();
        out.years.push_back({
            .clients = t.clients,
            .admissions = t.admissions,
            .completions = t.completions,
            .stock_end = t.stock_end,
            .waitlist_end = t.waitlist_end,
            .places_end = unlimited ? nan : t.places_end,
            .fte_end = state.staff ? t.fte_end : nan,
            .wait_days_mean = mean_or_nan(t.wait_days_sum, t.admissions),
            .wait_days_p90 = t.waits.quantile(0.9),
            .stay_days_mean = mean_or_nan(t.stay_days_sum, t.completions),
            .left_by_type = t.left_by_type,
            .aged_out = t.aged_out,
            .moves = t.moves,
            .over_norm_share = has_norm
                                   ? mean_or_nan(static_cast<double>(t.over_norm), t.admissions)
                                   : std::numeric_limits<double>::quiet_NaN(),
            .reneged = t.reneged,
            .overflows = t.overflows,
            .redirected = t.redirected,
            .bridged = t.bridged,
            .waiting_deteriorations = waiting(t, WaitingEvent::deterioration),
            .waiting_escalations = waiting(t, WaitingEvent::escalation),
            .waiting_recoveries = waiting(t, WaitingEvent::recovery),
            .came_back = t.came_back,
            .entries = t.entries,
            .wait_youth_days = t.wait_youth_days,
            .over_norm_youth_days = has_norm ? t.over_norm_youth_days : nan,
        });
    }
    out.clients = clients_;
    out.referrals_by_year = referrals_;
    out.exits_by_year = exits_;
    out.re_entries_by_year = re_entries_;
    for (const MunicipalityTally& t : municipality_years_) {
        out.municipality_years.push_back({t.clients, t.referrals, t.stock_end});
    }
    out.segment_clients = segment_clients_;
    out.month_stock = month_stock_;
    out.month_waitlist = month_waitlist_;
    out.month_places = month_places_;
}

}  // namespace careflow::sim
