// MpiCluster: gather and allgather over MPI_COMM_WORLD, and the roll call that keeps a rank
// that failed early (say, the scenario is missing on its machine) from hanging the others.
#include "mpi_cluster.hpp"
#include "cluster_access.hpp"

#include <mpi.h>

#include <fmt/format.h>

#include <algorithm>
#include <limits>
#include <numeric>
#include <stdexcept>

namespace careflow::cli {
namespace {

int to_int(std::size_t n, const char* what) {
    if (n > static_cast<std::size_t>(std::numeric_limits<int>::max())) {
        throw std::length_error(fmt::format("MPI: {} ({}) exceeds an int", what, n));
    }
    return static_cast<int>(n);
}

/// The rows one after another; a row of another width is a bug in the caller.
std::vector<double> flatten(const std::vector<std::vector<double>>& rows, std::size_t width) {
    std::vector<double> flat;
    flat.reserve(rows.size() * width);
    for (const std::vector<double>& row : rows) {
        if (row.size() != width) {
            throw std::logic_error(fmt::format("gather_rows: a row of {} values, expected {}",
                                               row.size(), width));
        }
        flat.insert(flat.end(), row.begin(), row.end());
    }
    return flat;
}

std::vector<std::vector<double>> unflatten(const std::vector<double>& flat, std::size_t rows,
                                           std::size_t width) {
    std::vector<std::vector<double>> out(rows);
    for (std::size_t r = 0; r < rows; ++r) {
        const auto begin = flat.begin() + static_cast<std::ptrdiff_t>(r * width);
        out[r].assign(begin, begin + static_cast<std::ptrdiff_t>(width));
    }
    return out;
}

/// One row as an MPI type, so counts and displacements are in rows: a million replications
/// of thousands of metrics would overflow int counts of doubles.
class RowType {
public:
    explicit RowType(std::size_t width) {
        MPI_Type_contiguous(to_int(width, "row width"), MPI_DOUBLE, &type_);
        MPI_Type_commit(&type_);
    }
    ~RowType() { MPI_Type_free(&type_); }
    RowType(const RowType&) = delete;
    RowType& operator=(const RowType&) = delete;
    [[nodiscard]] MPI_Datatype get() const noexcept { return type_; }

private:
    MPI_Datatype type_{};
};

}  // namespace

MpiCluster::MpiCluster(int& argc, char**& argv) {
    // Only the main thread calls MPI; the TBB workers running replications never do.
    int provided = 0;
    MPI_Init_thread(&argc, &argv, MPI_THREAD_FUNNELED, &provided);
    MPI_Comm_rank(MPI_COMM_WORLD, &rank_);
    MPI_Comm_size(MPI_COMM_WORLD, &size_);
}

MpiCluster::~MpiCluster() { MPI_Finalize(); }

std::vector<std::vector<double>> MpiCluster::gather_rows(
    const std::vector<std::vector<double>>& rows, std::size_t width) {
    roll_call(true);
    const int mine = to_int(rows.size(), "rows");
    std::vector<int> counts(rank_ == 0 ? static_cast<std::size_t>(size_) : 0);
    MPI_Gather(&mine, 1, MPI_INT, counts.data(), 1, MPI_INT, 0, MPI_COMM_WORLD);
    std::vector<int> offsets(counts.size());
    std::exclusive_scan(counts.begin(), counts.end(), offsets.begin(), 0);
    const auto total = static_cast<std::size_t>(std::accumulate(counts.begin(), counts.end(), 0L));
    // Every rank has the same keys, so all skip together when rows are empty (no strategies:
    // no cost cells); rank 0 still needs the row count.
    std::vector<double> all;
    if (width > 0) {
        const std::vector<double> flat = flatten(rows, width);
        all.resize(total * width);
        const RowType row(width);
        MPI_Gatherv(flat.data(), mine, row.get(), all.data(), counts.data(), offsets.data(),
                    row.get(), 0, MPI_COMM_WORLD);
    }
    if (rank_ != 0) return {};
    return unflatten(all, total, width);
}

std::vector<std::uint8_t> MpiCluster::all_flags(bool mine) {
    roll_call(true);
    return exchange(mine);
}

std::vector<std::uint32_t> MpiCluster::all_counts(std::uint32_t mine) {
    roll_call(true);
    std::vector<std::uint32_t> all(static_cast<std::size_t>(size_));
    MPI_Allgather(&mine, 1, MPI_UINT32_T, all.data(), 1, MPI_UINT32_T, MPI_COMM_WORLD);
    return all;
}

int MpiCluster::finish(int exit_code) {
    if (size_ <= 1) return exit_code;
    switch (phase_) {
        case Phase::before_roll_call: roll_call(exit_code == 0); break;
        case Phase::peer_failed: break;  // every rank has answered the roll call: none waits
        case Phase::running:
            // An interrupt (exit 128 + the signal) reached every rank and run_batch stopped
            // them together. Any other failure may leave the others waiting in a collective
            // this rank will never reach.
            if (exit_code != 0 && exit_code <= 128) MPI_Abort(MPI_COMM_WORLD, exit_code);
            // The others wait while the first writes: when mpirun is stopping the job, the
            // first rank to exit cuts its grace period short and the rest are killed, which
            // would lose the partial result being written.
            MPI_Barrier(MPI_COMM_WORLD);
            break;
    }
    return exit_code;
}

// Every rank answers one roll call, in its first collective or, if it had none, in finish():
// a rank that fails before its first batch answers "failed" there instead of leaving the
// others waiting for its share. Ranks that failed alike (a scenario error is the same on
// every rank) all answer in finish(), as do ranks of a command that needs no batch.
void MpiCluster::roll_call(bool ready) {
    if (phase_ != Phase::before_roll_call) return;
    const std::vector<std::uint8_t> flags = exchange(ready);
    const auto failed = std::find(flags.begin(), flags.end(), std::uint8_t{0});
    phase_ = failed == flags.end() ? Phase::running : Phase::peer_failed;
    if (ready && failed != flags.end()) {
        throw ClusterError(fmt::format("rank {} of {} failed (its own message says why)",
                                       failed - flags.begin(), size_));
    }
}

std::vector<std::uint8_t> MpiCluster::exchange(bool mine) const {
    const std::uint8_t flag = mine ? 1 : 0;
    std::vector<std::uint8_t> all(static_cast<std::size_t>(size_));
    MPI_Allgather(&flag, 1, MPI_UINT8_T, all.data(), 1, MPI_UINT8_T, MPI_COMM_WORLD);
    return all;
}

}  // namespace careflow::cli
