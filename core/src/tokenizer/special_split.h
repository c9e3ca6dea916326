#pragma once

#include <functional>
#include <string_view>
#include <vector>

namespace lmlab {

// Walks text as (plain segment, special token literal that follows it) pairs, so special
// tokens typed in the text ("the [MASK] sat") map to their own ids instead of being split into
// pieces. The last segment comes with an empty special. Pass only literals the vocabulary has.
void split_at_specials(std::string_view text, const std::vector<std::string_view>& specials,
                       const std::function<void(std::string_view segment, std::string_view special)>& visit);

}  // namespace lmlab
