// A batch's progress for its watcher: alone, every finished replication counts; the first
// process of a cluster scales its own share to the whole batch.
#include <careflow/batch_watcher.hpp>
#include <careflow/cluster.hpp>

#include <gtest/gtest.h>

#include <cstdint>
#include <vector>

namespace careflow {
namespace {

/// Keeps every count it hears (from one thread here).
class Recorder final : public BatchWatcher {
public:
    void update(std::uint32_t finished) override { heard.push_back(finished); }

    std::vector<std::uint32_t> heard;
};

/// A cluster of `size` processes, seen from the first; it is never asked to communicate.
class FirstOf final : public Cluster {
public:
    explicit FirstOf(int size) : size_(size) {}
    [[nodiscard]] int rank() const noexcept override { return 0; }
    [[nodiscard]] int size() const noexcept override { return size_; }
    std::vector<std::vector<double>> gather_rows(const std::vector<std::vector<double>>& rows,
                                                 std::size_t) override {
        return rows;
    }
    std::vector<std::uint8_t> all_flags(bool mine) override {
        return std::vector<std::uint8_t>(static_cast<std::size_t>(size_), mine ? 1 : 0);
    }
    std::vector<std::uint32_t> all_counts(std::uint32_t mine) override {
        return std::vector<std::uint32_t>(static_cast<std::size_t>(size_), mine);
    }

private:
    int size_;
};

TEST(BatchWatcher, TheFirstProcessScalesItsShareToTheWholeBatch) {
    Recorder watcher;
    FirstOf four(4);
    const auto report = progress_reporter(watcher, 0, 100, &four);  // its share: 25
    report(5);   // a fifth of its share: 20 of the batch
    report(25);  // all of it: the batch is done
    EXPECT_EQ(watcher.heard, (std::vector<std::uint32_t>{20, 100}));
}

TEST(BatchWatcher, AloneItCountsItsOwnReplications) {
    Recorder watcher;
    progress_reporter(watcher, 0, 100, nullptr)(30);
    EXPECT_EQ(watcher.heard, (std::vector<std::uint32_t>{30}));
}

}  // namespace
}  // namespace careflow
