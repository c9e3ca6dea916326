#pragma once

#include <map>
#include <stdexcept>
#include <string>
#include <vector>

namespace lmlab::cli {

// A command-line mistake: printed with the command's usage and exit code 2.
class UsageError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

struct OptionSpec {
  std::string name;  // without the leading "--"
  std::string value_name;  // empty for a flag
  std::string help;
  std::string default_value;
  bool required = false;  // shown in --help; checked by whoever reads the value
  bool positional = false;  // given without "--name": lmlab-cli describe KIND
};

// Options of one command, parsed by CLI11 against its specs: unknown options (with the closest
// known one), missing values and values of the wrong type are UsageErrors naming the option.
class Options {
 public:
  Options(const std::vector<OptionSpec>& specs, const std::vector<std::string>& args);

  bool flag(const std::string& name) const;
  bool has(const std::string& name) const;    // given, or has a default
  bool given(const std::string& name) const;  // on the command line
  std::string text(const std::string& name) const;  // required unless it has a default
  long integer(const std::string& name, long min, long max) const;
  double real(const std::string& name, double min, double max) const;

 private:
  std::map<std::string, std::string> values_;
  std::map<std::string, bool> flags_;
  std::map<std::string, bool> given_;
};

std::string format_options(const std::vector<OptionSpec>& specs);

}  // namespace lmlab::cli
