#pragma once

#include "lmlab/data/labeled_dataset.h"
#include "lmlab/model/language_model.h"
#include "lmlab/tokenizer.h"

#include <cstdint>
#include <string>
#include <vector>

namespace lmlab {

// k labelled examples, then the query, as one prompt for a decoder:
//   "<text> => <label>\n" x k, then "<text> =>"   (pairs: "<a> ? <b> => <label>")
std::string few_shot_prompt(const std::vector<const LabeledExample*>& demos, const LabeledExample& query,
                            const std::vector<std::string>& labels);

// Log-likelihood per token of each label's tokens after the prompt (a GPT), as few-shot
// scoring compares them. Prompts longer than the context keep their end.
std::vector<double> label_scores(LanguageModelImpl& decoder, const std::vector<int>& prompt,
                                 const std::vector<std::vector<int>>& labels);

struct FewShotResult {
  int k = 0;
  double accuracy = 0;
  int64_t examples = 0;
};

// For each k, scores every test example (at most max_test) by the log-likelihood per token the
// decoder gives each label's continuation after a k-shot prompt, demos drawn at random from train
// (seeded), and reports the accuracy of the likeliest label. Prompts longer than the model's
// context keep their end (the query).
std::vector<FewShotResult> few_shot_accuracy(LanguageModelImpl& decoder, const Tokenizer& tokenizer,
                                             const LabeledDataset& train, const LabeledDataset& test,
                                             const std::vector<int>& ks, int64_t max_test, uint64_t seed);

}  // namespace lmlab
