#include "../command.h"

#include "lmlab/bench/step_benchmark.h"
#include "lmlab/device.h"
#include "lmlab/error.h"
#include "lmlab/model_config.h"

#include <unistd.h>

#include <cstdio>
#include <iostream>

namespace lmlab::cli {

namespace {

int bench(const Options& o) {
  StepBenchmarkSettings s;
  s.arch = parse_architecture(o.text("arch"));
  s.layers = static_cast<int>(o.integer("layers", 1, 96));
  s.heads = static_cast<int>(o.integer("heads", 1, 128));
  s.d_model = static_cast<int>(o.integer("d", 8, 16384));
  if (o.given("preset")) {
    for (const char* shape : {"layers", "heads", "d"})
      if (o.given(shape))
        throw Error(std::string("option '--") + shape + "' and '--preset' both set the model's shape; give one");
    const auto preset = ModelConfig::preset(o.text("preset"), s.arch);
    s.layers = preset.n_layers, s.heads = preset.n_heads, s.d_model = preset.d_model;
  }
  s.seq_len = static_cast<int>(o.integer("seq", 4, 512));
  s.vocab_size = static_cast<int>(o.integer("vocab", 8, 1'000'000));
  s.batch = static_cast<int>(o.integer("batch", 1, 4096));
  s.steps = static_cast<int>(o.integer("steps", 1, 100000));
  s.warmup = static_cast<int>(o.integer("warmup", 0, 100000));
  s.dropout = o.real("dropout", 0, 0.99);
  s.device = o.text("device");
  s.bf16 = o.flag("bf16");
  s.profile = o.flag("profile");
  set_cpu_threads(static_cast<int>(o.integer("threads", 0, 1024)));
  s.validate();

  const bool terminal = ::isatty(STDERR_FILENO);
  std::cerr << "bench: " << o.text("arch") << " L" << s.layers << " H" << s.heads << " d" << s.d_model << " T"
            << s.seq_len << " V" << s.vocab_size << " B" << s.batch << ", " << s.warmup << " warmup + " << s.steps
            << " timed steps on " << probe_devices().summary() << "\n";
  const auto result = run_step_benchmark(s, [&](int i, int n) {
    if (terminal) std::fprintf(stderr, "\rstep %d/%d", i, n);
  });
  if (terminal) std::cerr << "\n";
  if (!result.profile.empty()) {
    constexpr size_t kRows = 25;
    // Operators that run inside a parallel loop (the CPU attention's products) count once per
    // thread, so their rows can add up to more than the wall time.
    std::printf("profile: where one step's time goes (self time, LibTorch operators; top %zu)\n", kRows);
    std::printf("  %-34s %10s %10s %7s\n", "operator", "self ms", "total ms", "calls");
    for (size_t i = 0; i < result.profile.size() && i < kRows; ++i) {
      const auto& op = result.profile[i];
      std::printf("  %-34s %10.1f %10.1f %7lld\n", op.name.c_str(), op.self_ms, op.total_ms,
                  static_cast<long long>(op.calls));
    }
    std::printf("phases (total ms per step):");
    for (const char* phase : {"lmlab::forward", "lmlab::backward", "lmlab::optimizer"})
      for (const auto& op : result.profile)
        if (op.name == phase) std::printf(" %s %.1f", phase + 7, op.total_ms);
    std::printf("\n");
  }
  std::printf("%s\n", result.to_json().c_str());
  return 0;
}

}  // namespace

Command bench_command() {
  return {"bench",
          "Time training steps (forward + backward + AdamW) of a model on random tokens",
          {{"arch", "bert|gpt", "bert: MLM + NSP heads and losses; gpt: LM head and loss", "gpt"},
           {"preset", "tiny|small|base", "the model shape of a preset (base: 12 layers, d 768, 12 heads)", ""},
           {"layers", "L", "transformer layers", "4"},
           {"heads", "H", "attention heads", "4"},
           {"d", "D", "model width", "256"},
           {"seq", "T", "sequence length", "128"},
           {"vocab", "V", "vocabulary size", "8192"},
           {"batch", "B", "sequences per step", "16"},
           {"steps", "S", "timed steps", "10"},
           {"warmup", "W", "untimed steps first", "2"},
           {"dropout", "P", "dropout probability", "0.1"},
           {"threads", "N", "CPU threads (0: one per core)", "0"},
           {"device", "auto|cpu|cuda", "where to run", "auto"},
           {"bf16", "", "bf16 autocast (CUDA)", ""},
           {"profile", "", "also print where the time goes, per operator", ""}},
          bench};
}

}  // namespace lmlab::cli
