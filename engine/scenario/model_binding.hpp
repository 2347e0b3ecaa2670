// Model bindings: how each number a reader takes from the scenario is written into the
// resolved model, so that a value can be changed after load (a drawn uncertain input, a
// sweep point, a fitted parameter) by a typed setter: the unit conversion and every derived
// field applied as the reader applies them, and no YAML read or written again.
#pragma once

#include <careflow/model.hpp>

#include <yaml-cpp/yaml.h>

#include <cstddef>
#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <vector>

namespace careflow::scenario {

/// Where a part being read will sit in the resolved model: finds it in any copy of the model.
/// Readers pass it down to the readers of the part's pieces. An empty one (a reader that binds
/// nothing) stays empty through member, item and held, and makes assign's setter empty.
template <class Part>
using Where = std::function<Part&(Model&)>;

/// Writes one number, in the unit the scenario gives it (days for durations, euros for
/// amounts), into a copy of the resolved model.
using ModelSetter = std::function<void(Model&, double)>;

/// The member `member` of the part at `where`.
template <class Part, class Field>
[[nodiscard]] Where<Field> member(Where<Part> where, Field Part::*field) {
    if (!where) return {};
    return [where = std::move(where), field](Model& m) -> Field& { return where(m).*field; };
}

/// Item `i` of the list at `where`.
template <class T>
[[nodiscard]] Where<T> item(Where<std::vector<T>> where, std::size_t i) {
    if (!where) return {};
    return [where = std::move(where), i](Model& m) -> T& { return where(m)[i]; };
}

/// The value held by the optional at `where` (present in the model the binding was made for).
template <class T>
[[nodiscard]] Where<T> held(Where<std::optional<T>> where) {
    if (!where) return {};
    return [where = std::move(where)](Model& m) -> T& { return *where(m); };
}

/// A setter that writes `convert(value)` at `where`: `convert` is the reader's own conversion
/// (a rate per year to per day: per_day_from_per_year).
template <class Field, class Convert>
[[nodiscard]] ModelSetter assign(Where<Field> where, Convert convert) {
    if (!where) return {};
    return [where = std::move(where), convert](Model& m, double v) { where(m) = convert(v); };
}

/// A setter that writes the value itself at `where`.
[[nodiscard]] inline ModelSetter assign(Where<double> where) {
    if (!where) return {};
    return [where = std::move(where)](Model& m, double v) { where(m) = v; };
}

/// A whole number as the model keeps it: the value is already rounded (InputScale::integer),
/// so the conversion only changes its type.
template <class Whole>
[[nodiscard]] Whole whole_number(double value) {
    return static_cast<Whole>(static_cast<std::int64_t>(value));
}

/// Writes one number into a part, wherever the part ends up: for a part whose copies are
/// placed only after it is read (one contract entry becomes a contract per provider).
template <class Part>
using PartSetter = std::function<void(Part&, double)>;

/// A number of a part and its setter relative to the part.
template <class Part>
struct PartBinding {
    YAML::Node node;  ///< where the reader found the number (copy it, never assign it)
    std::string path;
    PartSetter<Part> set;
};

}  // namespace careflow::scenario
