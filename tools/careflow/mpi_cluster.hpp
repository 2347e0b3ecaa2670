// MpiCluster: careflow's Cluster over MPI_COMM_WORLD, owning MPI for the process's lifetime.
// Compiled only with CAREFLOW_MPI=ON; the header keeps <mpi.h> out of its includers.
#pragma once

#include <careflow/cluster.hpp>

#include <cstdint>
#include <vector>

namespace careflow::cli {

class MpiCluster final : public Cluster {
public:
    /// MPI_Init: before the command line is parsed, as MPI may read (not change) the arguments.
    MpiCluster(int& argc, char**& argv);
    /// MPI_Finalize.
    ~MpiCluster() override;
    MpiCluster(const MpiCluster&) = delete;
    MpiCluster& operator=(const MpiCluster&) = delete;

    [[nodiscard]] int rank() const noexcept override { return rank_; }
    [[nodiscard]] int size() const noexcept override { return size_; }

    /// MPI_Gatherv of each rank's rows (counts in rows of `width` doubles) to rank 0.
    [[nodiscard]] std::vector<std::vector<double>> gather_rows(
        const std::vector<std::vector<double>>& rows, std::size_t width) override;

    /// MPI_Allgather of one byte per rank.
    [[nodiscard]] std::vector<std::uint8_t> all_flags(bool mine) override;

    /// MPI_Allgather of one count per rank.
    [[nodiscard]] std::vector<std::uint32_t> all_counts(std::uint32_t mine) override;

    /// Takes this rank's exit code and returns it once no other rank can be left waiting for
    /// it: a rank that had no collective yet answers the roll call (throwing ClusterError if it
    /// succeeded but another failed); after one, a failure aborts the whole job (MPI_Abort).
    [[nodiscard]] int finish(int exit_code);

private:
    enum class Phase : std::uint8_t { before_roll_call, running, peer_failed };

    void roll_call(bool ready);
    [[nodiscard]] std::vector<std::uint8_t> exchange(bool mine) const;

    int rank_ = 0;
    int size_ = 1;
    Phase phase_ = Phase::before_roll_call;
};

}  // namespace careflow::cli
