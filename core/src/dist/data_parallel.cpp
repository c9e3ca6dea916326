#include "lmlab/dist/data_parallel.h"

#include "gradient_buckets.h"
#include "process_groups.h"

#include "lmlab/error.h"

#include <ATen/ATen.h>
#include <torch/csrc/distributed/c10d/TCPStore.hpp>
#include <torch/csrc/distributed/c10d/Work.hpp>

#include <mutex>
#include <thread>

namespace lmlab {

namespace {

std::string first_line(const std::string& text) { return text.substr(0, text.find('\n')); }

std::string arrived_key(int rank) { return "lmlab/arrived/" + std::to_string(rank); }
std::string failed_key(int rank) { return "lmlab/failed/" + std::to_string(rank); }

c10::intrusive_ptr<c10d::Store> rendezvous(const DistributedEnv& env) {
  const std::string where = env.master_addr + ":" + std::to_string(env.master_port);
  c10d::TCPStoreOptions options;
  options.port = static_cast<std::uint16_t>(env.master_port);
  options.isServer = env.rank == 0;
  options.numWorkers = env.world_size;
  options.waitWorkers = false;  // arrivals are checked below, so a missing rank can be named
  options.timeout = env.timeout;
  c10::intrusive_ptr<c10d::Store> store;
  try {
    store = c10::make_intrusive<c10d::TCPStore>(env.master_addr, options);
  } catch (const std::exception& e) {
    if (env.rank == 0)
      throw Error("rank 0 cannot listen on " + where + " (MASTER_PORT " + std::to_string(env.master_port) +
                  " is probably in use; choose another with --master-port): " + first_line(e.what()));
    throw Error("rank " + std::to_string(env.rank) + " could not reach rank 0 at " + where + " within " +
                std::to_string(env.timeout.count() / 1000) + " s: " + first_line(e.what()));
  }
  store->set(arrived_key(env.rank), std::vector<uint8_t>{1});
  std::vector<std::string> everyone;
  for (int r = 0; r < env.world_size; ++r) everyone.push_back(arrived_key(r));
  try {
    store->wait(everyone, env.timeout);
  } catch (const std::exception&) {
    std::string missing;
    for (int r = 0; r < env.world_size; ++r)
      if (!store->check({arrived_key(r)})) missing += (missing.empty() ? "" : ", ") + std::to_string(r);
    throw Error("rank(s) " + missing + " of " + std::to_string(env.world_size) + " never arrived at " + where +
                " within " + std::to_string(env.timeout.count() / 1000) + " s");
  }
  return store;
}

}  // namespace

struct DataParallel::Impl {
  DistributedEnv env;
  c10::intrusive_ptr<c10d::Store> store;
  // Host values (metrics, stop votes, which parameters got a gradient) always go through
  // Gloo, so reading them never waits for a GPU. Gradients and the initial weights go
  // through gradient_group: that same Gloo group for a model on the CPU, NCCL on CUDA.
  c10::intrusive_ptr<compat::CollectiveGroup> host_group, gradient_group, nccl_group;
  std::vector<at::Tensor> params;
  std::vector<unsigned> hooks;  // per parameter; registered the first time it is trainable
  std::vector<bool> hooked;
  int64_t bucket_bytes;
  std::unique_ptr<dist::GradientBuckets> layout;

  // One step's state, written by the gradient hooks (on the autograd thread).
  std::mutex mutex;
  std::vector<int64_t> pending;  // gradients still missing per bucket
  std::vector<float> computed;   // per parameter: 1 once this rank's backward produced its gradient
  std::vector<c10::intrusive_ptr<c10d::Work>> works;
  size_t next_launch = 0;
  int64_t sent_bytes = 0;

