#pragma once

#include <cstdint>
#include <string_view>

namespace lmlab {

// FNV-1a: stable across runs, compilers and machines, unlike std::hash, so it can name cache
// files and make "random" choices that give every machine the same corpus.
inline constexpr uint64_t kFnv1aOffset = 1469598103934665603ULL;

// hash continues an earlier one (or starts from a salted offset).
inline uint64_t fnv1a(std::string_view bytes, uint64_t hash = kFnv1aOffset) {
  for (unsigned char c : bytes) hash = (hash ^ c) * 1099511628211ULL;
  return hash;
}

}  // namespace lmlab
