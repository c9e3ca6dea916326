#pragma once

#include <optional>
#include <string>
#include <vector>

namespace lmlab {

// The one place that reads integers typed by people (options, freeze specs, lists of k): the
// whole text must be a decimal integer ("3x", "", " 3" and out-of-range values are not).
std::optional<long> parse_integer(const std::string& text);

// "0,1,2,4": every comma-separated item an integer in [low, high]; nullopt when any is not
// (or the list is empty). The caller words the error, naming its option or setting.
std::optional<std::vector<long>> parse_integer_list(const std::string& text, long low, long high);

}  // namespace lmlab
