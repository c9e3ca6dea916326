#include "lmlab/bench/step_benchmark.h"

#include "lmlab/blas_kernels.h"
#include "lmlab/data/mlm_masker.h"
#include "lmlab/device_choice.h"
#include "lmlab/error.h"
#include "lmlab/train/optimizer.h"
#include "lmlab/train/pretraining_loss.h"

#include <ATen/Parallel.h>
#include <torch/cuda.h>

#include <algorithm>
#include <chrono>
#include <random>

namespace lmlab {

namespace {

using Clock = std::chrono::steady_clock;

void synchronize(const c10::Device& device) {
  if (device.is_cuda()) torch::cuda::synchronize(device.index());
}

ModelConfig bench_config(const StepBenchmarkSettings& s) {
  ModelConfig c;
  c.arch = s.arch;
  c.n_layers = s.layers;
  c.n_heads = s.heads;
  c.d_model = s.d_model;
  c.d_ff = 4 * s.d_model;
  c.max_seq_len = s.seq_len;
  c.vocab_size = s.vocab_size;
  c.dropout = c.attention_dropout = s.dropout;
  c.pre_ln = s.arch == Architecture::Gpt;
  c.layer_norm_eps = s.arch == Architecture::Gpt ? 1e-5 : 1e-12;
  c.validate();
  return c;
}

// Random ids shaped like real pretraining input: BERT gets [CLS] A [SEP] B [SEP], segment
// ids, 15% masking and random NSP labels; GPT a window with shifted targets.
TokenBatch random_batch(const StepBenchmarkSettings& s) {
  const SpecialIds specials;
  std::mt19937_64 rng(0);
  std::uniform_int_distribution<int64_t> token(7, s.vocab_size - 1);
  TokenBatch b;
  b.resize(s.batch, s.seq_len, specials.pad);
  std::fill(b.real.begin(), b.real.end(), 1);
  for (auto& id : b.ids) id = token(rng);
  if (s.arch == Architecture::Gpt) {
    for (int64_t r = 0; r < b.batch; ++r)
      for (int64_t t = 0; t < b.length; ++t) b.next_targets[r * b.length + t] = token(rng);
    return b;
  }
  const MlmMasker masker(specials, s.vocab_size);
  const int64_t half = s.seq_len / 2;
  for (int64_t r = 0; r < b.batch; ++r) {
    auto* ids = &b.ids[r * b.length];
    ids[0] = specials.cls, ids[half - 1] = specials.sep, ids[b.length - 1] = specials.sep;
    for (int64_t t = half; t < b.length; ++t) b.segments[r * b.length + t] = 1;
    masker.mask(ids, &b.mlm_labels[r * b.length], static_cast<size_t>(b.length), rng);
    b.nsp_labels[r] = static_cast<int64_t>(rng() % 2);
  }
  return b;
}

double median(std::vector<double> v) {
  std::sort(v.begin(), v.end());
  const size_t n = v.size();
  return n % 2 ? v[n / 2] : (v[n / 2 - 1] + v[n / 2]) / 2;
}

}  // namespace

void StepBenchmarkSettings::validate() const {
  const auto in = [](long v, long lo, long hi, const char* name) {
    if (v < lo || v > hi)
      throw Error(std::string("bench setting --") + name + " must be between " + std::to_string(lo) + " and " +
                  std::to_string(hi) + ", got " + std::to_string(v));
  };
  in(steps, 1, 100000, "steps");
  in(warmup, 0, 100000, "warmup");
  in(batch, 1, 4096, "batch");
  in(seq_len, 4, 512, "seq");
  if (dropout < 0 || dropout >= 1) throw Error("setting 'dropout' must be in [0, 1)");
  bench_config(*this);  // the model settings
}

double step_flops(const ModelConfig& c, int64_t batch, int64_t seq_len, int64_t masked_positions) {
  const double T = static_cast<double>(seq_len), C = c.d_model, F = c.d_ff, V = c.vocab_size;
  const double per_layer = 2 * T * C * 3 * C + 2 * T * C * C + 2 * 2 * T * C * F + 2 * 2 * T * T * C;
  double forward = batch * c.n_layers * per_layer;
  if (c.arch == Architecture::Gpt) {
    forward += batch * 2 * T * C * V;
  } else {
    const double n = static_cast<double>(masked_positions);
    forward += n * (2 * C * C + 2 * C * V) + batch * (2 * C * C + 2 * C * 2);
  }
  return 3 * forward;
}

double measure_matmul_gflops(const std::string& device_name, int size, bool bf16) {
  const auto device = resolve_device(device_name);
  torch::NoGradGuard no_grad;
  const auto options = torch::TensorOptions().device(device).dtype(bf16 ? torch::kBFloat16 : torch::kFloat);
  auto a = torch::randn({size, size}, options);
  auto b = torch::randn({size, size}, options);
  auto c = torch::mm(a, b);  // warm up
  synchronize(device);
  std::vector<double> seconds;
  for (int i = 0; i < 7; ++i) {
    const auto start = Clock::now();
    torch::mm_out(c, a, b);
    synchronize(device);
    seconds.push_back(std::chrono::duration<double>(Clock::now() - start).count());
  }
  return 2.0 * size * size * size / median(seconds) / 1e9;
}

StepBenchmarkResult run_step_benchmark(const StepBenchmarkSettings& s, const std::function<void(int, int)>& progress) {
  s.validate();
  const auto device = resolve_device(s.device);
  if (s.bf16 && !device.is_cuda()) throw Error("setting 'bf16' needs a CUDA device");
  const auto config = bench_config(s);
  torch::manual_seed(0);
  LanguageModel model(config);
  model->to(device);
  model->train();
  auto optimizer = make_adamw(*model, AdamWSettings{});
  const auto host_batch = random_batch(s);
  const auto batch = BatchTensors::from(host_batch, device);
  Objectives objectives;
  objectives.mlm = objectives.nsp = s.arch == Architecture::Bert;
  objectives.clm = s.arch == Architecture::Gpt;
  const auto step = [&] {
    optimizer_step(*model, *optimizer, batch, objectives, 1.0, s.bf16);
    synchronize(device);
  };

  StepBenchmarkResult r;
  r.arch = to_string(s.arch);
  r.device = device.str();
  r.threads = at::get_num_threads();
  for (const auto& p : model->parameters()) r.params += p.numel();
  for (int i = 0; i < s.warmup; ++i) step();
  for (int i = 0; i < s.steps; ++i) {
    const auto start = Clock::now();
    step();
    r.step_ms.push_back(std::chrono::duration<double, std::milli>(Clock::now() - start).count());
    if (progress) progress(i + 1, s.steps);
  }
  r.ms_per_step_median = median(r.step_ms);
  r.ms_per_step_min = *std::min_element(r.step_ms.begin(), r.step_ms.end());
  r.ms_per_step_max = *std::max_element(r.step_ms.begin(), r.step_ms.end());
  r.tokens_per_s = static_cast<double>(s.batch) * s.seq_len / (r.ms_per_step_median / 1000.0);
  r.flops_per_step = step_flops(config, s.batch, s.seq_len, batch.mlm_positions.numel());
  r.gflops_per_s = r.flops_per_step / (r.ms_per_step_median / 1000.0) / 1e9;
  r.matmul_dtype = s.bf16 ? "bf16" : "float32";
  r.matmul_gflops_per_s = measure_matmul_gflops(s.device, s.bf16 ? 4096 : 1024, s.bf16);
  if (s.profile) {
    const int profiled = std::max(1, std::min(3, s.steps));
    r.profile = profile_ops(
        [&] {
          for (int i = 0; i < profiled; ++i) step();
        },
        {s.vocab_size, s.seq_len});
    for (auto& op : r.profile) op.self_ms /= profiled, op.total_ms /= profiled, op.calls /= profiled;
  }
  return r;
}

std::string StepBenchmarkResult::to_json() const {
  nlohmann::ordered_json j;
  j["arch"] = arch;
  j["device"] = device;
  j["threads"] = threads;
  j["blas"] = blas_summary();
  j["params"] = params;
  j["ms_per_step_median"] = ms_per_step_median;
  j["ms_per_step_min"] = ms_per_step_min;
  j["ms_per_step_max"] = ms_per_step_max;
  j["tokens_per_s"] = tokens_per_s;
  j["flops_per_step"] = flops_per_step;
  j["gflops_per_s"] = gflops_per_s;
  j["matmul_dtype"] = matmul_dtype;
  j["matmul_gflops_per_s"] = matmul_gflops_per_s;
  j["model_flop_utilisation"] = matmul_gflops_per_s > 0 ? gflops_per_s / matmul_gflops_per_s : 0.0;
  j["step_ms"] = step_ms;
  return j.dump();
}

}  // namespace lmlab
