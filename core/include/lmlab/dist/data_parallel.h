#pragma once

#include "lmlab/dist/distributed_env.h"

#include <torch/nn/module.h>

#include <functional>
#include <memory>
#include <string>
#include <utility>
#include <vector>

namespace lmlab {

// Data-parallel training on PyTorch's c10d: a TCPStore for the rendezvous (rank 0 serves it
// at MASTER_ADDR:MASTER_PORT), a Gloo process group for host values and CPU models, and an
// NCCL one for models on CUDA (where LibTorch has it). Every rank trains its rows of the same
// global batch; gradients are summed across ranks in buckets, each launched asynchronously
// from the backward pass as soon as all its gradients exist, so communication overlaps the
// rest of the backward pass. Frozen parameters are left out of the buckets (and the buckets
// are rebuilt when freezing changes); a parameter no rank used in a step keeps its gradient
// as the optimizer left it, as in a single process.
class DataParallel {
 public:
  // Joins the job. Throws lmlab::Error naming what went wrong: the port is in use, rank 0
  // never answered, ranks that never arrived within the timeout.
  explicit DataParallel(const DistributedEnv& env, int64_t bucket_bytes = int64_t{4} << 20);
  ~DataParallel();
  DataParallel(const DataParallel&) = delete;
  DataParallel& operator=(const DataParallel&) = delete;

  // Runs work on rank 0 first and then on the others (preparing data: rank 0 trains and
  // caches the tokenizer, the others then read it). If rank 0's work throws, the others stop
  // with its message instead of waiting.
  void leader_first(const std::function<void()>& work);

  // Makes model the one whose gradients are summed, starting from rank 0's parameters and
  // buffers (one broadcast). A model on CUDA connects NCCL (each rank on its own GPU, see
  // rank_device); throws lmlab::Error where this LibTorch has no NCCL.
  void attach(torch::nn::Module& model);

  int rank() const;
  int world_size() const;
  int local_rank() const;  // the rank among this machine's processes
  // "Gloo" or "NCCL": what sums the gradients of the attached model.
  std::string backend() const;
  bool leader() const { return rank() == 0; }

  // The rows [first, last) of a global batch of batch_size rows this rank trains on.
  std::pair<int64_t, int64_t> rows(int64_t batch_size) const;

  // Around loss.backward(): the gradients of every trainable parameter are summed across
  // ranks by the time after_backward() returns. Each rank weights its loss so that the sum
  // is the global batch's loss (see Pretrainer).
  void before_backward();
  void after_backward();

  // Sums small values across ranks (metrics), in place.
  void sum(std::vector<double>& values);

  // Tells the other ranks, through the store, why this rank stops (they name it when their
  // next collective fails). Never throws.
  void report_failure(const std::string& message) noexcept;

  // Bytes each rank sent into the gradient all-reduce at the last step.
  int64_t gradient_bytes() const;

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace lmlab
