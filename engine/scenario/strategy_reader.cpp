// Strategies: names, indexation, and contracts resolved to (state, provider) pairs.
#include "scenario/strategy_reader.hpp"

#include "scenario/contract_reader.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <array>
#include <map>
#include <memory>

namespace careflow::scenario {
namespace {

constexpr NumberRange indexation_range{.low = -0.5, .high = 1.0, .low_open = false,
                                       .what = "a yearly change"};

/// The providers delivering `state`, in provider order.
std::vector<std::uint16_t> providers_of(StateId state, const Model& model) {
    std::vector<std::uint16_t> providers;
    for (const Delivery& d : model.deliveries) {
        if (d.state == state) providers.push_back(d.provider);
    }
    std::sort(providers.begin(), providers.end());
    return providers;
}

std::string provider_names(const std::vector<std::uint16_t>& providers, const Model& model) {
    std::string names;
    for (const auto p : providers) names += (names.empty() ? "" : ", ") + model.providers[p].name;
    return names;
}

/// The providers a contract is for: the one its `provider` names, or (without one) every
/// provider of its state. Empty after reporting a problem.
std::vector<std::uint16_t> contract_providers(const YAML::Node& node, const std::string& path,
                                              StateId state, const Model& model,
                                              NodeReader& r) {
    const auto delivering = providers_of(state, model);
    const auto provider_node = NodeReader::optional(node, "provider");
    if (!provider_node) return delivering;
    const std::string at = path + ".provider";
    const auto name = r.text(*provider_node, at);
    if (!name) return {};
    std::vector<std::string> known;
    for (const Provider& p : model.providers) known.push_back(p.name);
    const auto it = std::find(known.begin(), known.end(), *name);
    if (it == known.end()) {
        std::vector<std::string> notes;
        if (auto hint = suggestion(*name, known)) notes.push_back("hint: " + *hint);
        notes.push_back(known_names_note("providers", known));
        r.error(*provider_node, fmt::format("unknown provider '{}' in {}", *name, at),
                std::move(notes));
        return {};
    }
    const auto provider = static_cast<std::uint16_t>(it - known.begin());
    if (std::find(delivering.begin(), delivering.end(), provider) == delivering.end()) {
        const std::string& state_name = model.state(state).name;
        r.error(*provider_node, fmt::format("provider '{}' does not deliver state '{}', in {}",
                                            *name, state_name, at),
                {fmt::format("note: providers of '{}': {}", state_name,
                             provider_names(delivering, model)),
                 "hint: name one of them, add the state to the provider's 'delivers', or leave "
                 "out 'provider' to contract every provider of the state"});
        return {};
    }
    return {provider};
}

/// The contracts one entry became (indices into the strategy's contracts). Shared with the
/// entry's bindings, and changed while the list is read: a later entry naming a provider
/// takes that provider's contract over.
using Copies = std::shared_ptr<std::vector<std::size_t>>;

/// One strategy's contracts, with the entry each came from, to point at duplicates.
class ContractList {
public:
    /// `where`: the strategy's contracts in the model, to bind the entries' numbers to.
    ContractList(const Model& model, NodeReader& reader, Where<std::vector<Contract>> where)
        : model_(model), r_(reader), where_(std::move(where)) {}

    void read(const YAML::Node& node, const std::string& path, const StateLookup& lookup);
    std::vector<Contract> take() { return std::move(contracts_); }

private:
    void report_repeats(const YAML::Node& node, const std::string& path, StateId state,
                        const std::vector<std::size_t>& firsts);
    /// Binds each number of an entry's terms to every contract the entry became.
    void bind(const YAML::Node& node, const std::string& path, const Copies& copies);

