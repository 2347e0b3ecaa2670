// EventQueue: a 4-ary min-heap of events ordered by (time, insertion sequence).
#pragma once

#include "sim/event.hpp"

#include <cstddef>
#include <vector>

namespace careflow::sim {

/// Pending events, earliest first; ties pop in the order they were pushed.
///
/// | operation | cost                     |
/// |-----------|--------------------------|
/// | push      | O(log4 n), ~log4 n moves |
/// | pop       | O(4 log4 n) comparisons  |
/// | top/empty | O(1)                     |
///
/// 32 bytes per pending event, contiguous. A 4-ary heap halves the depth of a binary heap
/// and keeps the four children of a node in one 128-byte span, which is what makes it
/// faster for the tens of thousands of pending events a regional run holds.
class EventQueue {
public:
    void reserve(std::size_t events) { heap_.reserve(events); }
    [[nodiscard]] bool empty() const noexcept { return heap_.empty(); }
    [[nodiscard]] std::size_t size() const noexcept { return heap_.size(); }
    [[nodiscard]] const Event& top() const noexcept { return heap_.front(); }

    void push(Event event) {
        event.seq = next_seq_++;
        heap_.push_back(event);
        sift_up(heap_.size() - 1, event);
    }

    Event pop() {
        const Event first = heap_.front();
        const Event last = heap_.back();
        heap_.pop_back();
        if (!heap_.empty()) sift_down(last);
        return first;
    }

private:
    static constexpr std::size_t arity = 4;

    static bool before(const Event& a, const Event& b) noexcept {
        return a.time < b.time || (a.time == b.time && a.seq < b.seq);
    }

    void sift_up(std::size_t hole, const Event& event) {
        while (hole > 0) {
            const std::size_t parent = (hole - 1) / arity;
            if (!before(event, heap_[parent])) break;
            heap_[hole] = heap_[parent];
            hole = parent;
        }
        heap_[hole] = event;
    }

    /// Moves `event` down from the root's hole to where it belongs.
    void sift_down(const Event& event) {
        const std::size_t n = heap_.size();
        std::size_t hole = 0;
        for (;;) {
            const std::size_t first_child = hole * arity + 1;
            if (first_child >= n) break;
            const std::size_t last_child = first_child + arity < n ? first_child + arity : n;
            std::size_t best = first_child;
            for (std::size_t c = first_child + 1; c < last_child; ++c) {
                if (before(heap_[c], heap_[best])) best = c;
            }
            if (!before(heap_[best], event)) break;
            heap_[hole] = heap_[best];
            hole = best;
        }
        heap_[hole] = event;
    }

    std::vector<Event> heap_;
    std::uint64_t next_seq_ = 0;
};

}  // namespace careflow::sim
