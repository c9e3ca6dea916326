#pragma once

#include <string>
#include <vector>

namespace lmlab {

struct NliPair {
  std::string premise, hypothesis, label;  // entailment | neutral | contradiction
  int prompt = 0;                          // pairs sharing a hypothesis share a prompt id
};

// The two MNLI file forms: GLUE TSV (dev adds the label2..label5 annotator columns) and
// JSONL, with the parse columns filled by a right-branching binary parse.
std::string mnli_tsv(const std::vector<NliPair>& pairs, bool dev);
std::string mnli_jsonl(const std::vector<NliPair>& pairs);

}  // namespace lmlab
