#pragma once

#include <ATen/core/Tensor.h>

#include <sstream>
#include <string>
#include <type_traits>

namespace lmlab {

// LibTorch keys optimizer state by the parameter's TensorImpl: as a string in 1.13 (the
// pointer printed by an ostream, as its c10::guts::to_string did), as the pointer itself in 2.x.
template <typename State>
auto adamw_state_key(const State&, const at::Tensor& parameter) {
  using Key = typename State::key_type;
  if constexpr (std::is_same_v<Key, std::string>) {
    std::ostringstream key;
    key << parameter.unsafeGetTensorImpl();
    return key.str();
  } else {
    return static_cast<Key>(parameter.unsafeGetTensorImpl());
  }
}

}  // namespace lmlab
