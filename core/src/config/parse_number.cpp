#include "lmlab/parse_number.h"

#include <cctype>
#include <stdexcept>

namespace lmlab {

std::optional<long> parse_integer(const std::string& text) {
  if (text.empty() || std::isspace(static_cast<unsigned char>(text.front()))) return std::nullopt;
  size_t used = 0;
  long value = 0;
  try {
    value = std::stol(text, &used);
  } catch (const std::exception&) {
    return std::nullopt;
  }
  if (used != text.size()) return std::nullopt;
  return value;
}

std::optional<std::vector<long>> parse_integer_list(const std::string& text, long low, long high) {
  std::vector<long> values;
  size_t start = 0;
  while (start <= text.size()) {
    const size_t comma = text.find(',', start);
    const auto value = parse_integer(text.substr(start, comma == std::string::npos ? std::string::npos : comma - start));
    if (!value || *value < low || *value > high) return std::nullopt;
    values.push_back(*value);
    if (comma == std::string::npos) break;
    start = comma + 1;
  }
  return values;
}

}  // namespace lmlab
