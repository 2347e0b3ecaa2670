// Capacity as places, unlimited, or derived from staff (FTE x caseload) that change over time.
#include "scenario/capacity_reader.hpp"

#include "scenario/units.hpp"

#include <fmt/format.h>

#include <array>
#include <cmath>

namespace careflow::scenario {
namespace {

constexpr std::int64_t max_places = 10'000'000;
constexpr double max_fte = 1e6;

std::optional<double> non_negative(const YAML::Node& map, std::string_view key,
                                   const std::string& path, NodeReader& r) {
    const auto node = NodeReader::optional(map, key);
    if (!node) return std::nullopt;
    const auto value = r.number(*node, fmt::format("{}.{}", path, key));
    if (value && (*value < 0.0 || *value > max_fte)) {
        r.error(*node, fmt::format("{}.{} must be between 0 and {:.0f}, got '{}'", path, key,
                                   max_fte, node->Scalar()));
        return std::nullopt;
    }
    return value;
}

/// Binds `key` of the staff map to the field `convert` fills.
template <class Field, class Convert>
void bind_staff(const YAML::Node& map, std::string_view key, const std::string& path,
                const Where<Staffing>& where, Field Staffing::*field, Convert convert,
                NodeReader& r) {
    const auto node = NodeReader::optional(map, key);
    if (node && where) r.bind(*node, fmt::format("{}.{}", path, key),
                              assign(member(where, field), convert));
}

void read_staff(const YAML::Node& node, const std::string& path, CareState& state,
                NodeReader& r, const Where<CareState>& where) {
    static constexpr std::array<std::string_view, 5> keys{
        "fte", "caseload_per_fte", "attrition_per_year", "hiring_per_year", "max_fte"};
    r.check_keys(node, path, keys);
    Staffing staff;
    const auto fte = r.required(node, "fte", path);
    const auto caseload = r.required(node, "caseload_per_fte", path);
    staff.fte = non_negative(node, "fte", path, r).value_or(0.0);
    if (caseload) {
        staff.caseload_per_fte =
            r.positive_number(*caseload, path + ".caseload_per_fte").value_or(1.0);
    }
    staff.attrition_rate_per_day =
        per_day_from_per_year(non_negative(node, "attrition_per_year", path, r).value_or(0.0));
    staff.hiring_per_day =
        per_day_from_per_year(non_negative(node, "hiring_per_year", path, r).value_or(0.0));
    staff.max_fte = non_negative(node, "max_fte", path, r);
    if (staff.max_fte && *staff.max_fte < staff.fte) {
        r.error(node, fmt::format("{}.max_fte must be at least fte ({})", path, staff.fte));
    }
    if (fte && caseload) state.staff = staff;
    if (!where || !state.staff) return;
    const Where<Staffing> at = held(member(where, &CareState::staff));
    const auto same = [](double v) { return v; };
    bind_staff(node, "fte", path, at, &Staffing::fte, same, r);
    bind_staff(node, "caseload_per_fte", path, at, &Staffing::caseload_per_fte, same, r);
    const auto per_day = [](double v) { return per_day_from_per_year(v); };
    bind_staff(node, "attrition_per_year", path, at, &Staffing::attrition_rate_per_day, per_day, r);
    bind_staff(node, "hiring_per_year", path, at, &Staffing::hiring_per_day, per_day, r);
    bind_staff(node, "max_fte", path, at, &Staffing::max_fte,
               [](double v) { return std::optional(v); }, r);
}

}  // namespace

void read_capacity(const YAML::Node& node, const std::string& path, int version,
                   CareState& state, NodeReader& r, const Where<CareState>& where) {
    if (node.IsMap()) {
        if (version == 1) {
            r.error(node, fmt::format("staff in {} is new in format version 2", path),
                    {"hint: write 'version: 2' at the top of the file"});
        }
        read_staff(node, path, state, r, where);
        return;
    }
    if (node.IsScalar() && node.Scalar() == "unlimited") return;
    const auto places = node.IsScalar() ? parse_integer(node.Scalar()) : std::nullopt;
    if (!places || *places < 0 || *places > max_places) {
        r.error(node, fmt::format("{} must be a whole number of places >= 0, 'unlimited', or "
                                  "staff, got {}", path, describe(node)),
                {"hint: e.g. 'capacity: 12' or 'capacity: {fte: 10, caseload_per_fte: 1.2}'"});
        return;
    }
    state.places = static_cast<std::uint32_t>(*places);
    if (where) {
        r.bind(node, path, assign(member(where, &CareState::places), [](double drawn) {
                   return std::optional(whole_number<std::uint32_t>(drawn));
               }));
    }
}

}  // namespace careflow::scenario
