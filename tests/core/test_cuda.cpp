// What the CUDA build promises, checked where a GPU is present (ctest label `cuda`; they skip
// elsewhere, saying why): the same training on CPU and CUDA, frozen weights untouched on the
// GPU, and checkpoints that move between the two. scripts/gpu-check.sh runs them.
#include "lmlab/io/checkpoint.h"
#include "lmlab/train/optimizer.h"
#include "lmlab/train/pretrainer.h"
#include "skip_without_cuda.h"
#include "temp_dir.h"
#include "toy_model.h"

#include <gtest/gtest.h>
#include <torch/nn/utils/clip_grad.h>

#include <cmath>

using namespace lmlab;

namespace {

struct Trial {
  test::TempDir dir;
  test::ToyModelSetup toy = test::toy_model_setup(dir, 40, 3, 300, 64);
};

// Steps of MLM+NSP pretraining from the same weights and batches on device; dropout is off
// so the two devices differ only by floating-point order (and by bf16 when asked).
std::vector<StepMetrics> train(const Trial& trial, const c10::Device& device, bool bf16, int steps,
                               LanguageModel* out = nullptr, bool freeze_embeddings = false) {
  auto config = trial.toy.config;
  config.dropout = config.attention_dropout = 0;
  torch::manual_seed(5);
  LanguageModel model(config);
  model->to(device);
  if (freeze_embeddings)
    for (auto& p : model->body().embeddings->parameters()) p.set_requires_grad(false);
  PretrainSettings settings;
  settings.objectives = Objectives::parse("mlm+nsp");
  settings.steps = steps;
  settings.adamw.lr = 1e-3;
  settings.bf16 = bf16;
  settings.metrics_every = 1;  // compared step for step
  PretrainingBatcher batcher(tokenize(TextCorpus::read(trial.toy.corpus_path), *trial.toy.tokenizer),
                             settings.objectives, trial.toy.tokenizer->special_ids(), config.vocab_size, 8, 32, 9);
  Pretrainer trainer(model, std::move(batcher), settings);
  std::vector<StepMetrics> metrics;
  while (!trainer.done()) metrics.push_back(trainer.step());
  if (out) *out = model;
  return metrics;
}

}  // namespace

TEST(Cuda, Fp32LossesMatchTheCpuStepForStep) {
  LMLAB_SKIP_WITHOUT_CUDA();
  // TF32 matmuls would round to 10 mantissa bits; the comparison is about float32.
  at::globalContext().setAllowTF32CuBLAS(false);
  Trial trial;
  const auto cpu = train(trial, c10::kCPU, false, 5);
  const auto cuda = train(trial, c10::Device(c10::kCUDA, 0), false, 5);
  for (size_t i = 0; i < cpu.size(); ++i) {
    EXPECT_NEAR(*cuda[i].mlm_loss, *cpu[i].mlm_loss, 1e-3 * std::abs(*cpu[i].mlm_loss)) << "step " << i + 1;
    EXPECT_NEAR(*cuda[i].nsp_loss, *cpu[i].nsp_loss, 1e-3 * std::abs(*cpu[i].nsp_loss)) << "step " << i + 1;
  }
}

TEST(Cuda, Bf16LossesStayCloseToTheCpu) {
  LMLAB_SKIP_WITHOUT_CUDA();
  Trial trial;
  const auto cpu = train(trial, c10::kCPU, false, 3);
  const auto bf16 = train(trial, c10::Device(c10::kCUDA, 0), true, 3);
  // bf16 keeps 8 mantissa bits (relative rounding 2^-8 = 0.4%); a few layers of it stay
  // within a few percent of the float32 loss.
  for (size_t i = 0; i < cpu.size(); ++i)
    EXPECT_NEAR(*bf16[i].mlm_loss, *cpu[i].mlm_loss, 0.03 * std::abs(*cpu[i].mlm_loss)) << "step " << i + 1;
}

TEST(Cuda, FrozenTensorsStayBitIdentical) {
  LMLAB_SKIP_WITHOUT_CUDA();
  Trial trial;
  LanguageModel untrained{nullptr}, trained{nullptr};
  train(trial, c10::Device(c10::kCUDA, 0), false, 0, &untrained, true);
  train(trial, c10::Device(c10::kCUDA, 0), false, 4, &trained, true);
  const auto before = untrained->body().embeddings->named_parameters();
  const auto after = trained->body().embeddings->named_parameters();
  for (const auto& item : before)
    EXPECT_TRUE(torch::equal(item.value(), after[item.key()])) << item.key() << " moved while frozen";
  // ... while the layers above them did train.
  EXPECT_FALSE(torch::equal(untrained->parameters().back(), trained->parameters().back()));
}

TEST(Cuda, CheckpointsWrittenOnCudaLoadOnTheCpuAndBack) {
  LMLAB_SKIP_WITHOUT_CUDA();
  Trial trial;
  LanguageModel model{nullptr};
  train(trial, c10::Device(c10::kCUDA, 0), false, 2, &model);
  const auto path = (trial.dir.path() / "checkpoint").string();
  save_checkpoint(path, *model, *trial.toy.tokenizer, "{}");
  const auto on_cpu = load_checkpoint(path, c10::kCPU);
  const auto on_cuda = load_checkpoint(path, c10::Device(c10::kCUDA, 0));
  const auto written = model->named_parameters();
  for (const auto& item : on_cpu.model->named_parameters()) {
    EXPECT_TRUE(item.value().device().is_cpu());
    EXPECT_TRUE(torch::equal(item.value(), written[item.key()].cpu())) << item.key();
  }
  for (const auto& item : on_cuda.model->named_parameters()) {
    EXPECT_TRUE(item.value().is_cuda());
    EXPECT_TRUE(torch::equal(item.value(), written[item.key()])) << item.key();
  }
}

TEST(Cuda, GradientClippingOnTheDeviceMatchesTorchs) {
  LMLAB_SKIP_WITHOUT_CUDA();
  torch::manual_seed(2);
  torch::nn::Linear cpu(16, 8), cuda(16, 8);
  cuda->to(c10::Device(c10::kCUDA, 0));
  for (auto* layer : {&cpu, &cuda}) {
    for (auto& p : (*layer)->parameters()) {
      torch::NoGradGuard no_grad;
      p.mutable_grad() = torch::full_like(p, 3.0);  // norm far above the limit
    }
  }
  clip_gradients(*cuda, 1.0);  // LM Lab's, on the device
  std::vector<at::Tensor> cpu_params = cpu->parameters();
  torch::nn::utils::clip_grad_norm_(cpu_params, 1.0);  // torch's, on the CPU
  for (size_t i = 0; i < cpu_params.size(); ++i)
    EXPECT_TRUE(torch::allclose(cuda->parameters()[i].grad().cpu(), cpu_params[i].grad(), 1e-6, 1e-7));
}
