// SHA-256 (FIPS 180-4), written from the standard, for hashing scenario text into the manifest.
#include <careflow/output.hpp>

#include <algorithm>
#include <array>
#include <bit>
#include <cstddef>
#include <cstdint>
#include <span>
#include <string>
#include <string_view>

namespace careflow {
namespace {

using HashState = std::array<std::uint32_t, 8>;

constexpr std::size_t block_bytes = 64;

// FIPS 180-4 §4.2.2: first 32 bits of the fractional parts of the cube roots of the first 64
// primes.
constexpr std::array<std::uint32_t, 64> round_constants = {
    0x428a2f98, 0x71374491, 0xb5c0fbcf, 0xe9b5dba5, 0x3956c25b, 0x59f111f1, 0x923f82a4, 0xab1c5ed5,
    0xd807aa98, 0x12835b01, 0x243185be, 0x550c7dc3, 0x72be5d74, 0x80deb1fe, 0x9bdc06a7, 0xc19bf174,
    0xe49b69c1, 0xefbe4786, 0x0fc19dc6, 0x240ca1cc, 0x2de92c6f, 0x4a7484aa, 0x5cb0a9dc, 0x76f988da,
    0x983e5152, 0xa831c66d, 0xb00327c8, 0xbf597fc7, 0xc6e00bf3, 0xd5a79147, 0x06ca6351, 0x14292967,
    0x27b70a85, 0x2e1b2138, 0x4d2c6dfc, 0x53380d13, 0x650a7354, 0x766a0abb, 0x81c2c92e, 0x92722c85,
    0xa2bfe8a1, 0xa81a664b, 0xc24b8b70, 0xc76c51a3, 0xd192e819, 0xd6990624, 0xf40e3585, 0x106aa070,
    0x19a4c116, 0x1e376c08, 0x2748774c, 0x34b0bcb5, 0x391c0cb3, 0x4ed8aa4a, 0x5b9cca4f, 0x682e6ff3,
    0x748f82ee, 0x78a5636f, 0x84c87814, 0x8cc70208, 0x90befffa, 0xa4506ceb, 0xbef9a3f7, 0xc67178f2,
};

// FIPS 180-4 §5.3.3: first 32 bits of the fractional parts of the square roots of the first 8
// primes.
constexpr HashState initial_hash = {
    0x6a09e667, 0xbb67ae85, 0x3c6ef372, 0xa54ff53a, 0x510e527f, 0x9b05688c, 0x1f83d9ab, 0x5be0cd19,
};

std::uint32_t load_big_endian(std::span<const unsigned char, 4> bytes) {
    return (std::uint32_t{bytes[0]} << 24) | (std::uint32_t{bytes[1]} << 16) |
           (std::uint32_t{bytes[2]} << 8) | std::uint32_t{bytes[3]};
}

// FIPS 180-4 §6.2.2 step 1: expand one 512-bit block into 64 schedule words.
std::array<std::uint32_t, 64> message_schedule(std::span<const unsigned char, block_bytes> block) {
    std::array<std::uint32_t, 64> w{};
    for (std::size_t t = 0; t < 16; ++t) {
        w[t] = load_big_endian(block.subspan(4 * t).first<4>());
    }
    for (std::size_t t = 16; t < 64; ++t) {
        const std::uint32_t x = w[t - 15];
        const std::uint32_t y = w[t - 2];
        const std::uint32_t s0 = std::rotr(x, 7) ^ std::rotr(x, 18) ^ (x >> 3);
        const std::uint32_t s1 = std::rotr(y, 17) ^ std::rotr(y, 19) ^ (y >> 10);
        w[t] = w[t - 16] + s0 + w[t - 7] + s1;
    }
    return w;
}

// FIPS 180-4 §6.2.2 steps 2-4: fold one block into the hash state.
void compress(HashState& state, std::span<const unsigned char, block_bytes> block) {
    const auto w = message_schedule(block);
    auto [a, b, c, d, e, f, g, h] = state;
    for (std::size_t t = 0; t < 64; ++t) {
        const std::uint32_t sigma1 = std::rotr(e, 6) ^ std::rotr(e, 11) ^ std::rotr(e, 25);
        const std::uint32_t choose = (e & f) ^ (~e & g);
        const std::uint32_t t1 = h + sigma1 + choose + round_constants[t] + w[t];
        const std::uint32_t sigma0 = std::rotr(a, 2) ^ std::rotr(a, 13) ^ std::rotr(a, 22);
        const std::uint32_t majority = (a & b) ^ (a & c) ^ (b & c);
        const std::uint32_t t2 = sigma0 + majority;
        h = g;
        g = f;
        f = e;
        e = d + t1;
        d = c;
        c = b;
        b = a;
        a = t1 + t2;
    }
    const HashState working = {a, b, c, d, e, f, g, h};
    for (std::size_t i = 0; i < state.size(); ++i) state[i] += working[i];
}

// FIPS 180-4 §5.1.1: the last partial block, a 1 bit, zeros, and the message length in bits.
void compress_padded_tail(HashState& state, std::span<const unsigned char> tail,
                          std::uint64_t message_bytes) {
    std::array<unsigned char, 2 * block_bytes> buffer{};
    std::copy(tail.begin(), tail.end(), buffer.begin());
    buffer[tail.size()] = 0x80;
    const std::size_t length = tail.size() + 9 <= block_bytes ? block_bytes : 2 * block_bytes;
    const std::uint64_t message_bits = message_bytes * 8;  // modulo 2^64, as the standard says
    for (std::size_t i = 0; i < 8; ++i) {
        buffer[length - 1 - i] = static_cast<unsigned char>(message_bits >> (8 * i));
    }
    const std::span<const unsigned char> padded(buffer.data(), length);
    for (std::size_t offset = 0; offset < length; offset += block_bytes) {
        compress(state, padded.subspan(offset).first<block_bytes>());
    }
}

std::string to_hex(const HashState& state) {
    constexpr std::string_view digits = "0123456789abcdef";
    std::string hex;
    hex.reserve(2 * sizeof(HashState));
    for (const std::uint32_t word : state) {
        for (int shift = 28; shift >= 0; shift -= 4) {
            hex.push_back(digits[(word >> shift) & 0xFu]);
        }
    }
    return hex;
}

}  // namespace

std::string sha256_hex(const std::string& bytes) {
    const std::span<const unsigned char> message(
        reinterpret_cast<const unsigned char*>(bytes.data()), bytes.size());
    HashState state = initial_hash;
    const std::size_t whole_blocks_bytes = message.size() / block_bytes * block_bytes;
    for (std::size_t offset = 0; offset < whole_blocks_bytes; offset += block_bytes) {
        compress(state, message.subspan(offset).first<block_bytes>());
    }
    compress_padded_tail(state, message.subspan(whole_blocks_bytes), message.size());
    return to_hex(state);
}

}  // namespace careflow
