// NodeReader's uncertain inputs: a distribution standing where a number belongs.
#include "scenario/node_reader.hpp"

#include <fmt/format.h>

#include <cmath>
#include <utility>

namespace careflow::scenario {
namespace {

/// "states.care.transitions[0].per_year" as --set writes it: "states.care.transitions.0.per_year".
std::string set_path(std::string_view path) {
    std::string out;
    for (const char c : path) {
        if (c == '[') {
            out += '.';
        } else if (c != ']') {
            out += c;
        }
    }
    return out;
}

/// "greater than 0", "0 or more", "a share in [0, 1]".
std::string allowed_values(const NumberRange& allowed) {
    if (std::isinf(allowed.high)) {
        return allowed.low_open ? fmt::format("greater than {:g}", allowed.low)
                                : fmt::format("{:g} or more", allowed.low);
    }
    return fmt::format("{} in {}{:g}, {:g}]", allowed.what, allowed.low_open ? '(' : '[',
                       allowed.low, allowed.high);
}

bool within(double value, const NumberRange& allowed) {
    const bool above_low = allowed.low_open ? value > allowed.low : value >= allowed.low;
    return above_low && value <= allowed.high;
}

}  // namespace

InputMode NodeReader::set_input_mode(InputMode mode, std::string reason) {
    fixed_reason_ = std::move(reason);
    return std::exchange(input_mode_, mode);
}

std::vector<UncertainInput> NodeReader::take_uncertain_inputs() { return std::move(inputs_); }

void NodeReader::bind(const YAML::Node& node, std::string_view path, ModelSetter set) {
    if (!record_bindings_ || !set) return;
    bindings_.push_back({set_path(path), node, std::move(set)});
}

std::vector<Binding> NodeReader::take_bindings() { return std::move(bindings_); }

NodeReader NodeReader::with_same_origins() const {
    NodeReader copy(file());
    copy.origins_ = origins_;
    return copy;
}

bool NodeReader::accept_input(const YAML::Node& node, std::string_view path, InputScale scale,
                              const NumberRange& allowed) {
    if (!node.IsMap() || input_mode_ == InputMode::numbers) return true;
    if (input_mode_ == InputMode::fixed) {
        if (!is_input_distribution(node)) return true;  // the accessor reports the map
        error(node, fmt::format("{} cannot be given as a distribution", path),
              {"note: " + fixed_reason_,
               "hint: write one value here; distributions are for model parameters such as "
               "rates, shares, stays and places"});
        return false;
    }
    // The distribution's own parameters are plain values, never distributions themselves.
    set_input_mode(InputMode::numbers);
    const auto distribution = read_input_distribution(node, path, scale, *this);
    set_input_mode(InputMode::uncertain);
    if (!distribution || !check_draw_range(node, path, *distribution, scale, allowed)) {
        return false;
    }
    // Rewrite the node through a handle: from here on the tree is the nominal scenario, every
    // reader sees a number, and a node read twice is recorded once.
    YAML::Node in_tree = node;
    in_tree = input_text(scale, snap(scale, distribution->nominal));
    inputs_.push_back({set_path(path), node, *distribution, scale});
    return true;
}

bool NodeReader::check_draw_range(const YAML::Node& node, std::string_view path,
                                  const InputDistribution& d, InputScale scale,
                                  const NumberRange& allowed) {
    const double low = snap(scale, lowest_draw(d));
    const double high = snap(scale, highest_draw(d));
    if (within(low, allowed) && within(high, allowed)) return true;
    const std::string unit = scale == InputScale::duration ? " days" : "";
    error(node, fmt::format("{} must be {}, but its distribution can draw {:.6g}{}", path,
                            allowed_values(allowed), within(low, allowed) ? high : low, unit),
          {fmt::format("note: draws lie between the distribution's {:g} % and {:g} % points, "
                       "here {:.6g}{} to {:.6g}{}", 100.0 * input_tail,
                       100.0 * (1.0 - input_tail), low, unit, high, unit),
           "hint: narrow the distribution, cut a normal's tails with 'min' and 'max', or choose "
           "a kind whose values fit: lognormal and gamma are positive, beta lies in (0, 1)"});
    return false;
}

}  // namespace careflow::scenario
