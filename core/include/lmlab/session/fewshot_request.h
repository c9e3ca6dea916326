#pragma once

#include "lmlab/session/training_job.h"
#include "lmlab/settings/description.h"

#include <cstdint>
#include <string>
#include <vector>

namespace lmlab {

// Few-shot prompting with a saved decoder, in plain types; fewshot_description() declares each
// field (the CLI, config files and the lessons fill it through it).
struct FewShotRequest {
  std::string from;              // GPT checkpoint directory
  std::string train, test;       // demonstrations come from train, questions from test
  std::string format = "auto";
  bool skip_bad_rows = false;
  std::vector<int> ks{0, 1, 2, 4, 8};
  int64_t max_test = 200;        // test examples scored per k
  uint64_t seed = 1234;
  std::string device = "auto";
};

const Description<FewShotRequest>& fewshot_description();

// A job with one "step" per k: the step number is k and the metrics hold "fewshot_accuracy",
// "chance" and "examples" (the loss is NaN: nothing is trained). Throws lmlab::Error naming the file or
// setting at fault.
std::unique_ptr<TrainingJob> make_fewshot_job(const FewShotRequest& request);

}  // namespace lmlab
