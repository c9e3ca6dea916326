#pragma once

#include "lmlab/model_config.h"
#include "lmlab/session/training_job.h"

#include <cstdint>
#include <memory>
#include <string>

namespace lmlab {

// Everything needed to start pretraining, in plain types (the GUI fills it from its form).
struct PretrainRequest {
  Architecture arch = Architecture::Bert;
  std::string objective;        // empty: mlm+nsp for BERT, clm for GPT
  std::string corpus;           // text file, one sentence per line, blank line between documents
  std::string preset = "tiny";  // tiny | small | base
  int64_t steps = 1000, batch = 16, seq_len = 64;
  double lr = 1e-3;
  int vocab_size = 2000;        // when the corpus's tokenizer is trained
  std::string device = "auto";
  uint64_t seed = 1234;
  std::string probe;            // empty: a sentence from the corpus (with a [MASK] for BERT)
  std::string tokenizer_cache;  // empty: TokenizerCache::default_dir()
};

// Reads the corpus, trains or reuses its tokenizer, builds the model and the trainer.
// Throws lmlab::Error naming the file or setting at fault.
std::unique_ptr<TrainingJob> make_pretrain_job(const PretrainRequest& request);

}  // namespace lmlab
