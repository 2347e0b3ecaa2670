// The processes a careflow run shares its batches with: the one accessor every subcommand
// calls, and the scope that sets it up and keeps all but the first process quiet.
#pragma once

#include "silenced_output.hpp"

#include <careflow/cluster.hpp>

#include <optional>
#include <ostream>
#include <stdexcept>
#include <string>

namespace careflow::cli {

/// The processes sharing this run's batches (the MPI ranks): pass it as
/// BatchOptions::cluster. Null when this process runs alone (the plain build, or one rank).
[[nodiscard]] Cluster* cluster() noexcept;

/// Whether this process reports: the first rank, or the only process. The others run their
/// share of each batch and neither print nor write (their BatchResult::holds_results is false).
[[nodiscard]] bool is_lead() noexcept;

/// "careflow" on the first or only process, "careflow[rank 2]" on the others: the prefix of a
/// message only that process can give.
[[nodiscard]] std::string program_name();

/// Standard error, even on a process whose std::cerr is silenced: for failures the first rank
/// cannot see, such as a scenario file missing on another machine.
[[nodiscard]] std::ostream& error_stream() noexcept;

/// Thrown on a rank when another failed before their first shared batch (that one says why).
class ClusterError : public std::runtime_error {
public:
    using std::runtime_error::runtime_error;
};

/// For its lifetime, makes `cluster` the run's cluster when it has more than one process, and
/// silences every process but the first: every rank parses the same command line and loads
/// the same scenario, so one report is enough.
class ClusterScope {
public:
    explicit ClusterScope(Cluster& cluster);
    ~ClusterScope();
    ClusterScope(const ClusterScope&) = delete;
    ClusterScope& operator=(const ClusterScope&) = delete;

private:
    std::optional<SilencedOutput> silenced_;
};

}  // namespace careflow::cli
