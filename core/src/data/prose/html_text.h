#pragma once

#include "lmlab/data/text_corpus.h"

#include <functional>
#include <string>
#include <vector>

namespace lmlab::prose {

// The text of an HTML fragment: tags dropped (line breaks, list items and table cells become
// spaces), the common named entities and numeric ones decoded.
std::string html_plain_text(const std::string& html);

// Whether the text holds a Hangul syllable (U+AC00..U+D7A3).
bool has_hangul(const std::string& text);

// A corpus of HTML pages: every .html file under dir (recursively or not) in sorted order, so
// it is the same on every machine; pages that are not valid UTF-8 or give no sentences are
// left out. page_sentences turns one page into its sentences.
TextCorpus html_pages_corpus(const std::string& dir, bool recursive,
                             const std::function<std::vector<std::string>(const std::string& html)>& page_sentences);

}  // namespace lmlab::prose
