#include "options.h"

#include "lmlab/parse_number.h"
#include "lmlab/settings/setting.h"

#include <CLI/App.hpp>
#include <CLI/Config.hpp>
#include <CLI/Formatter.hpp>

#include <algorithm>
#include <cmath>
#include <sstream>

namespace lmlab::cli {

Options::Options(const std::vector<OptionSpec>& specs, const std::vector<std::string>& args) {
  CLI::App app;
  app.set_help_flag();     // --help is answered before parsing (main.cpp)
  app.allow_extras(true);  // unknown options are worded below, with the closest known one
  std::map<std::string, CLI::Option*> parsed;
  std::vector<std::string> known;
  for (const auto& spec : specs) {
    known.push_back(spec.name);
    if (spec.positional) {
      parsed[spec.name] = app.add_option(spec.name)->type_size(1);
    } else if (spec.value_name.empty()) {
      flags_[spec.name] = false;
      parsed[spec.name] = app.add_flag("--" + spec.name, flags_[spec.name]);
    } else {
      if (!spec.default_value.empty()) values_[spec.name] = spec.default_value;
      parsed[spec.name] = app.add_option("--" + spec.name)->type_size(1)->multi_option_policy(CLI::MultiOptionPolicy::TakeLast);
    }
  }
  std::vector<std::string> reversed(args.rbegin(), args.rend());  // CLI11 parses a reversed vector
  try {
    app.parse(reversed);
  } catch (const CLI::ParseError& e) {
    throw UsageError(e.what());
  }
  for (const auto& extra : app.remaining()) {
    if (extra.rfind("--", 0) != 0) throw UsageError("unexpected argument '" + extra + "'");
    const std::string name = extra.substr(2, extra.find('=') == std::string::npos ? std::string::npos : extra.find('=') - 2);
    const auto near = closest_key(name, known);
    throw UsageError("unknown option '--" + name + "'" + (near.empty() ? "" : "; did you mean '--" + near + "'?"));
  }
  for (const auto& [name, option] : parsed) {
    if (option->count() == 0) continue;
    given_[name] = true;
    if (values_.count(name) || !flags_.count(name)) values_[name] = option->results().back();
  }
}

bool Options::flag(const std::string& name) const {
  const auto it = flags_.find(name);
  return it != flags_.end() && it->second;
}

bool Options::has(const std::string& name) const { return values_.count(name) > 0; }

bool Options::given(const std::string& name) const { return given_.count(name) > 0; }

std::string Options::text(const std::string& name) const {
  const auto it = values_.find(name);
  if (it == values_.end()) throw UsageError("option '--" + name + "' is required");
  return it->second;
}

long Options::integer(const std::string& name, long min, long max) const {
  const std::string value = text(name);
  const auto number = parse_integer(value);
  if (!number) throw UsageError("option '--" + name + "' expects an integer, got '" + value + "'");
  const long parsed = *number;
  if (parsed < min || parsed > max)
    throw UsageError("option '--" + name + "' must be between " + std::to_string(min) +
                     " and " + std::to_string(max) + ", got " + value);
  return parsed;
}

double Options::real(const std::string& name, double min, double max) const {
  const std::string value = text(name);
  size_t used = 0;
  double parsed = 0;
  try {
    parsed = std::stod(value, &used);
  } catch (const std::exception&) {
    used = 0;
  }
  if (used == 0 || used != value.size() || !std::isfinite(parsed))
    throw UsageError("option '--" + name + "' expects a number, got '" + value + "'");
  if (parsed < min || parsed > max) {
    std::ostringstream range;
    range << "option '--" << name << "' must be between " << min << " and " << max << ", got "
          << value;
    throw UsageError(range.str());
  }
  return parsed;
}

std::string format_options(const std::vector<OptionSpec>& specs) {
  std::ostringstream out;
  for (const auto& spec : specs) {
    std::string left = spec.positional ? "  " + spec.value_name : "  --" + spec.name;
    if (!spec.value_name.empty() && !spec.positional) left += " " + spec.value_name;
    out << left;
    out << std::string(left.size() < 28 ? 28 - left.size() : 1, ' ') << spec.help;
    if (spec.required) out << " (required)";
    else if (!spec.default_value.empty()) out << " (default " << spec.default_value << ")";
    out << "\n";
  }
  return out.str();
}

}  // namespace lmlab::cli
