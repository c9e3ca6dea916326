#pragma once

#include "lmlab/error.h"

#include <string>

namespace lmlab::test {

// The message of the lmlab::Error fn throws, or "no error": tests check what users read.
template <typename Fn>
std::string error_of(Fn&& fn) {
  try {
    fn();
  } catch (const lmlab::Error& e) {
    return e.what();
  }
  return "no error";
}

}  // namespace lmlab::test
