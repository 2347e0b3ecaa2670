// Providers and their deliveries; the provider "other" takes the shares nobody listed takes.
#include "scenario/provider_reader.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <array>
#include <cmath>
#include <limits>
#include <map>
#include <optional>
#include <string>
#include <vector>

namespace careflow::scenario {
namespace {

constexpr double share_tolerance = 1e-6;
// A remainder this small is rounding in shares that were meant to sum to 1.
constexpr double smallest_remainder = 1e-9;
// Provider ids are 16 bits, and "other" may need the last one.
constexpr std::size_t max_providers = std::numeric_limits<std::uint16_t>::max() - 1;

constexpr NumberRange share_range{.low = 0.0, .high = 1.0, .low_open = true,
                                  .what = "a share of the state's admissions"};

/// Reads the providers list; holds the running share of each state and who gave it.
class ProviderReader {
public:
    ProviderReader(const StateLookup& lookup, Model& model, NodeReader& reader)
        : lookup_(lookup), model_(model), r_(reader), sums_(model.state_count(), 0.0),
          givers_(model.state_count()), over_(model.state_count(), false) {}

    void read_provider(const YAML::Node& node, const std::string& path);

private:
    std::optional<std::string> read_name(const YAML::Node& node, const std::string& path);
    void read_delivers(const YAML::Node& node, const std::string& path);
    void add_share(const YAML::Node& at, const std::string& path, StateId state, double share);

