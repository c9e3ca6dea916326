#pragma once

#include <torch/optim/adamw.h>

namespace lmlab {

// LibTorch's AdamW with its update done in one pass per parameter: LibTorch 1.13's C++
// AdamW runs eight tensor operations per parameter (decay, two moment updates, sqrt, divide,
// add, addcdiv), each a full pass over memory; here a float32 CPU parameter is updated
// element by element in one parallel loop, and CUDA parameters go through LibTorch's fused
// multi-tensor kernel where it has one (2.x). Same options, same per-parameter state
// (AdamWParamState under LibTorch's keys), so checkpoints, optimizer_state.h and anything
// that reads the moments see no difference; other cases (amsgrad, other dtypes) take
// LibTorch's own step.
class FusedAdamW : public torch::optim::AdamW {
 public:
  using torch::optim::AdamW::AdamW;
  torch::Tensor step(LossClosure closure = nullptr) override;
};

}  // namespace lmlab
