#pragma once

#include "lmlab/session/finetune_request.h"
#include "lmlab/train/fine_tune_evaluation.h"
#include "lmlab/train/fine_tuner.h"

namespace lmlab {

// What a FinetuneRequest turns into. The tuner holds the model (and the teacher when distilling).
struct PreparedFinetuning {
  std::unique_ptr<FineTuner> tuner;
  std::shared_ptr<const Tokenizer> tokenizer;
  EvaluationSets sets;      // validation, test and train probe, in the training label map
  EvaluationSettings evaluation;
  std::vector<std::string> labels;
  size_t train_examples = 0;
  std::string test_origin;  // the test file, or where it was split from
  std::string probe;        // a test text, for attention snapshots
  SessionInfo info;         // kind, labels and a one-line description
  std::vector<std::string> warnings;  // e.g. malformed rows skipped
};

// Reads the sets and the checkpoint, builds the model (fresh, pretrained or a student) on its
// device and the tuner.
PreparedFinetuning prepare_finetuning(const FinetuneRequest& request);

// Fine-tuning (or distillation) as a job: validation (and the train probe) is scored as
// FineTuneEvaluation decides, the test set once, on the last step, both reported in the step's
// evaluation; early stopping ends the job. With the request it was prepared from, a job saved
// before its end writes a checkpoint that continues exactly (finetune_resume.h), and a request
// with resume set continues that checkpoint.
std::unique_ptr<TrainingJob> make_finetune_job(PreparedFinetuning prepared,
                                               std::shared_ptr<const FinetuneRequest> request);

}  // namespace lmlab
