#include "../command.h"
#include "../progress_bar.h"

#include "lmlab/atomic_file.h"
#include "lmlab/device.h"
#include "lmlab/device_choice.h"
#include "lmlab/error.h"
#include "lmlab/io/checkpoint.h"
#include "lmlab/tokenizer_cache.h"
#include "lmlab/train/pretrainer.h"

#include <nlohmann/json.hpp>

#include <atomic>
#include <chrono>
#include <csignal>
#include <filesystem>
#include <fstream>
#include <iostream>

namespace lmlab::cli {

namespace {

std::atomic<bool> interrupted{false};

ModelConfig model_config(const Options& o, Architecture arch, int vocab_size, int64_t seq_len) {
  const std::string preset = o.text("preset");
  ModelConfig config;
  if (preset == "tiny" || preset == "small" || preset == "base") {
    config = ModelConfig::preset(preset, arch);
    config.max_seq_len = std::max<int>(config.max_seq_len, static_cast<int>(seq_len));
  } else {
    config = ModelConfig::from_json(read_file(preset, "model config"), preset);
    if (config.arch != arch)
      throw Error(preset + " describes a " + to_string(config.arch) + " model but --arch is " + to_string(arch));
    if (config.max_seq_len < seq_len)
      throw Error("--seq " + std::to_string(seq_len) + " is longer than max_seq_len " +
                  std::to_string(config.max_seq_len) + " in " + preset);
  }
  config.vocab_size = vocab_size;
  config.validate();
  return config;
}

nlohmann::json training_state(const Options& o, const PretrainSettings& s, const StepMetrics* last,
                              double elapsed_s, int64_t batch, int64_t seq_len) {
  nlohmann::ordered_json j;
  j["kind"] = "pretrain";
  j["objective"] = s.objectives.name();
  j["steps_done"] = last ? last->step : 0;
  j["steps_planned"] = s.steps;
  j["batch"] = batch;
  j["seq"] = seq_len;
  j["lr"] = s.adamw.lr;
  j["warmup_steps"] = s.warmup_steps;
  j["weight_decay"] = s.adamw.weight_decay;
  j["seed"] = o.integer("seed", 0, 1L << 40);
  j["corpus"] = std::filesystem::absolute(o.text("corpus")).string();
  j["elapsed_s"] = elapsed_s;
  if (last) j["last"] = nlohmann::json::parse(last->to_json());
  return j;
}

int pretrain(const Options& o) {
  const auto arch = parse_architecture(o.text("arch"));
  const std::string objective = o.has("objective") ? o.text("objective") : arch == Architecture::Bert ? "mlm+nsp" : "clm";
  PretrainSettings settings;
  settings.objectives = Objectives::parse(objective);
  settings.steps = o.integer("steps", 1, 100'000'000);
  settings.warmup_steps = o.has("warmup") ? o.integer("warmup", 0, 100'000'000) : -1;
  settings.adamw.lr = o.real("lr", 1e-7, 0.5);
  settings.adamw.weight_decay = o.real("weight-decay", 0, 1);
  settings.bf16 = o.flag("bf16");
  const auto batch = o.integer("batch", 1, 4096);
  const auto seq_len = o.integer("seq", 8, 512);
  const auto seed = static_cast<uint64_t>(o.integer("seed", 0, 1L << 40));
  const std::string out_dir = o.text("out");
  const auto device = resolve_device(o.text("device"));
  if (settings.bf16 && !device.is_cuda()) throw Error("--bf16 needs a CUDA device");
  if (o.has("threads")) set_cpu_threads(static_cast<int>(o.integer("threads", 0, 1024)));

  const std::string corpus_path = o.text("corpus");
  const auto corpus = TextCorpus::read(corpus_path);
  SentencePieceTrainOptions tokenizer_options;
  tokenizer_options.vocab_size = static_cast<int>(o.integer("vocab", 300, 1'000'000));
  const auto tokenizer = o.has("tokenizer")
                             ? SentencePieceTokenizer::load(o.text("tokenizer"))
                             : TokenizerCache(TokenizerCache::default_dir()).for_corpus(corpus_path, tokenizer_options);
  const auto config = model_config(o, arch, tokenizer.vocab_size(), seq_len);
  settings.validate(config);

  std::ofstream log;
  if (o.has("log")) {
    log.open(o.text("log"), std::ios::trunc);
    if (!log) throw Error("cannot write log file '" + o.text("log") + "'");
  }

  torch::manual_seed(seed);
  LanguageModel model(config);
  model->to(device);
  PretrainingBatcher batcher(tokenize(corpus, tokenizer), settings.objectives, tokenizer.special_ids(),
                             config.vocab_size, batch, seq_len, seed);
  Pretrainer trainer(model, std::move(batcher), settings);
  int64_t params = 0;
  for (const auto& p : model->parameters()) params += p.numel();
  std::cerr << "pretrain: " << to_string(arch) << " (" << config.n_layers << " layers, d " << config.d_model << ", "
            << config.n_heads << " heads, " << params << " parameters), objective " << settings.objectives.name()
            << ", vocabulary " << config.vocab_size << ", " << corpus.documents.size() << " documents / "
            << corpus.sentence_count() << " sentences, on " << device.str() << "\n";

  interrupted = false;
  const auto previous_handler = std::signal(SIGINT, [](int) { interrupted = true; });
  ProgressBar bar(settings.steps);
  const auto log_every = o.integer("log-every", 1, 1'000'000);
  const auto start = std::chrono::steady_clock::now();
  StepMetrics last;
  bool stepped = false;
  try {
    while (!trainer.done() && !interrupted) {
      last = trainer.step();
      stepped = true;
      const auto line = last.to_json();
      if (log) log << line << "\n" << std::flush;
      if (last.step % log_every == 0 || trainer.done()) {
        bar.clear();
        std::cout << line << "\n" << std::flush;
      }
      bar.update(last.step, "loss " + std::to_string(last.loss).substr(0, 6));
    }
  } catch (...) {
    std::signal(SIGINT, previous_handler);
    bar.clear();
    throw;
  }
  std::signal(SIGINT, previous_handler);
  bar.clear();
  const double elapsed = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  save_checkpoint(out_dir, *model, tokenizer,
                  training_state(o, trainer.settings(), stepped ? &last : nullptr, elapsed, batch, seq_len).dump(2) + "\n");
  if (interrupted) {
    std::cerr << "pretrain: interrupted after step " << trainer.steps_done() << "; checkpoint written to " << out_dir
              << "\n";
    return 130;
  }
  std::cerr << "pretrain: " << settings.steps << " steps in " << static_cast<int>(elapsed) << " s; checkpoint written to "
            << out_dir << "\n";
  return 0;
}

}  // namespace

Command pretrain_command() {
  return {"pretrain",
          "Pretrain a BERT (MLM, NSP) or GPT (next-token) model on a text corpus",
          {{"arch", "bert|gpt", "model family", ""},
           {"objective", "mlm|nsp|mlm+nsp|clm", "what to learn (default mlm+nsp for bert, clm for gpt)", ""},
           {"corpus", "FILE", "UTF-8 text: one sentence per line, blank lines between documents", ""},
           {"preset", "tiny|small|base|FILE.json", "model size, or a model config file", "tiny"},
           {"steps", "N", "optimizer steps", "1000"},
           {"batch", "B", "sequences per step", "16"},
           {"seq", "T", "tokens per sequence", "128"},
           {"lr", "X", "peak learning rate (AdamW)", "5e-4"},
           {"warmup", "N", "linear warmup steps (default 10% of the steps)", ""},
           {"weight-decay", "X", "AdamW weight decay", "0.01"},
           {"vocab", "N", "vocabulary size when a tokenizer is trained", "8000"},
           {"tokenizer", "FILE", "use this tokenizer .model instead of training or reusing one", ""},
           {"device", "auto|cpu|cuda", "where to train", "auto"},
           {"bf16", "", "bf16 autocast (CUDA)", ""},
           {"threads", "N", "CPU threads (0: one per core)", ""},
           {"seed", "N", "random seed for weights and batches", "1234"},
           {"out", "DIR", "checkpoint directory to write (replaced atomically)", ""},
           {"log", "FILE", "write every step's metrics as JSON lines", ""},
           {"log-every", "N", "print metrics every N steps", "10"}},
          pretrain};
}

}  // namespace lmlab::cli
