#pragma once

#include <stdexcept>
#include <string>

namespace lmlab {

// Every failure the core reports to a user (bad file, bad setting, missing component) is an
// lmlab::Error whose message names the file, line or setting at fault. The CLI prints it and
// exits non-zero; the GUI shows it in a dialog.
class Error : public std::runtime_error {
 public:
  explicit Error(const std::string& message) : std::runtime_error(message) {}
};

}  // namespace lmlab
