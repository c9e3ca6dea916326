#pragma once

#include <string>

namespace lmlab::test {

// A small deterministic corpus with learnable structure: documents (separated by blank
// lines) about one animal each, sentences from a handful of templates.
std::string toy_corpus(int documents, unsigned seed);

}  // namespace lmlab::test
