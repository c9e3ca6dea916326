#pragma once

#include <stdexcept>
#include <string>
#include <utility>
#include <vector>

namespace lmlab {

// Every failure the core reports to a user (bad file, bad setting, missing component) is an
// lmlab::Error whose message names the file, line or setting at fault. The CLI prints the
// English message and exits non-zero. Failures a learner meets in the GUI also carry a code
// and their facts (file, line, setting, value) so that the GUI can say them in its own
// language; the core stays free of Qt and of translations.
class Error : public std::runtime_error {
 public:
  using Facts = std::vector<std::pair<std::string, std::string>>;

  explicit Error(const std::string& message) : std::runtime_error(message) {}
  Error(std::string code, Facts facts, const std::string& message)
      : std::runtime_error(message), code_(std::move(code)), facts_(std::move(facts)) {}

  // Empty for failures only worded in English.
  const std::string& code() const { return code_; }
  // The fact of that name, or "" when the error has none.
  std::string fact(const std::string& name) const {
    for (const auto& [key, value] : facts_)
      if (key == name) return value;
    return "";
  }

 private:
  std::string code_;
  Facts facts_;
};

}  // namespace lmlab