  // The model (or a previous one) keeps its tensors after this object is gone: no hook may
  // stay behind pointing here.
  void remove_hooks() {
    for (size_t i = 0; i < params.size(); ++i)
      if (hooked[i]) params[i].remove_hook(hooks[i]);
  }
  void launch_ready() {
    while (next_launch < layout->buckets.size() && pending[next_launch] == 0) launch(next_launch++);
  }
  void launch(size_t b) {
    std::vector<at::Tensor> tensors{layout->buckets[b].flat};
    works.push_back(gradient_group->allreduce(tensors));
    sent_bytes += layout->buckets[b].flat.numel() * static_cast<int64_t>(layout->buckets[b].flat.element_size());
  }
  void on_gradient(size_t index, const at::Tensor& grad) {
    std::lock_guard<std::mutex> lock(mutex);
    const auto& slot = layout->slots[index];
    if (slot.bucket < 0) return;
    auto& flat = layout->buckets[static_cast<size_t>(slot.bucket)].flat;
    flat.narrow(0, slot.offset, slot.numel).copy_(grad.reshape({-1}));
    computed[index] = 1;
    --pending[static_cast<size_t>(slot.bucket)];
    launch_ready();
  }
  // A collective failed: name the rank that said why it stopped, if one did.
  [[noreturn]] void fail(const std::string& during, const std::exception& e) {
    for (int r = 0; r < env.world_size; ++r) {
      if (r == env.rank) continue;
      try {
        if (store->check({failed_key(r)})) {
          const auto bytes = store->get(failed_key(r));
          throw Error("rank " + std::to_string(r) + " stopped: " + std::string(bytes.begin(), bytes.end()));
        }
      } catch (const Error&) {
        throw;
      } catch (const std::exception&) {
        break;  // the store (rank 0) is gone too
      }
    }
    throw Error("lost contact with the other ranks during " + during + " (a rank died or hung; timeout " +
                std::to_string(env.timeout.count() / 1000) + " s): " + first_line(e.what()));
  }
};

DataParallel::DataParallel(const DistributedEnv& env, int64_t bucket_bytes) : impl_(std::make_unique<Impl>()) {
  if (env.world_size < 2) throw Error("data-parallel training needs at least 2 processes");
  impl_->env = env;
  impl_->bucket_bytes = bucket_bytes;
  impl_->store = rendezvous(env);
  impl_->host_group = dist::connect_gloo(impl_->store, env);
  impl_->gradient_group = impl_->host_group;
}

void DataParallel::leader_first(const std::function<void()>& work) {
  const std::string done_key = "lmlab/leader_done";
  if (leader()) {
    try {
      work();
    } catch (const std::exception& e) {
      report_failure(e.what());
      throw;
    }
    impl_->store->set(done_key, std::vector<uint8_t>{1});
    return;
  }
  // Rank 0 may take long (training a tokenizer): poll instead of a timed wait.
  while (!impl_->store->check({done_key})) {
    if (impl_->store->check({failed_key(0)})) {
      const auto bytes = impl_->store->get(failed_key(0));
      throw Error("rank 0 stopped: " + std::string(bytes.begin(), bytes.end()));
    }
    std::this_thread::sleep_for(std::chrono::milliseconds(200));
  }
  work();
}

void DataParallel::attach(torch::nn::Module& model) {
  const auto parameters = model.parameters(/*recurse=*/true);
  const auto device = parameters.empty() ? c10::Device(c10::kCPU) : parameters.front().device();
  for (const auto& p : parameters)
    if (p.device() != device)
      throw Error("data-parallel training needs the whole model on one device; it has parameters on " + device.str() +
                  " and " + p.device().str());
  if (device.is_cuda()) {
    // Connected once, the first time a model on the GPU joins (its communicator then binds
    // to that device at the first collective).
    if (!impl_->nccl_group) impl_->nccl_group = dist::connect_nccl(impl_->store, impl_->env, device);
    impl_->gradient_group = impl_->nccl_group;
  } else {
    impl_->gradient_group = impl_->host_group;
  }
  impl_->remove_hooks();
  impl_->layout.reset();
  impl_->params = parameters;
  impl_->hooks.assign(impl_->params.size(), 0);
  impl_->hooked.assign(impl_->params.size(), false);

  torch::NoGradGuard no_grad;
  std::vector<at::Tensor> state = impl_->params;
  for (const auto& buffer : model.buffers(/*recurse=*/true)) state.push_back(buffer);
  std::vector<at::Tensor> pieces;
  for (const auto& t : state) pieces.push_back(t.detach().reshape({-1}).to(at::kFloat));
  std::vector<at::Tensor> flat{at::cat(pieces)};
  try {
    impl_->gradient_group->broadcast(flat)->wait();
  } catch (const std::exception& e) {
    impl_->fail("the initial weight broadcast", e);
  }
  int64_t offset = 0;
  for (auto& t : state) {
    t.copy_(flat[0].narrow(0, offset, t.numel()).view_as(t));
    offset += t.numel();
  }
}

DataParallel::~DataParallel() {
  impl_->remove_hooks();
  if (impl_->nccl_group) dist::shut_down_nccl(impl_->nccl_group);
}

int DataParallel::rank() const { return impl_->env.rank; }
int DataParallel::world_size() const { return impl_->env.world_size; }
int DataParallel::local_rank() const { return impl_->env.local_rank; }
std::string DataParallel::backend() const {
  return impl_->nccl_group && impl_->gradient_group == impl_->nccl_group ? "NCCL" : "Gloo";
}

std::pair<int64_t, int64_t> DataParallel::rows(int64_t batch_size) const {
  const int64_t w = world_size(), r = rank(), base = batch_size / w, extra = batch_size % w;
  const int64_t first = r * base + std::min(r, extra);
  return {first, first + base + (r < extra ? 1 : 0)};
}

void DataParallel::before_backward() {
  auto& d = *impl_;
  std::vector<bool> trainable;
  for (const auto& p : d.params) trainable.push_back(p.requires_grad());
  if (!d.layout || d.layout->trainable != trainable) {
    d.layout = std::make_unique<dist::GradientBuckets>(d.params, d.bucket_bytes);
    for (size_t i = 0; i < d.params.size(); ++i) {
      if (d.hooked[i] || !trainable[i]) continue;
      Impl* impl = &d;
      d.hooks[i] = d.params[i].register_hook([impl, i](const at::Tensor& grad) { impl->on_gradient(i, grad); });
      d.hooked[i] = true;
    }
  }
  std::lock_guard<std::mutex> lock(d.mutex);
  d.pending.clear();
  for (auto& bucket : d.layout->buckets) {
    bucket.flat.zero_();
    d.pending.push_back(bucket.params);
  }
  d.computed.assign(d.params.size(), 0.0F);
  d.works.clear();
  d.next_launch = 0;
  d.sent_bytes = 0;
}

void DataParallel::after_backward() {
  auto& d = *impl_;
  at::Tensor computed_anywhere;  // (params,) host: how many ranks computed each gradient
  {
    // Buckets with a parameter this rank did not use still go out, in order, with zeros.
    std::lock_guard<std::mutex> lock(d.mutex);
    while (d.next_launch < d.layout->buckets.size()) d.launch(d.next_launch++);
    computed_anywhere = at::tensor(d.computed, at::kFloat);
  }
  try {
    // On the host group: the answer is read below without waiting for the GPU.
    std::vector<at::Tensor> counts{computed_anywhere};
    d.host_group->allreduce(counts)->wait();
    // A CUDA collective's wait() only orders this thread's stream after it; the host goes on.
    for (auto& work : d.works) work->wait();
  } catch (const std::exception& e) {
    d.fail("the gradient all-reduce", e);
  }
  const auto* anywhere = computed_anywhere.data_ptr<float>();
  torch::NoGradGuard no_grad;
  for (size_t i = 0; i < d.params.size(); ++i) {
    const auto& slot = d.layout->slots[i];
    if (slot.bucket < 0 || anywhere[i] == 0) continue;  // frozen, or no rank used it this step
    const auto& flat = d.layout->buckets[static_cast<size_t>(slot.bucket)].flat;
    auto summed = flat.narrow(0, slot.offset, slot.numel).view_as(d.params[i]);
    auto& grad = d.params[i].mutable_grad();
    if (grad.defined())
      grad.copy_(summed);
    else
      grad = summed.clone();
  }
}

void DataParallel::sum(std::vector<double>& values) {
  std::vector<at::Tensor> t{at::tensor(values, at::kDouble)};
  try {
    impl_->host_group->allreduce(t)->wait();
  } catch (const std::exception& e) {
    impl_->fail("the metrics all-reduce", e);
  }
  const auto summed = t[0].contiguous();
  for (size_t i = 0; i < values.size(); ++i) values[i] = summed.data_ptr<double>()[i];
}

void DataParallel::report_failure(const std::string& message) noexcept {
  try {
    const std::string text = first_line(message);
    impl_->store->set(failed_key(rank()), std::vector<uint8_t>(text.begin(), text.end()));
  } catch (...) {
  }
}

int64_t DataParallel::gradient_bytes() const { return impl_->sent_bytes; }

}  // namespace lmlab
