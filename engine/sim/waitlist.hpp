// FifoWaitlist: youths waiting for a place, first come first served, in a ring buffer.
#pragma once

#include <careflow/ids.hpp>

#include <cstddef>
#include <cstdint>
#include <utility>
#include <vector>

namespace careflow::sim {

/// One place in a queue. The ticket is unique per joining: an entry whose youth no longer
/// holds that ticket (it aged out or gave up while waiting) is skipped when reached.
struct WaitEntry {
    YouthId youth{};
    std::uint64_t ticket = 0;
};

/// A growable ring buffer. Capacity is a power of two; it doubles only when full, so a
/// run that keeps its waitlist below the reserved length never allocates.
class FifoWaitlist {
public:
    void reserve(std::size_t youths) {
        std::size_t capacity = 16;
        while (capacity < youths) capacity *= 2;
        if (capacity > ring_.size()) grow_to(capacity);
    }

    [[nodiscard]] bool empty() const noexcept { return count_ == 0; }
    [[nodiscard]] std::size_t size() const noexcept { return count_; }

    void push(WaitEntry entry) {
        if (count_ == ring_.size()) grow_to(ring_.empty() ? 16 : ring_.size() * 2);
        ring_[(head_ + count_) & (ring_.size() - 1)] = entry;
        ++count_;
    }

    /// Joins the line in ticket order (older tickets ahead): a youth that moves to another
    /// priority level keeps its place by the time it has waited. O(entries passed).
    void insert_by_ticket(WaitEntry entry) {
        push(entry);
        const std::size_t mask = ring_.size() - 1;
        for (std::size_t i = count_ - 1; i > 0; --i) {
            WaitEntry& before = ring_[(head_ + i - 1) & mask];
            WaitEntry& here = ring_[(head_ + i) & mask];
            if (before.ticket <= here.ticket) break;
            std::swap(before, here);
        }
    }

    WaitEntry pop() {
        const WaitEntry entry = ring_[head_];
        head_ = (head_ + 1) & (ring_.size() - 1);
        --count_;
        return entry;
    }

private:
    void grow_to(std::size_t capacity) {
        std::vector<WaitEntry> bigger(capacity);
        for (std::size_t i = 0; i < count_; ++i) bigger[i] = ring_[(head_ + i) & (ring_.size() - 1)];
        ring_.swap(bigger);
        head_ = 0;
    }

    std::vector<WaitEntry> ring_;
    std::size_t head_ = 0;
    std::size_t count_ = 0;
};

}  // namespace careflow::sim
