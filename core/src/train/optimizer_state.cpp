#include "lmlab/train/optimizer_state.h"

#include "adamw_state_key.h"
#include "shape_text.h"

#include "lmlab/error.h"

#include <ATen/CPUGeneratorImpl.h>

#include <algorithm>
#include <map>
#include <mutex>

namespace lmlab {

const torch::optim::AdamWParamState* adamw_param_state(torch::optim::Optimizer& optimizer, const at::Tensor& parameter) {
  auto& state = optimizer.state();
  const auto found = state.find(adamw_state_key(state, parameter));
  return found == state.end() ? nullptr : dynamic_cast<const torch::optim::AdamWParamState*>(found->second.get());
}

NamedTensors adamw_state(torch::nn::Module& module, torch::optim::AdamW& optimizer) {
  NamedTensors out;
  auto& state = optimizer.state();
  for (const auto& item : module.named_parameters(/*recurse=*/true)) {
    const auto found = state.find(adamw_state_key(state, item.value()));
    if (found == state.end()) continue;
    const auto& s = static_cast<const torch::optim::AdamWParamState&>(*found->second);
    out.emplace_back(item.key() + ".exp_avg", s.exp_avg().detach().to(at::kCPU).contiguous());
    out.emplace_back(item.key() + ".exp_avg_sq", s.exp_avg_sq().detach().to(at::kCPU).contiguous());
    out.emplace_back(item.key() + ".step", at::full({1}, s.step(), at::kLong));
  }
  return out;
}

void restore_adamw_state(torch::nn::Module& module, torch::optim::AdamW& optimizer, const NamedTensors& tensors,
                         const std::string& origin) {
  std::map<std::string, at::Tensor> by_name(tensors.begin(), tensors.end());
  const auto get = [&](const std::string& name, at::IntArrayRef shape) {
    const auto found = by_name.find(name);
    if (found == by_name.end()) throw Error(origin + ": tensor '" + name + "' is missing");
    if (found->second.sizes() != shape)
      throw Error(origin + ": tensor '" + name + "' has shape " + shape_text(found->second.sizes()) + " but needs " +
                  shape_text(shape));
    return found->second;
  };
  auto& state = optimizer.state();
  state.clear();
  for (const auto& item : module.named_parameters(/*recurse=*/true)) {
    if (!by_name.count(item.key() + ".step")) continue;  // not stepped when saved
    const auto& p = item.value();
    auto s = std::make_unique<torch::optim::AdamWParamState>();
    s->step(get(item.key() + ".step", {1}).item<int64_t>());
    s->exp_avg(get(item.key() + ".exp_avg", p.sizes()).to(p.options()).clone());
    s->exp_avg_sq(get(item.key() + ".exp_avg_sq", p.sizes()).to(p.options()).clone());
    state[adamw_state_key(state, p)] = std::move(s);
  }
}

namespace {
constexpr const char* kGeneratorState = "lmlab.cpu_generator";
}  // namespace

void add_cpu_generator_state(NamedTensors& tensors) {
  auto generator = at::detail::getDefaultCPUGenerator();  // a handle to the shared generator
  std::lock_guard<std::mutex> lock(generator.mutex());
  tensors.emplace_back(kGeneratorState, generator.get_state());
}

void restore_cpu_generator_state(const NamedTensors& tensors, const std::string& origin) {
  const auto found = std::find_if(tensors.begin(), tensors.end(), [](const auto& t) { return t.first == kGeneratorState; });
  if (found == tensors.end()) throw Error(origin + ": tensor '" + std::string(kGeneratorState) + "' is missing");
  auto generator = at::detail::getDefaultCPUGenerator();
  std::lock_guard<std::mutex> lock(generator.mutex());
  try {
    generator.set_state(found->second);
  } catch (const std::exception&) {
    throw Error(origin + ": tensor '" + std::string(kGeneratorState) + "' is not a generator state");
  }
}

}  // namespace lmlab
