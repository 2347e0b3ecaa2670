// The kernel's inflow: referral streams (sampled by thinning), the initial stock, and who
// each youth is (severity, guardianship, age), all drawn from the youth's own stream.
#include "sim/simulation.hpp"

#include "sim/sampling.hpp"

#include <algorithm>
#include <cmath>

namespace careflow::sim {
namespace {


/// Stock youths get stream entities above every referral stream's, so the two never share.
constexpr std::uint64_t stock_entity_base = 0x8000;

double max_seasonality(const ArrivalStream& stream) {
    if (stream.seasonality.empty()) return 1.0;
    return *std::max_element(stream.seasonality.begin(), stream.seasonality.end());
}

}  // namespace

void Simulation::on_arrival(const Event& ev) {
    const std::uint32_t stream = ev.subject();
    const ArrivalStream& spec = model_.arrivals[stream];
    const std::uint64_t birth = (std::uint64_t{stream} << 32) | sources_[stream].referrals++;
    ++referrals_in_window_;
    const YouthId youth = youths_.add(birth);
    RandomStream rng = youth_stream(youth);
    draw_youth(youth, spec.mix, rng);
    youths_[index(youth)].draws = rng.position();
    if (window_open_) report_.referred(year_, youths_[index(youth)].municipality);
    enter(youth, spec.to_by_severity[youths_[index(youth)].severity]);
    schedule_next_arrival(stream);
}

/// Thinning (Lewis and Shedler): candidates at the peak rate, each kept with probability
/// rate(t) / peak. Exact for the non-homogeneous Poisson process of trend and seasonality.
void Simulation::schedule_next_arrival(std::uint32_t source) {
    Source& s = sources_[source];
    const ArrivalStream& spec = model_.arrivals[source];
    s.stamp = 0;  // any earlier candidate is stale from now on
    if (s.peak_rate_per_day <= 0.0) return;
    const bool constant = spec.trend_per_year == 0.0 && spec.seasonality.empty();
    const double end = model_.run.warmup_days + model_.run.horizon_days;
    for (double at = clock_;;) {
        at -= std::log1p(-s.gaps.uniform()) / s.peak_rate_per_day;
        if (at > end) return;  // beyond the run: nothing more to schedule
        if (constant || s.gaps.uniform() * s.peak_rate_per_day <= arrival_rate(source, at)) {
            s.stamp = queue_.push(at, EventKind::arrival, source);
            return;
        }
    }
}

double Simulation::arrival_rate(std::uint32_t source, double at) const noexcept {
    const ArrivalStream& stream = model_.arrivals[source];
    const double window_start = model_.run.warmup_days;
    double rate = stream.rate_per_day * sources_[source].inflow_factor;
    if (stream.trend_per_year != 0.0) {
        rate *= std::pow(1.0 + stream.trend_per_year, (at - window_start) / days_per_year);
    }
    if (!stream.seasonality.empty()) {
        const int month = month_of_year(model_.calendar, window_start, at);
        rate *= stream.seasonality[static_cast<std::size_t>(month)];
    }
    return rate;
}

double Simulation::peak_arrival_rate(const ArrivalStream& stream) const noexcept {
    const double growth = 1.0 + stream.trend_per_year;
    const double first_years = -model_.run.warmup_days / days_per_year;
    const double last_years = model_.run.horizon_days / days_per_year;
    const double trend_peak = std::max(std::pow(growth, first_years), std::pow(growth, last_years));
    return stream.rate_per_day * max_seasonality(stream) * trend_peak;
}

/// The youths in care when the run starts, with the time they have already spent there.
void Simulation::place_initial_stock() {
    for (std::size_t i = 0; i < model_.initial_stock.size(); ++i) {
        const InitialStock& stock = model_.initial_stock[i];
        StateRuntime& state = states_[index(stock.state)];
        for (std::uint32_t k = 0; k < stock.count; ++k) {
            const YouthId youth = youths_.add(((stock_entity_base + i) << 32) | k);
            const auto y = index(youth);
            RandomStream rng = youth_stream(youth);
            draw_youth(youth, stock.mix, rng);
            const double elapsed = stock.in_care_for ? sample_days(*stock.in_care_for, rng) : 0.0;
            youths_[y].draws = rng.position();
            if (!can_admit(stock.state)) {
                enter(youth, stock.state);  // more stock than places: the rest wait
                continue;
            }
            state.tally.advance(clock_, state.occupied, state.waiting);
            ++state.occupied;
            youths_[y].state = stock.state;
            youths_[y].queued_at = clock_ - elapsed;
            youths_[y].admitted_at = clock_ - elapsed;
            youths_[y].in_care = 1;
            assign_provider(youth, stock.state);
            schedule_stay_end(youth, stock.state, true, elapsed);
        }
    }
}

void Simulation::draw_youth(YouthId youth, const YouthMix& mix, RandomStream& rng) {
    const auto y = index(youth);
    // Draw only what varies: a youth's stream stays the same whatever the scenario leaves out.
    const auto& cumulative = mix.severity_cumulative;
    if (cumulative.size() > 1) {
        const auto level = std::upper_bound(cumulative.begin(), cumulative.end() - 1, rng.uniform());
        youths_[y].severity = static_cast<std::uint8_t>(level - cumulative.begin());
    }
    if (mix.guardianship_share > 0.0) {
        youths_[y].guardian = rng.uniform() < mix.guardianship_share ? 1 : 0;
    }
    if (!mix.municipality_cumulative.empty()) {
        const auto& shares = mix.municipality_cumulative;
        youths_[y].municipality = static_cast<std::uint16_t>(
            std::upper_bound(shares.begin(), shares.end() - 1, rng.uniform()) - shares.begin());
    }
    if (!mix.age) return;
    const AgeTable& ages = *mix.age;
    const auto row = static_cast<std::size_t>(
        std::upper_bound(ages.cumulative.begin(), ages.cumulative.end() - 1, rng.uniform()) -
        ages.cumulative.begin());
    const double age = ages.from_years[row] +
                       rng.uniform() * (ages.to_years[row] - ages.from_years[row]);
    youths_[y].born_at = clock_ - age * days_per_year;
}

}  // namespace careflow::sim
