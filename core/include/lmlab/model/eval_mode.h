#pragma once

#include <torch/nn/module.h>

namespace lmlab {

// Eval mode (no dropout) for one scope; the module's previous mode comes back however the
// scope ends, exceptions included. Inspection and evaluation use it so they never leave a
// model that is being trained in the wrong mode.
class EvalMode {
 public:
  explicit EvalMode(torch::nn::Module& module) : module_(module), was_training_(module.is_training()) {
    module.eval();
  }
  ~EvalMode() { module_.train(was_training_); }
  EvalMode(const EvalMode&) = delete;
  EvalMode& operator=(const EvalMode&) = delete;

 private:
  torch::nn::Module& module_;
  bool was_training_;
};

}  // namespace lmlab
