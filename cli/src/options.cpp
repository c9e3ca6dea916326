#include "options.h"

#include "lmlab/parse_number.h"

#include <cmath>
#include <sstream>

namespace lmlab::cli {

Options::Options(const std::vector<OptionSpec>& specs, const std::vector<std::string>& args) {
  for (const auto& spec : specs) {
    if (spec.value_name.empty())
      flags_[spec.name] = false;
    else if (!spec.default_value.empty())
      values_[spec.name] = spec.default_value;
  }
  for (size_t i = 0; i < args.size(); ++i) {
    const std::string& arg = args[i];
    if (arg.rfind("--", 0) != 0) throw UsageError("unexpected argument '" + arg + "'");
    std::string name = arg.substr(2);
    std::string inline_value;
    bool has_inline = false;
    if (const auto eq = name.find('='); eq != std::string::npos) {
      inline_value = name.substr(eq + 1);
      name = name.substr(0, eq);
      has_inline = true;
    }
    const OptionSpec* spec = nullptr;
    for (const auto& s : specs)
      if (s.name == name) spec = &s;
    if (!spec) throw UsageError("unknown option '--" + name + "'");
    if (spec->value_name.empty()) {
      if (has_inline) throw UsageError("option '--" + name + "' takes no value");
      flags_[name] = true;
      continue;
    }
    if (has_inline) {
      values_[name] = inline_value;
    } else {
      if (i + 1 >= args.size()) throw UsageError("option '--" + name + "' needs a value");
      values_[name] = args[++i];
    }
  }
}

bool Options::flag(const std::string& name) const {
  const auto it = flags_.find(name);
  return it != flags_.end() && it->second;
}

bool Options::has(const std::string& name) const { return values_.count(name) > 0; }

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
    std::string left = "  --" + spec.name;
    if (!spec.value_name.empty()) left += " " + spec.value_name;
    out << left;
    out << std::string(left.size() < 28 ? 28 - left.size() : 1, ' ') << spec.help;
    if (!spec.default_value.empty()) out << " (default " << spec.default_value << ")";
    out << "\n";
  }
  return out.str();
}

}  // namespace lmlab::cli

namespace lmlab::cli {

std::string default_text(double value) {
  std::ostringstream out;
  out << value;
  return out.str();
}

}  // namespace lmlab::cli
