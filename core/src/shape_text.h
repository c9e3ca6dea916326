#pragma once

#include <c10/util/ArrayRef.h>

#include <sstream>
#include <string>

namespace lmlab {

// "[2, 3]": a tensor shape as error messages name it.
inline std::string shape_text(c10::IntArrayRef shape) {
  std::ostringstream s;
  s << shape;
  return s.str();
}

}  // namespace lmlab
