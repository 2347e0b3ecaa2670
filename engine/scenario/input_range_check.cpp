// Probing uncertain inputs at the ends of their ranges, once, when the scenario loads.
#include "scenario/input_range_check.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <string_view>
#include <utility>

namespace careflow::scenario {
namespace {

enum class End : std::uint8_t { low, high };

double end_value(const UncertainInputs::Input& input, End end) {
    const double value = end == End::low ? lowest_draw(input.distribution)
                                         : highest_draw(input.distribution);
    return snap(input.scale, value);
}

std::vector<double> nominal_values(const UncertainInputs& uncertainty) {
    std::vector<double> values;
    for (const auto& input : uncertainty.inputs()) values.push_back(input.nominal);
    return values;
}

/// The problems' messages as notes, each once.
std::vector<std::string> problem_notes(const std::vector<Diagnostic>& problems) {
    std::vector<std::string> notes;
    for (const Diagnostic& d : problems) {
        std::string note = "note: then " + d.message;
        if (std::find(notes.begin(), notes.end(), note) == notes.end()) notes.push_back(note);
    }
    notes.emplace_back("hint: narrow the distribution (or cut a normal's tails with 'min' and "
                       "'max') so that every value it can draw is allowed; a value that must sum "
                       "to 1 with others, as in 'next', cannot vary on its own");
    return notes;
}

/// " days" after a duration's value in a message, nothing after other values.
const char* unit_of(const UncertainInputs::Input& input) {
    return input.scale == InputScale::duration ? " days" : "";
}

/// Probes input `i` at both ends; true if both keep the scenario valid.
bool check_one(const UncertainInputs& uncertainty, std::size_t i, const YAML::Node& node,
               NodeReader& reader) {
    const auto& input = uncertainty.inputs()[i];
    for (const End end : {End::low, End::high}) {
        std::vector<double> values = nominal_values(uncertainty);
        values[i] = end_value(input, end);
        std::vector<Diagnostic> problems;
        if (uncertainty.valid_at(values, problems)) continue;
        reader.error(node, fmt::format("{} can be drawn as {:.6g}{} (the {} end of its "
                                       "distribution), which makes the scenario invalid",
                                       input.path, values[i], unit_of(input),
                                       end == End::low ? "low" : "high"),
                     problem_notes(problems));
        return false;
    }
    return true;
}

/// The path of the value that holds an input: "a.b.min" -> "a.b".
std::string_view parent_of(std::string_view path) {
    const auto dot = path.rfind('.');
    return dot == std::string_view::npos ? std::string_view{} : path.substr(0, dot);
}

/// Probes inputs i and j of one value (a uniform's min and max, say) at opposite ends, the
/// others nominal: rules between siblings (min below max) are where two inputs pull apart.
/// True if both pairings keep the scenario valid.
bool check_siblings(const UncertainInputs& uncertainty, std::size_t i, std::size_t j,
                    const YAML::Node& node, NodeReader& reader) {
    const auto& a = uncertainty.inputs()[i];
    const auto& b = uncertainty.inputs()[j];
    for (const auto& [end_a, end_b] : {std::pair{End::low, End::high}, {End::high, End::low}}) {
        std::vector<double> values = nominal_values(uncertainty);
        values[i] = end_value(a, end_a);
        values[j] = end_value(b, end_b);
        std::vector<Diagnostic> problems;
        if (uncertainty.valid_at(values, problems)) continue;
        std::vector<std::string> notes = problem_notes(problems);
        notes.back() = "hint: make the two distributions' ranges keep the rule whatever they "
                       "draw (for a min and a max: the min's highest value below the max's "
                       "lowest)";
        reader.error(node, fmt::format("{} can be drawn as {:.6g}{} and {} as {:.6g}{} in the "
                                       "same replication, which makes the scenario invalid",
                                       a.path, values[i], unit_of(a), b.path, values[j],
                                       unit_of(b)),
                     std::move(notes));
        return false;
    }
    return true;
}

}  // namespace

void check_input_ranges(const UncertainInputs& uncertainty, const std::vector<YAML::Node>& nodes,
                        NodeReader& reader) {
    const auto& inputs = uncertainty.inputs();
    bool all_fine = true;
    for (std::size_t i = 0; i < inputs.size(); ++i) {
        all_fine = check_one(uncertainty, i, nodes[i], reader) && all_fine;
    }
    if (!all_fine || inputs.size() < 2) return;
    for (std::size_t i = 0; i < inputs.size(); ++i) {
        for (std::size_t j = i + 1; j < inputs.size(); ++j) {
            if (parent_of(inputs[i].path) != parent_of(inputs[j].path)) continue;
            all_fine = check_siblings(uncertainty, i, j, nodes[i], reader) && all_fine;
        }
    }
    if (!all_fine) return;
    // Inputs that add up (shares of one whole, rates into one run-size limit) can break a rule
    // together that each keeps alone.
    for (const End end : {End::low, End::high}) {
        std::vector<double> values;
        for (const auto& input : inputs) values.push_back(end_value(input, end));
        std::vector<Diagnostic> problems;
        if (uncertainty.valid_at(values, problems)) continue;
        reader.error(nodes.front(),
                     fmt::format("the {} uncertain inputs, all drawn at the {} ends of their "
                                 "distributions, make the scenario invalid", inputs.size(),
                                 end == End::low ? "low" : "high"),
                     problem_notes(problems));
        return;
    }
}

}  // namespace careflow::scenario
