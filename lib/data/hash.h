// FNV-1a: the one string hash of the project. Its value is fixed by definition, so it
// may be stored (content hashes, shard choice, sample buckets) where std::hash, free to
// change between builds, may not; and it is inline, so the per-word and per-token hash
// tables of ingest and extraction pay no call for keys of a few bytes.
// Internal header: include as "data/hash.h".
#pragma once

#include <cstddef>
#include <cstdint>
#include <string_view>

namespace tracuu {

inline constexpr std::uint64_t kFnv1aOffset = 14695981039346656037ull;

inline std::uint64_t fnv1a(std::string_view bytes, std::uint64_t seed = kFnv1aOffset) {
  std::uint64_t h = seed;
  for (const unsigned char c : bytes) h = (h ^ c) * 1099511628211ull;
  return h;
}

// Hash/equality that let unordered containers keyed by std::string be probed with a
// std::string_view without building a string (C++20 heterogeneous lookup). FNV-1a is
// enough for the tables' prime bucket counts. Not noexcept on purpose: libstdc++ then
// keeps each node's hash, so a probe compares hashes, not strings, along a bucket, and
// never re-hashes a node's key to find where the bucket ends.
struct StringHash {
  using is_transparent = void;
  std::size_t operator()(std::string_view s) const { return static_cast<std::size_t>(fnv1a(s)); }
};

}  // namespace tracuu
