#pragma once

#include <string>
#include <string_view>

namespace lmlab {

// UTF-8 <-> code points, for the tokenizers and text readers that work per character.
// Invalid or truncated sequences decode to U+FFFD, one per offending byte.
std::u32string decode_utf8(std::string_view text);
void append_utf8(std::string& out, char32_t code_point);  // nothing for values beyond U+10FFFF

}  // namespace lmlab
