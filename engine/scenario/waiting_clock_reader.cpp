// Waiting clocks: what happens to youths on a waitlist (deterioration, escalation out of the
// line, giving up and perhaps coming back, recovery), each a rate that may grow with the wait.
#include "scenario/waiting_clock_reader.hpp"

#include "scenario/distribution_reader.hpp"
#include "scenario/units.hpp"
#include "scenario/youth_reader.hpp"

#include <careflow/names.hpp>

#include <fmt/format.h>

#include <algorithm>
#include <array>

namespace careflow::scenario {
namespace {

std::optional<WaitingEvent> read_event(const YAML::Node& node, const std::string& path,
                                       NodeReader& r) {
    const auto i = r.choice(node, path, waiting_event_words(), "waiting clock type");
    if (!i) return std::nullopt;
    return static_cast<WaitingEvent>(*i);
}

// The kernel keeps a clock's index in 16 bits, and draws every clock of a line at each join.
constexpr std::size_t max_clocks_per_line = 256;

std::optional<ComeBack> read_comes_back(const YAML::Node& node, const std::string& path,
                                        const Population& p, const StateLookup& lookup,
                                        NodeReader& r, const Where<ComeBack>& where) {
    static constexpr std::array<std::string_view, 4> keys{"share", "after", "severity_shift",
                                                          "to"};
    if (!r.expect_map(node, path)) return std::nullopt;
    r.check_keys(node, path, keys);
    ComeBack back;
    const auto share = r.required(node, "share", path);
    const auto after = r.required(node, "after", path);
    std::optional<double> share_value;
    if (share) share_value = r.bounded_number(*share, path + ".share", NumberRange{});
    if (share && where) r.bind(*share, path + ".share", assign(member(where, &ComeBack::share)));
    std::optional<Distribution> delay;
    if (after) {
        delay = read_distribution(*after, path + ".after", r,
                                  member(where, &ComeBack::after));
    }
    if (auto shift = NodeReader::optional(node, "severity_shift")) {
        const auto levels = static_cast<std::int64_t>(p.severity_levels.size());
        const auto value = r.integer(*shift, path + ".severity_shift");
        if (value && (*value <= -levels || *value >= levels)) {
            r.error(*shift, fmt::format("{}.severity_shift must lie between {} and {} (there are "
                                        "{} severity levels), got '{}'", path, 1 - levels,
                                        levels - 1, levels, shift->Scalar()));
        } else if (value) {
            back.severity_shift = static_cast<int>(*value);
        }
        if (where) {
            r.bind(*shift, path + ".severity_shift",
                   assign(member(where, &ComeBack::severity_shift), whole_number<int>));
        }
    }
    if (auto to = NodeReader::optional(node, "to")) {
        back.to = lookup(*to, path + ".to");
        if (!back.to) return std::nullopt;
    }
    if (!share_value || !delay) return std::nullopt;
    back.share = *share_value;
    back.after = *delay;
    return back;
}

/// The keys only some types take, checked against the type given.
void check_type_keys(const YAML::Node& node, const std::string& path, WaitingEvent event,
                     NodeReader& r) {
    const bool escalation = event == WaitingEvent::escalation;
    if (escalation && !NodeReader::optional(node, "to")) {
        r.error(node, fmt::format("missing required key 'to' in {}", path),
                {"hint: an escalation takes the youth out of the line to another state, e.g. "
                 "'to: crisis'"});
    }
    if (!escalation && NodeReader::optional(node, "to")) {
        r.error(*NodeReader::optional(node, "to"),
                fmt::format("{}.to is only for type 'escalation'", path),
                {fmt::format("hint: a {} does not move the youth to another state",
                             name_of(event))});
    }
    if (event != WaitingEvent::renege && NodeReader::optional(node, "comes_back")) {
        r.error(*NodeReader::optional(node, "comes_back"),
                fmt::format("{}.comes_back is only for type 'renege'", path));
    }
}

std::optional<WaitingClock> read_one(const YAML::Node& node, const std::string& path,
                                     const Population& p, const StateLookup& lookup,
                                     StateId waiting_for, NodeReader& r,
                                     const Where<WaitingClock>& where) {
    static constexpr std::array<std::string_view, 8> keys{
        "type", "to", "per_year", "growth_per_week", "by_severity", "by_age_band",
        "in_bridging", "comes_back"};
    if (!r.expect_map(node, path)) return std::nullopt;
    r.check_keys(node, path, keys);
    WaitingClock clock;
    const auto type_node = r.required(node, "type", path);
    const auto event = type_node ? read_event(*type_node, path + ".type", r) : std::nullopt;
    if (event) check_type_keys(node, path, *event, r);
    bool ok = event.has_value();
    if (auto to = NodeReader::optional(node, "to"); to && event == WaitingEvent::escalation) {
        const auto target = lookup(*to, path + ".to");
        if (target && *target == waiting_for) {
            r.error(*to, fmt::format("{}.to names the state whose line this is", path),
                    {"hint: an escalation leaves the line for another state; a youth who gets "
                     "worse and keeps waiting is a 'deterioration'"});
            ok = false;
        }
        ok = ok && target.has_value();
        clock.to = target.value_or(StateId::exit);
    }
    const auto rate = r.required(node, "per_year", path);
    std::optional<double> per_year;
    if (rate) per_year = r.bounded_number(*rate, path + ".per_year",
                                         {0.0, 1e6, false, "a rate per year"});
    clock.rate_per_day = per_day_from_per_year(per_year.value_or(0.0));
    if (rate && where) {
        r.bind(*rate, path + ".per_year", assign(member(where, &WaitingClock::rate_per_day),
                                                 per_day_from_per_year));
    }
    if (auto growth = NodeReader::optional(node, "growth_per_week")) {
        clock.growth_per_day = per_day_from_per_week(
            r.bounded_number(*growth, path + ".growth_per_week",
                             {0.0, 1e3, false, "a growth per week"})
                .value_or(0.0));
        if (where) {
            r.bind(*growth, path + ".growth_per_week",
                   assign(member(where, &WaitingClock::growth_per_day),
                          per_day_from_per_week));
        }
    }
    clock.severity_factor.assign(p.severity_levels.size(), 1.0);
    clock.age_band_factor.assign(p.age_band_labels.size(), 1.0);
    if (auto f = NodeReader::optional(node, "by_severity")) {
        clock.severity_factor = read_severity_factors(
            *f, path + ".by_severity", p, r,
            member(where, &WaitingClock::severity_factor));
    }
    if (auto f = NodeReader::optional(node, "by_age_band")) {
        clock.age_band_factor = read_per_age_band(
            *f, path + ".by_age_band", p, r,
            member(where, &WaitingClock::age_band_factor));
    }
    if (auto f = NodeReader::optional(node, "in_bridging")) {
        clock.bridging_factor = r.bounded_number(*f, path + ".in_bridging",
                                                 {0.0, 1e3, false, "a factor"}).value_or(1.0);
        if (where) {
            r.bind(*f, path + ".in_bridging", assign(member(where, &WaitingClock::bridging_factor)));
        }
    }
    if (auto back = NodeReader::optional(node, "comes_back"); back && event ==
                                                                  WaitingEvent::renege) {
        clock.comes_back = read_comes_back(*back, path + ".comes_back", p, lookup, r,
                                           held(member(where, &WaitingClock::comes_back)));
        ok = ok && clock.comes_back.has_value();
    }
    if (!ok || !per_year) return std::nullopt;
    clock.event = *event;
    return clock;
}

}  // namespace

std::vector<WaitingClock> read_waiting_clocks(const YAML::Node& node, const std::string& path,
                                              const Population& population,
                                              const StateLookup& lookup, StateId waiting_for,
                                              NodeReader& r,
                                              const Where<std::vector<WaitingClock>>& where,
                                              std::size_t first_index) {
    std::vector<WaitingClock> out;
    if (!r.expect_list(node, path)) return out;
    if (node.size() > max_clocks_per_line) {
        r.error(node, fmt::format("{} has {} clocks, more than the {} a line may have", path,
                                  node.size(), max_clocks_per_line),
                {"hint: one clock per kind of event and destination is enough; give a clock "
                 "factors by severity or age band instead of repeating it"});
        return out;
    }
    for (std::size_t i = 0; i < node.size(); ++i) {
        auto clock = read_one(node[i], fmt::format("{}[{}]", path, i), population, lookup,
                              waiting_for, r,
                              item(where, first_index + out.size()));
        if (clock) out.push_back(std::move(*clock));
    }
    return out;
}

}  // namespace careflow::scenario