    const StateLookup& lookup_;
    Model& model_;
    NodeReader& r_;
    std::map<std::string, YAML::Node, std::less<>> names_;  ///< name: its node, for notes
    std::vector<double> sums_;                              ///< per state
    std::vector<std::vector<std::string>> givers_;          ///< per state: "Pluryn 0.6"
    std::vector<bool> over_;  ///< per state: already reported above 1
};

void ProviderReader::read_provider(const YAML::Node& node, const std::string& path) {
    static constexpr std::array<std::string_view, 2> keys{"name", "delivers"};
    if (!r_.expect_map(node, path)) return;
    r_.check_keys(node, path, keys);
    const auto name = read_name(node, path);
    const auto delivers = r_.required(node, "delivers", path);
    if (!name) return;
    if (model_.providers.size() == max_providers) {
        r_.error(node, fmt::format("{} is one provider too many: at most {} providers", path,
                                   max_providers));
        return;
    }
    model_.providers.push_back(Provider{.name = *name});
    if (delivers) read_delivers(*delivers, path + ".delivers");
}

std::optional<std::string> ProviderReader::read_name(const YAML::Node& node,
                                                     const std::string& path) {
    const auto name_node = r_.required(node, "name", path);
    const auto name = name_node ? r_.text(*name_node, path + ".name") : std::nullopt;
    if (!name) return std::nullopt;
    if (name->empty()) {
        r_.error(*name_node, fmt::format("{}.name must not be empty", path),
                 {"hint: contracts and outputs name the provider by it"});
        return std::nullopt;
    }
    if (*name == remainder_provider) {
        r_.error(*name_node, fmt::format("{}.name '{}' is reserved", path, *name),
                 {fmt::format("hint: careflow gives the shares no listed provider takes to a "
                              "provider named '{}'; give this provider another name",
                              remainder_provider)});
        return std::nullopt;
    }
    if (const auto first = names_.find(*name); first != names_.end()) {
        r_.error(*name_node, fmt::format("duplicate provider '{}' in {}", *name, path),
                 {fmt::format("note: first defined at line {}", r_.where(first->second).line),
                  "hint: list each provider once, with every state it delivers"});
        return std::nullopt;
    }
    names_.emplace(*name, *name_node);
    return name;
}

void ProviderReader::read_delivers(const YAML::Node& node, const std::string& path) {
    if (!r_.expect_map(node, path)) return;
    if (node.size() == 0) {
        r_.error(node, fmt::format("{} must name at least one state", path),
                 {"hint: e.g. 'delivers: {residential: 0.6}': the provider takes 60 % of "
                  "residential care's admissions"});
        return;
    }
    r_.check_unique_keys(node, path);
    std::vector<StateId> seen;  // a repeated key is reported above; count its share once
    for (const auto& entry : node) {
        const auto state = lookup_(entry.first, path);
        const std::string key = entry.first.IsScalar() ? entry.first.Scalar() : "?";
        const std::string share_path = fmt::format("{}.{}", path, key);
        const auto share = r_.bounded_number(
            entry.second, share_path, share_range,
            {"hint: 0.6 means the provider takes 60 % of the state's admissions"});
        if (!state || !share || std::find(seen.begin(), seen.end(), *state) != seen.end()) {
            continue;
        }
        seen.push_back(*state);
        add_share(entry.second, share_path, *state, *share);
    }
}

void ProviderReader::add_share(const YAML::Node& at, const std::string& path, StateId state,
                               double share) {
    const auto provider = static_cast<std::uint16_t>(model_.providers.size() - 1);
    r_.bind(at, path, [d = model_.deliveries.size()](Model& m, double drawn) {
        m.deliveries[d].share = drawn;
        refresh_remainder(m, m.deliveries[d].state);
    });
    model_.deliveries.push_back({.provider = provider, .state = state, .share = share});
    const std::size_t i = index(state);
    sums_[i] += share;
    givers_[i].push_back(fmt::format("{} {:g}", model_.providers.back().name, share));
    if (sums_[i] <= 1.0 + share_tolerance || over_[i]) return;
    over_[i] = true;
    const std::string& state_name = model_.states[i].name;
    std::string givers;
    for (const auto& giver : givers_[i]) givers += (givers.empty() ? "" : ", ") + giver;
    r_.error(at, fmt::format("{} brings the shares of state '{}' to {:.10g}, more than 1", path,
                             state_name, sums_[i]),
             {fmt::format("note: shares of '{}': {}", state_name, givers),
              fmt::format("hint: a state's providers share its admissions, so their shares sum "
                          "to at most 1; careflow gives what is left to the provider '{}'",
                          remainder_provider)});
}

}  // namespace

void read_providers(const YAML::Node& list, const StateLookup& lookup, Model& model,
                    NodeReader& reader) {
    if (!reader.expect_list(list, "providers")) return;
    ProviderReader providers(lookup, model, reader);
    for (std::size_t i = 0; i < list.size(); ++i) {
        providers.read_provider(list[i], fmt::format("providers[{}]", i));
    }
}

/// The remainder provider's index, if the model has one.
std::optional<std::uint16_t> remainder_index(const Model& model) {
    if (model.providers.empty() || model.providers.back().name != remainder_provider) {
        return std::nullopt;
    }
    return static_cast<std::uint16_t>(model.providers.size() - 1);
}

void refresh_remainder(Model& model, StateId state) {
    const auto other = remainder_index(model);
    double listed = 0.0;
    Delivery* rest = nullptr;
    for (Delivery& d : model.deliveries) {
        if (d.state != state) continue;
        if (other && d.provider == *other) {
            rest = &d;
        } else {
            listed += d.share;
        }
    }
    if (rest != nullptr) rest->share = 1.0 - listed;
}

std::vector<std::string> provider_share_problems(const Model& model) {
    std::vector<double> listed(model.state_count(), 0.0);
    std::vector<bool> has_rest(model.state_count(), false);
    const auto other = remainder_index(model);
    for (const Delivery& d : model.deliveries) {
        if (other && d.provider == *other) {
            has_rest[index(d.state)] = true;
        } else {
            listed[index(d.state)] += d.share;
        }
    }
    std::vector<std::string> problems;
    for (std::size_t i = 0; i < listed.size(); ++i) {
        if (listed[i] > 1.0 + share_tolerance) {
            problems.push_back(fmt::format("the providers of state '{}' take {:.6g} of its "
                                           "admissions, more than all of them",
                                           model.states[i].name, listed[i]));
        } else if (listed[i] > 0.0 && !has_rest[i] && listed[i] < 1.0 - share_tolerance) {
            problems.push_back(fmt::format(
                "the providers of state '{}' take {:.6g} of its admissions, not all of them, and "
                "no provider '{}' takes the rest (in the nominal scenario their shares sum to 1)",
                model.states[i].name, listed[i], remainder_provider));
        }
    }
    return problems;
}

void add_remainder_provider(Model& model) {
    std::vector<double> listed(model.state_count(), 0.0);
    for (const Delivery& d : model.deliveries) listed[index(d.state)] += d.share;
    const auto other = static_cast<std::uint16_t>(model.providers.size());
    bool needed = false;
    for (std::size_t i = 0; i < listed.size(); ++i) {
        const double rest = 1.0 - listed[i];
        if (rest <= smallest_remainder) continue;
        model.deliveries.push_back(
            {.provider = other, .state = make_id<StateId>(i), .share = rest});
        needed = true;
    }
    if (needed) model.providers.push_back(Provider{.name = std::string(remainder_provider)});
}

}  // namespace careflow::scenario
