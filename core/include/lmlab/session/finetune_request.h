#pragma once

#include "lmlab/data/labeled_dataset.h"
#include "lmlab/session/training_job.h"
#include "lmlab/settings/description.h"

#include <cstdint>
#include <memory>
#include <string>
#include <vector>

namespace lmlab {

// Everything needed to fine-tune (or distil) a classifier, in plain types. The defaults here
// are the only ones: finetune_description() and distill_description() declare each field once
// (key, range, help), and the CLI, config files, GUI forms and lesson presets fill it from them.
struct FinetuneRequest {
  std::string task = "classify";  // classify (single texts) | pair (sentence pairs)
  std::string train;              // labelled file
  std::string test;               // labelled file scored once at the end; empty: split from train
  double validation_share = 0.1;  // of the training set, held out to choose epochs (0: none)
  double test_share = 0.1;        // of the training set, held out as the test set when test is empty
  int64_t patience = 3;           // early stopping: validation scores without improvement (0: off)
  std::string format = "auto";    // auto | agnews-csv | mnli-tsv | mnli-jsonl | tsv
  bool skip_bad_rows = false;
  size_t max_train_examples = 0;  // > 0: only the first N training examples (little labelled data)
  std::string from;               // checkpoint directory: fine-tuning starts from it
  bool from_scratch = false;      // same architecture and tokenizer, fresh weights
  int student_layers = 0;         // > 0: distil `from` (a fine-tuned classifier) into a student
  double temperature = 2.0, soft_weight = 0.5, hard_weight = 0.5, cosine_weight = 0.0;
  int64_t epochs = 5, max_steps = 0, batch = 32, seq_len = 128;  // early stopping usually ends sooner
  double lr = 0;  // peak learning rate; 0: default_finetune_lr() of the model's width
  double weight_decay = 0.01, warmup_ratio = 0.1, layer_lr_decay = 1.0, max_grad_norm = 1.0;
  std::string schedule = "linear";  // linear | cosine | slanted
  std::string freeze;             // FreezeState::parse syntax; empty: nothing frozen
  int64_t gradual_unfreeze_every = 0;
  std::string device = "auto";
  uint64_t seed = 1234;
  size_t train_probe_size = 500;   // training examples scored for the train-vs-validation gap
  int64_t eval_every = 0;          // score validation every N steps (0: each epoch)
  std::string resume;              // a checkpoint of this run saved before its end: continue it exactly
};

const Description<FinetuneRequest>& finetune_description();
// The same request as a distillation: teacher (from) and student_layers instead of from and
// from_scratch, and the distillation losses' weights.
const Description<FinetuneRequest>& distill_description();
// The description a request is a run of: distill_description() with student_layers set,
// finetune_description() otherwise.
const Description<FinetuneRequest>& description_of(const FinetuneRequest& request);

// The peak learning rate fine-tuning uses unless told otherwise, by the model's width: narrow
// models learn best with large steps (a tiny BERT, d 128, on 8 WordNet topics: 55% test
// accuracy at 1e-4, 84% at 5e-4, 86% at 1e-3, 85% at 2e-3; datasets/README.md). 5e-4 for the
// small preset (d 256) and 5e-5 for wider models (BERT-base's paper uses 2e-5..5e-5) are not
// measured here.
double default_finetune_lr(int d_model);

// A supervised task's three sets, as a request asks for them: the training file (cut to
// max_train_examples), a test set (the test file relabelled with the training label map, or
// test_share of the training file) and validation_share of the rest, both split per label.
struct TaskData {
  LabeledDataset train, validation, test;
  std::string test_origin;            // the test file, or "TRAIN (N held out)"
  std::vector<std::string> warnings;  // e.g. malformed rows skipped
};
TaskData read_task_data(const FinetuneRequest& request);

// Reads the request's files and builds the job (see prepared_finetuning.h for the parts).
// Throws lmlab::Error naming the file or setting at fault.
std::unique_ptr<TrainingJob> make_finetune_job(const FinetuneRequest& request);
// The checkpoint's training_state.json for a run of the request (test_accuracy < 0: not known).
std::string finetune_state_json(const FinetuneRequest& request, const std::vector<std::string>& labels,
                                int64_t steps_done, double test_accuracy = -1);

}  // namespace lmlab
