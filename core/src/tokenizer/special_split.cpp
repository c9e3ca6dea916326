#include "special_split.h"

namespace lmlab {

void split_at_specials(std::string_view text, const std::vector<std::string_view>& specials,
                       const std::function<void(std::string_view, std::string_view)>& visit) {
  size_t start = 0;
  for (;;) {
    size_t next = std::string_view::npos;
    std::string_view which;
    for (const auto special : specials) {
      const size_t at = text.find(special, start);
      if (at < next) next = at, which = special;
    }
    if (which.empty()) {
      visit(text.substr(start), {});
      return;
    }
    visit(text.substr(start, next - start), which);
    start = next + which.size();
  }
}

}  // namespace lmlab