    const Model& model_;
    NodeReader& r_;
    Where<std::vector<Contract>> where_;
    std::vector<Copies> owners_;  ///< per contract: the copies of the entry that set it
    std::vector<Contract> contracts_;
    std::vector<std::pair<YAML::Node, std::string>> sources_;  ///< per contract: node, path
    std::vector<bool> named_;  ///< per contract: its entry named the provider
};

void ContractList::read(const YAML::Node& node, const std::string& path,
                        const StateLookup& lookup) {
    const auto terms = read_contract_terms(node, path, model_.population, r_);
    if (!node.IsMap()) return;
    const auto state_node = r_.required(node, "state", path);
    const auto state = state_node ? lookup(*state_node, path + ".state") : std::nullopt;
    if (!state) return;
    const auto providers = contract_providers(node, path, *state, model_, r_);
    if (!terms) return;
    const bool named = NodeReader::optional(node, "provider").has_value();
    const auto copies = std::make_shared<std::vector<std::size_t>>();
    std::vector<std::size_t> repeated;  // the earlier contracts this entry repeats
    for (const auto provider : providers) {
        const auto same = std::find_if(contracts_.begin(), contracts_.end(),
                                       [&](const Contract& c) {
                                           return c.state == *state && c.provider == provider;
                                       });
        const auto at = static_cast<std::size_t>(same - contracts_.begin());
        if (same != contracts_.end() && named_[at] == named) {
            repeated.push_back(at);
            continue;
        }
        // A contract naming its provider beats one for every provider of the state, in
        // either order (so a child scenario can add an exception to its base's contract).
        if (same != contracts_.end() && !named) continue;
        Contract contract = *terms;
        contract.state = *state;
        contract.provider = provider;
        if (same != contracts_.end()) {
            *same = contract;
            // reset(), not assignment: assigning a YAML::Node overwrites the node it holds,
            // which would turn the earlier entry in the tree into a copy of this one.
            sources_[at].first.reset(node);
            sources_[at].second = path;
            named_[at] = true;
            std::erase(*owners_[at], at);  // its old entry's values no longer reach it
            owners_[at] = copies;
            copies->push_back(at);
            continue;
        }
        copies->push_back(contracts_.size());
        contracts_.push_back(contract);
        sources_.emplace_back(node, path);
        named_.push_back(named);
        owners_.push_back(copies);
    }
    if (!repeated.empty()) report_repeats(node, path, *state, repeated);
    bind(node, path, copies);
}

void ContractList::bind(const YAML::Node& node, const std::string& path, const Copies& copies) {
    if (!where_) return;
    for (PartBinding<Contract>& b : contract_term_bindings(node, path, model_.population)) {
        r_.bind(b.node, b.path, [where = where_, copies, set = std::move(b.set)](Model& m, double v) {
            std::vector<Contract>& contracts = where(m);
            for (const std::size_t k : *copies) set(contracts[k], v);
        });
    }
}

void ContractList::report_repeats(const YAML::Node& node, const std::string& path,
                                  StateId state, const std::vector<std::size_t>& firsts) {
    std::string providers;
    std::string notes;
    for (const std::size_t first : firsts) {
        providers += fmt::format("{}'{}'", providers.empty() ? "" : ", ",
                                 model_.providers[contracts_[first].provider].name);
        const auto& [first_node, first_path] = sources_[first];
        const std::string note = fmt::format("{}, at line {}", first_path,
                                             r_.where(first_node).line);
        if (notes.find(note) == std::string::npos) notes += (notes.empty() ? "" : "; ") + note;
    }
    r_.error(node, fmt::format("{} is a second contract for state '{}' with provider{} {}", path,
                               model_.state(state).name, firsts.size() > 1 ? "s" : "",
                               providers),
             {fmt::format("note: the first is {}", notes),
              "hint: a strategy has one contract per state and provider; a contract without "
              "'provider' covers every provider of its state that has no contract of its own"});
}

std::optional<Strategy> read_strategy(const YAML::Node& node, const std::string& path,
                                      const Model& model, const StateLookup& lookup,
                                      NodeReader& r, const Where<Strategy>& where) {
    static constexpr std::array<std::string_view, 4> keys{"name", "description", "indexation",
                                                          "contracts"};
    if (!r.expect_map(node, path)) return std::nullopt;
    r.check_keys(node, path, keys);
    Strategy strategy;
    if (const auto name = r.required(node, "name", path)) {
        strategy.name = r.text(*name, path + ".name").value_or("");
    }
    if (const auto text = NodeReader::optional(node, "description")) {
        strategy.description = r.text(*text, path + ".description").value_or("");
    }
    if (const auto indexation = NodeReader::optional(node, "indexation")) {
        strategy.indexation_per_year =
            r.bounded_number(*indexation, path + ".indexation", indexation_range,
                             {"hint: a fraction per year: 0.025 raises tariffs and budgets by "
                              "2.5 % a year"})
                .value_or(0.0);
        if (where) {
            r.bind(*indexation, path + ".indexation",
                   assign(member(where, &Strategy::indexation_per_year)));
        }
    }
    const auto contracts = r.required(node, "contracts", path);
    if (!contracts || !r.expect_list(*contracts, path + ".contracts")) return strategy;
    ContractList list(model, r, member(where, &Strategy::contracts));
    for (std::size_t i = 0; i < contracts->size(); ++i) {
        list.read((*contracts)[i], fmt::format("{}.contracts[{}]", path, i), lookup);
    }
    strategy.contracts = list.take();
    return strategy;
}

}  // namespace

std::vector<Strategy> read_strategies(const YAML::Node& list, const Model& model,
                                      const StateLookup& lookup, NodeReader& r) {
    std::vector<Strategy> strategies;
    if (!r.expect_list(list, "strategies")) return strategies;
    std::map<std::string, YAML::Node, std::less<>> names;
    for (std::size_t i = 0; i < list.size(); ++i) {
        const std::string path = fmt::format("strategies[{}]", i);
        const std::size_t at = strategies.size();
        const Where<Strategy> where =
            r.records_bindings() ? Where<Strategy>([at](Model& m) -> Strategy& {
                return m.strategies[at];
            })
                                 : nullptr;
        auto strategy = read_strategy(list[i], path, model, lookup, r, where);
        if (!strategy) continue;
        const auto name_node = NodeReader::optional(list[i], "name");
        if (!name_node || !name_node->IsScalar()) continue;  // reported by read_strategy
        if (strategy->name.empty()) {
            r.error(*name_node, fmt::format("{}.name must not be empty", path),
                    {"hint: outputs name each strategy's costs by it"});
            continue;
        }
        if (const auto first = names.find(strategy->name); first != names.end()) {
            r.error(*name_node, fmt::format("duplicate strategy '{}' in {}", strategy->name, path),
                    {fmt::format("note: first defined at line {}", r.where(first->second).line),
                     "hint: outputs name a strategy's costs by its name; give each its own"});
            continue;
        }
        names.emplace(strategy->name, *name_node);
        strategies.push_back(std::move(*strategy));
    }
    return strategies;
}

}  // namespace careflow::scenario
