#pragma once

#include "lmlab/model_config.h"
#include "lmlab/sentencepiece_tokenizer.h"
#include "lmlab/session/training_job.h"
#include "lmlab/settings/description.h"

#include <cstdint>
#include <memory>
#include <string>

namespace lmlab {

class Pretrainer;

// Everything needed to start pretraining, in plain types. The defaults here are the only ones:
// pretrain_description() declares each field once for the CLI, config files, forms and presets.
struct PretrainRequest {
  Architecture arch = Architecture::Bert;
  std::string objective = "auto";  // mlm | nsp | mlm+nsp | clm; auto: mlm+nsp for BERT, clm for GPT
  std::string corpus;           // text file (one sentence per line, blank line between documents)
                                // or a folder of them; empty: the lessons' corpus (lessons_corpus.h)
  std::string preset = "tiny";  // tiny | small | base, or a model config JSON file
  std::string model;            // model settings over the preset: "n_layers=4,position_encoding=rotary"
  int64_t steps = 2000, batch = 16, seq_len = 64;
  double lr = 1e-3;
  double weight_decay = 0.01;
  int64_t warmup_steps = -1;    // -1: 10% of the steps
  bool bf16 = false;            // CUDA only
  int vocab_size = SentencePieceTrainOptions{}.vocab_size;  // when the corpus's tokenizer is trained
  std::string tokenizer_file;   // empty: train (or reuse from the cache) one for the corpus
  std::string device = "auto";
  uint64_t seed = 1234;
  std::string probe;            // empty: a sentence from the corpus (with a [MASK] for BERT)
  std::string tokenizer_cache;  // empty: TokenizerCache::default_dir()
  std::string resume;           // a checkpoint of this run to continue exactly (pretrain_resume.h)
};

const Description<PretrainRequest>& pretrain_description();

// A request's model settings ("n_layers=4,position_encoding=rotary") applied to a config, each
// value checked by model_config_description(); arch, vocab_size and num_labels are refused
// (they come from the request, the tokenizer and fine-tuning). Throws lmlab::Error.
void apply_model_settings(ModelConfig& config, const std::string& settings);

// What a request turns into: the trainer (which holds the model), the tokenizer, and what
// was read, for reports.
struct PreparedPretraining {
  std::unique_ptr<Pretrainer> trainer;
  std::shared_ptr<const SentencePieceTokenizer> tokenizer;
  std::string corpus;  // the file read: the request's, or the lessons' corpus
  size_t documents = 0, sentences = 0;
  std::string probe;  // the request's, or one made from the corpus's first sentence
};

// Reads the corpus, trains or reuses its tokenizer, builds the model on its device and the
// trainer. Throws lmlab::Error naming the file or setting at fault.
PreparedPretraining prepare_pretraining(const PretrainRequest& request);

// Self-supervised pretraining as a job, from what prepare_pretraining made of the request (and
// resume_pretraining, when it continues a run). Its checkpoints are save_pretraining's: any of
// them can be continued exactly.
std::unique_ptr<TrainingJob> make_pretrain_job(PreparedPretraining prepared, PretrainRequest request);
// Prepares the request, continues request.resume when it names a checkpoint, and makes the job.
std::unique_ptr<TrainingJob> make_pretrain_job(const PretrainRequest& request);

}  // namespace lmlab
