#include "lmlab/dist/data_parallel.h"

#include "gradient_buckets.h"

#include "lmlab/error.h"

#include <ATen/ATen.h>
#include <torch/csrc/distributed/c10d/ProcessGroupGloo.hpp>
#include <torch/csrc/distributed/c10d/TCPStore.hpp>

#include <cstdlib>
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

std::shared_ptr<gloo::transport::Device> gloo_device(const DistributedEnv& env) {
  if (const char* interface = std::getenv("GLOO_SOCKET_IFNAME"))
    return c10d::ProcessGroupGloo::createDeviceForInterface(interface);
  if (env.master_addr == "127.0.0.1" || env.master_addr == "localhost")
    return c10d::ProcessGroupGloo::createDeviceForHostname("127.0.0.1");
  return c10d::ProcessGroupGloo::createDefaultDevice();
}

}  // namespace

struct DataParallel::Impl {
  DistributedEnv env;
  c10::intrusive_ptr<c10d::Store> store;
  c10::intrusive_ptr<c10d::ProcessGroupGloo> group;  // concrete: in 2.x it is a Backend, not a ProcessGroup
  std::vector<at::Tensor> params;
  std::vector<unsigned> hooks;  // per parameter; registered the first time it is trainable
  std::vector<bool> hooked;
  int64_t bucket_bytes;
  std::unique_ptr<dist::GradientBuckets> layout;

  // One step's state, written by the gradient hooks (on the autograd thread).
  std::mutex mutex;
  std::vector<int64_t> pending;  // gradients still missing per bucket
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
    works.push_back(group->allreduce(tensors));
    sent_bytes += layout->buckets[b].flat.numel() * static_cast<int64_t>(layout->buckets[b].flat.element_size());
  }
  void on_gradient(size_t index, const at::Tensor& grad) {
    std::lock_guard<std::mutex> lock(mutex);
    const auto& slot = layout->slots[index];
    if (slot.bucket < 0) return;
    auto& flat = layout->buckets[static_cast<size_t>(slot.bucket)].flat;
    flat.narrow(0, slot.offset, slot.numel).copy_(grad.reshape({-1}));
    flat[slot.flag].fill_(1);
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
  auto options = c10d::ProcessGroupGloo::Options::create(env.timeout);
  options->devices.push_back(gloo_device(env));
  options->threads = 2;
  try {
    impl_->group = c10::make_intrusive<c10d::ProcessGroupGloo>(impl_->store, env.rank, env.world_size, options);
  } catch (const std::exception& e) {
    throw Error("could not connect the Gloo process group (rank " + std::to_string(env.rank) + "): " +
                first_line(e.what()));
  }
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
  if (!model.parameters().empty() && model.parameters().front().is_cuda())
    throw Error("data-parallel training runs on the CPU (Gloo); this LibTorch's C++ API gives LM Lab no NCCL "
                "process group, so use --device cpu");
  impl_->remove_hooks();
  impl_->layout.reset();
  impl_->params = model.parameters(/*recurse=*/true);
  impl_->hooks.assign(impl_->params.size(), 0);
  impl_->hooked.assign(impl_->params.size(), false);

  torch::NoGradGuard no_grad;
  std::vector<at::Tensor> state = impl_->params;
  for (const auto& buffer : model.buffers(/*recurse=*/true)) state.push_back(buffer);
  std::vector<at::Tensor> pieces;
  for (const auto& t : state) pieces.push_back(t.detach().reshape({-1}).to(at::kFloat));
  std::vector<at::Tensor> flat{at::cat(pieces)};
  try {
    impl_->group->broadcast(flat)->wait();
  } catch (const std::exception& e) {
    impl_->fail("the initial weight broadcast", e);
  }
  int64_t offset = 0;
  for (auto& t : state) {
    t.copy_(flat[0].narrow(0, offset, t.numel()).view_as(t));
    offset += t.numel();
  }
}

DataParallel::~DataParallel() { impl_->remove_hooks(); }

int DataParallel::rank() const { return impl_->env.rank; }
int DataParallel::world_size() const { return impl_->env.world_size; }

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
  d.works.clear();
  d.next_launch = 0;
  d.sent_bytes = 0;
}

void DataParallel::after_backward() {
  auto& d = *impl_;
  {
    // Buckets with a parameter this rank did not use still go out, in order, with zeros.
    std::lock_guard<std::mutex> lock(d.mutex);
    while (d.next_launch < d.layout->buckets.size()) d.launch(d.next_launch++);
  }
  try {
    for (auto& work : d.works) work->wait();
  } catch (const std::exception& e) {
    d.fail("the gradient all-reduce", e);
  }
  torch::NoGradGuard no_grad;
  for (size_t i = 0; i < d.params.size(); ++i) {
    const auto& slot = d.layout->slots[i];
    if (slot.bucket < 0) continue;
    const auto& flat = d.layout->buckets[static_cast<size_t>(slot.bucket)].flat;
    if (flat[slot.flag].item<float>() == 0) continue;  // no rank used it
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
    impl_->group->allreduce(t)->wait();
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
