#pragma once

#include "lmlab/bench/op_profile.h"
#include "lmlab/model_config.h"

#include <cstdint>
#include <functional>
#include <string>
#include <vector>

namespace lmlab {

// One training step on random token ids, exactly as pretraining runs it: forward, losses
// (BERT: MLM on 15% of the tokens + NSP; GPT: next-token), backward, gradient clipping and
// an AdamW update.
struct StepBenchmarkSettings {
  Architecture arch = Architecture::Gpt;
  int layers = 4, heads = 4, d_model = 256, seq_len = 128, vocab_size = 8192, batch = 16;
  int steps = 10, warmup = 2;
  double dropout = 0.1;
  std::string device = "auto";
  bool bf16 = false;
  bool profile = false;  // also run a few steps under the operator profiler

  void validate() const;  // throws lmlab::Error naming the setting
};

struct StepBenchmarkResult {
  std::string arch, device;
  int64_t params = 0;
  int threads = 0;
  double ms_per_step_median = 0, ms_per_step_min = 0, ms_per_step_max = 0;
  double tokens_per_s = 0;
  double flops_per_step = 0;  // model FLOPs, see step_flops()
  double gflops_per_s = 0;
  // The same device's matmul rate, same run: float32 1024^2, or with bf16 a bf16 4096^2 one
  // (a GPU needs the larger size to reach its peak). gflops_per_s over it is the model-FLOP
  // utilisation against what this card really does, not its datasheet.
  double matmul_gflops_per_s = 0;
  std::string matmul_dtype;
  std::vector<double> step_ms;
  std::vector<OpTime> profile;  // when asked: operators by self time, per step

  std::string to_json() const;  // one line
};

// Model FLOPs of one training step: 3 x the forward's matrix products (backward costs two
// forwards). Per layer and sequence: 2*T*C*3C (qkv) + 2*T*C*C (projection) + 2*2*T*C*F (feed
// forward) + 2*2*T*T*C (scores and weighted values). Heads: GPT 2*T*C*V; BERT the MLM
// transform and vocabulary projection on the masked positions only, plus pooler and NSP.
// Embedding lookups, layer norms, softmax and the optimizer are not counted.
double step_flops(const ModelConfig& config, int64_t batch, int64_t seq_len, int64_t masked_positions);

// GFLOP/s of a float matmul on device ("auto", "cpu", "cuda").
double measure_matmul_gflops(const std::string& device, int size = 1024, bool bf16 = false);

// progress(i, n) is called after each timed step.
StepBenchmarkResult run_step_benchmark(const StepBenchmarkSettings& settings,
                                       const std::function<void(int, int)>& progress = {});

}  // namespace lmlab
