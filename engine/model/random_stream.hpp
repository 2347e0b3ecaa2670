// RandomStream: counter-based (Philox4x32-10) random bits keyed by what they are for.
#pragma once

#include <Random123/philox.h>

#include <cstdint>

namespace careflow {

/// What a stream's numbers are used for. Append only: renumbering changes every result.
enum class Purpose : std::uint16_t {
    arrivals = 1,  ///< gaps between referrals of one arrival stream
    youth = 2,     ///< one youth's stays and routing decisions
    staffing = 3,  ///< staff attrition and hiring (entity: the state)
    provider = 4,  ///< which provider admits a youth (entity: the youth's birth key)
    billing = 5,   ///< upcoding draws when a stay is priced (entity: the youth's birth key)
    parameters = 6,  ///< uncertain scenario inputs, once per replication (entity: path hash)
};

/// Identifies a stream: the same key gives the same numbers on any thread or machine.
/// `entity` is the arrival stream (Purpose::arrivals) or the youth's birth key
/// (Purpose::youth: stream index << 32 | arrival number), never a reusable slot, so two
/// variants of a scenario give the n-th referral of a stream the same draws (common random
/// numbers) however their other youths fare.
struct StreamKey {
    std::uint64_t seed = 0;
    std::uint32_t replication = 0;
    Purpose purpose = Purpose::youth;
    std::uint64_t entity = 0;  ///< 48 bits used
};

/// A UniformRandomBitGenerator over Philox blocks. Cheap to create, so a youth's stream is
/// rebuilt from (key, position) at each draw instead of being stored. The position counts
/// 64-bit words, so a stream resumed mid-block uses the block's second half rather than
/// wasting it (a visit's stay and routing draw share one Philox block).
class RandomStream {
public:
    using result_type = std::uint64_t;
    static constexpr result_type min() noexcept { return 0; }
    static constexpr result_type max() noexcept { return ~result_type{0}; }

    explicit RandomStream(const StreamKey& key, std::uint32_t position = 0) noexcept
        : key_{{static_cast<std::uint32_t>(key.seed), static_cast<std::uint32_t>(key.seed >> 32)}},
          counter_{{0, static_cast<std::uint32_t>(key.entity),
                    static_cast<std::uint32_t>((key.entity >> 32) & 0xFFFFu) |
                        (static_cast<std::uint32_t>(key.purpose) << 16),
                    key.replication}},
          words_(position) {}

    result_type operator()() noexcept {
        const bool second_half = (words_ & 1u) != 0;
        ++words_;
        if (second_half && has_block_) return join(block_.v[2], block_.v[3]);
        counter_.v[0] = (words_ - 1) >> 1;
        block_ = r123::Philox4x32{}(counter_, key_);
        has_block_ = true;
        return second_half ? join(block_.v[2], block_.v[3]) : join(block_.v[0], block_.v[1]);
    }

    /// Uniform on [0, 1) with 53 random bits.
    double uniform() noexcept { return static_cast<double>((*this)() >> 11) * 0x1.0p-53; }

    /// 64-bit words consumed; pass it back to the constructor to continue the stream.
    [[nodiscard]] std::uint32_t position() const noexcept { return words_; }

private:
    static result_type join(std::uint32_t low, std::uint32_t high) noexcept {
        return static_cast<result_type>(low) | (static_cast<result_type>(high) << 32);
    }

    r123::Philox4x32::key_type key_;
    r123::Philox4x32::ctr_type counter_;
    r123::Philox4x32::ctr_type block_{};
    std::uint32_t words_;
    bool has_block_ = false;
};

}  // namespace careflow
