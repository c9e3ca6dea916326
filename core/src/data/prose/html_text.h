#pragma once

#include <string>

namespace lmlab::prose {

// The text of an HTML fragment: tags dropped (line breaks, list items and table cells become
// spaces), the common named entities and numeric ones decoded.
std::string html_plain_text(const std::string& html);

// Whether the text holds a Hangul syllable (U+AC00..U+D7A3).
bool has_hangul(const std::string& text);

}  // namespace lmlab::prose
