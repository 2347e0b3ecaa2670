// The run's cluster for the subcommands, and the silencing of every rank but the first.
#include "cluster_access.hpp"

#include <fmt/format.h>

#include <iostream>

namespace careflow::cli {
namespace {

// The CLI is one process running one command: a process-wide pointer reaches every subcommand
// without threading the cluster through each signature.
Cluster* current = nullptr;
std::ostream* errors = &std::cerr;

}  // namespace

Cluster* cluster() noexcept { return current; }

bool is_lead() noexcept { return current == nullptr || current->rank() == 0; }

std::string program_name() {
    return is_lead() ? std::string("careflow") : fmt::format("careflow[rank {}]", current->rank());
}

std::ostream& error_stream() noexcept { return *errors; }

ClusterScope::ClusterScope(Cluster& cluster) {
    if (cluster.size() <= 1) return;  // one rank behaves exactly as the plain build
    current = &cluster;
    if (cluster.rank() == 0) return;
    errors = &silenced_.emplace().errors();
}

ClusterScope::~ClusterScope() {
    errors = &std::cerr;
    current = nullptr;
}

}  // namespace careflow::cli
