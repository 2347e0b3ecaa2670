// Waitlist rules: order (fifo or priority by severity), waiting-time norm, the clocks that run
// while youths wait, bridging care.
#include "scenario/waitlist_reader.hpp"

#include "scenario/units.hpp"
#include "scenario/waiting_clock_reader.hpp"

#include <fmt/format.h>

#include <array>

namespace careflow::scenario {
namespace {

std::optional<WaitlistOrder> read_order(const YAML::Node& node, const std::string& path,
                                        NodeReader& r) {
    const auto word = r.text(node, path);
    if (!word) return std::nullopt;
    if (*word == "fifo") return WaitlistOrder::fifo;
    if (*word == "priority") return WaitlistOrder::priority;
    r.error(node, fmt::format("unknown waitlist order '{}' in {}", *word, path),
            {"known orders: fifo, priority (most severe first, then longest waiting)"});
    return std::nullopt;
}

}  // namespace

WaitlistRules read_waitlist(const YAML::Node& node, const std::string& path,
                            const Population& population, const StateLookup& lookup,
                            StateId waiting_for, NodeReader& r,
                            const Where<WaitlistRules>& where) {
    static constexpr std::array<std::string_view, 6> keys{
        "order", "norm", "renege_per_year", "bridging", "escalation_growth_per_week",
        "while_waiting"};
    WaitlistRules rules;
    if (!node.IsMap()) {
        rules.order = read_order(node, path, r).value_or(WaitlistOrder::fifo);
        return rules;
    }
    r.check_keys(node, path, keys);
    if (auto order = NodeReader::optional(node, "order")) {
        rules.order = read_order(*order, path + ".order", r).value_or(WaitlistOrder::fifo);
    }
    if (auto norm = NodeReader::optional(node, "norm")) {
        rules.norm_days = r.duration_days(*norm, path + ".norm");
        if (where) {
            r.bind(*norm, path + ".norm",
                   assign(member(where, &WaitlistRules::norm_days),
                          [](double days) { return std::optional(days); }));
        }
    }
    if (auto renege = NodeReader::optional(node, "renege_per_year")) {
        const auto rate = r.number(*renege, path + ".renege_per_year");
        if (rate && *rate < 0.0) {
            r.error(*renege, fmt::format("{}.renege_per_year must be 0 or more, got '{}'", path,
                                         renege->Scalar()));
        } else if (rate && *rate > 0.0) {
            // The short form: a renege clock that stops in bridging care (its meaning before
            // `while_waiting` existed).
            WaitingClock clock{.event = WaitingEvent::renege, .rate_per_day = per_day_from_per_year(*rate)};
            clock.severity_factor.assign(population.severity_levels.size(), 1.0);
            clock.age_band_factor.assign(population.age_band_labels.size(), 1.0);
            clock.bridging_factor = 0.0;
            rules.clocks.push_back(std::move(clock));
            if (where) {  // a rate of 0 makes no clock: a value drawn for it stays unbound
                r.bind(*renege, path + ".renege_per_year",
                       assign(member(item(member(where, &WaitlistRules::clocks), 0),
                                     &WaitingClock::rate_per_day),
                              per_day_from_per_year));
            }
        }
    }
    if (auto clocks = NodeReader::optional(node, "while_waiting")) {
        auto more = read_waiting_clocks(
            *clocks, path + ".while_waiting", population, lookup, waiting_for, r,
            member(where, &WaitlistRules::clocks), rules.clocks.size());
        rules.clocks.insert(rules.clocks.end(), more.begin(), more.end());
    }
    if (auto bridging = NodeReader::optional(node, "bridging")) {
        rules.bridging = lookup(*bridging, path + ".bridging");
    }
    if (auto growth = NodeReader::optional(node, "escalation_growth_per_week")) {
        const auto value = r.number(*growth, path + ".escalation_growth_per_week");
        if (value && *value < 0.0) {
            r.error(*growth, fmt::format("{}.escalation_growth_per_week must be 0 or more", path));
        } else if (value) {
            rules.escalation_growth_per_day = per_day_from_per_week(*value);
        }
        if (where) {
            r.bind(*growth, path + ".escalation_growth_per_week",
                   assign(member(where, &WaitlistRules::escalation_growth_per_day),
                          per_day_from_per_week));
        }
        if (!NodeReader::optional(node, "bridging")) {
            r.error(*growth, fmt::format("{}.escalation_growth_per_week needs 'bridging'", path),
                    {"hint: name the lighter state that cares for youths while they wait"});
        }
    }
    return rules;
}

}  // namespace careflow::scenario
