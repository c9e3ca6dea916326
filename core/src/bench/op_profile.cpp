#include "lmlab/bench/op_profile.h"

#include <torch/csrc/autograd/profiler_legacy.h>

#include <algorithm>
#include <map>

namespace lmlab {

namespace {

namespace profiler = torch::autograd::profiler;

std::string label(const profiler::LegacyEvent& push, const OpShapeHints& hints) {
  std::string name = push.name();
  static const char* products[] = {"aten::mm", "aten::addmm", "aten::bmm", "aten::baddbmm", "aten::matmul",
                                   "aten::linear"};
  if (std::find(std::begin(products), std::end(products), name) == std::end(products)) return name;
  bool vocab = false, attention = false;
  for (const auto& shape : push.shapes()) {
    if (hints.vocab_size > 0 && std::count(shape.begin(), shape.end(), hints.vocab_size)) vocab = true;
    if (shape.size() >= 2 && hints.seq_len > 0 && shape[shape.size() - 1] == hints.seq_len &&
        shape[shape.size() - 2] == hints.seq_len)
      attention = true;
  }
  if (vocab) return name + " (vocabulary)";
  if (attention) return name + " (attention T x T)";
  return name;
}

}  // namespace

std::vector<OpTime> profile_ops(const std::function<void()>& work, const OpShapeHints& hints) {
  profiler::enableProfilerLegacy(
      torch::profiler::impl::ProfilerConfig(torch::profiler::impl::ProfilerState::CPU, /*report_input_shapes=*/true));
  try {
    work();
  } catch (...) {
    profiler::disableProfilerLegacy();
    throw;
  }
  const auto threads = profiler::disableProfilerLegacy();

  struct Open { const profiler::LegacyEvent* push; std::string name; double children_us = 0; };
  std::map<std::string, OpTime> by_name;
  for (const auto& events : threads) {
    std::vector<Open> stack;
    for (const auto& e : events) {
      if (e.kind() == profiler::EventKind::PushRange) {
        stack.push_back({&e, label(e, hints)});
      } else if (e.kind() == profiler::EventKind::PopRange && !stack.empty()) {
        const Open open = stack.back();
        stack.pop_back();
        const double total = open.push->cpuElapsedUs(e);
        auto& t = by_name[open.name];
        t.name = open.name;
        t.total_ms += total / 1000.0;
        t.self_ms += (total - open.children_us) / 1000.0;
        ++t.calls;
        if (!stack.empty()) stack.back().children_us += total;
      }
    }
  }
  std::vector<OpTime> out;
  for (auto& [name, t] : by_name) out.push_back(t);
  std::sort(out.begin(), out.end(), [](const OpTime& a, const OpTime& b) { return a.self_ms > b.self_ms; });
  return out;
}

}  // namespace lmlab
