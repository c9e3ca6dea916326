#include "../command.h"
#include "../parallel_job.h"
#include "../progress_bar.h"
#include "../described_options.h"

#include "lmlab/atomic_file.h"
#include "lmlab/device.h"
#include "lmlab/error.h"
#include "lmlab/io/checkpoint.h"
#include "lmlab/sentencepiece_tokenizer.h"
#include "lmlab/tokenizer_files.h"
#include "lmlab/session/pretrain_request.h"
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

nlohmann::json training_state(uint64_t seed, const PretrainSettings& s, const StepMetrics* last,
                              double elapsed_s, int64_t batch, int64_t seq_len, const std::string& corpus) {
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
  j["seed"] = seed;
  j["corpus"] = std::filesystem::absolute(corpus).string();
  j["elapsed_s"] = elapsed_s;
  if (last) j["last"] = nlohmann::json::parse(last->to_json());
  return j;
}

// --resume DIR: a run saved by pretrain continues exactly where it stopped (its weights,
// AdamW's moments, the step and the random generators), given the same corpus, tokenizer,
// model and --steps.
void resume_from(const std::string& dir, PreparedPretraining& prepared) {
  const auto files = prepared.tokenizer->files();
  if (load_tokenizer(dir)->files() != files)
    throw Error(dir + ": its tokenizer is not this run's (another corpus, --vocab or --tokenizer?)");
  auto& trainer = *prepared.trainer;
  const auto weights = (std::filesystem::path(dir) / "model.safetensors").string();
  load_weights(*trainer.model(), read_safetensors(weights), weights);
  const auto state_path = (std::filesystem::path(dir) / "training_state.json").string();
  const auto state = nlohmann::json::parse(read_file(state_path, "training state"), nullptr, false);
  if (!state.is_object() || !state.contains("resume") || !state["resume"].contains("step") ||
      !state["resume"]["step"].is_number_integer() || !state["resume"].contains("batcher_rng") ||
      !state["resume"]["batcher_rng"].is_string())
    throw Error(state_path + " has no 'resume' record (step, batcher_rng), so this run cannot be resumed");
  trainer.resume({state["resume"]["step"].get<int64_t>(), state["resume"]["batcher_rng"].get<std::string>(),
                  read_resume_tensors(dir)},
                 dir);
  std::cerr << "pretrain: resuming " << dir << " at step " << trainer.steps_done() << "\n";
}

int pretrain(const Options& o) {
  const auto request = described_request(pretrain_description(), o);
  const std::string out_dir = o.text("out");
  if (const auto code = run_ranks_if_asked(o)) return *code;
  // A data-parallel rank: rank 0 prepares first (it may train and cache the tokenizer), the
  // others then read the same; rank 0 alone prints, logs and writes the checkpoint.
  const auto parallel = join_job_if_rank(o);
  PreparedPretraining prepared;
  if (parallel) {
    parallel->leader_first([&] { prepared = prepare_pretraining(request); });
    if (o.has("resume")) resume_from(o.text("resume"), prepared);
    parallel->attach(*prepared.trainer->model());
    prepared.trainer->set_data_parallel(parallel);
  } else {
    prepared = prepare_pretraining(request);
    if (o.has("resume")) resume_from(o.text("resume"), prepared);
  }
  const bool leader = !parallel || parallel->leader();
  auto& trainer = *prepared.trainer;
  const auto& settings = trainer.settings();
  auto& model = trainer.model();
  const auto& config = model->config();

  std::ofstream log;
  if (o.has("log") && leader) {
    log.open(o.text("log"), std::ios::trunc);
    if (!log) throw Error("cannot write log file '" + o.text("log") + "'");
  }
  int64_t params = 0;
  for (const auto& p : model->parameters()) params += p.numel();
  std::cerr << "pretrain: " << to_string(config.arch) << " (" << config.n_layers << " layers, d " << config.d_model
            << ", " << config.n_heads << " heads, " << params << " parameters), objective "
            << settings.objectives.name() << ", vocabulary " << config.vocab_size << ", " << prepared.documents
            << " documents / " << prepared.sentences << " sentences of " << prepared.corpus << ", on " << model->parameters().front().device().str()
            << "\n";
  if (parallel && leader)
    std::cerr << "pretrain: data-parallel over " << parallel->world_size()
              << " processes (Gloo); each trains its share of every batch of " << request.batch << "\n";

  interrupted = false;
  const auto previous_handler = std::signal(SIGINT, [](int) { interrupted = true; });
  ProgressBar bar(settings.steps);  // drawn by rank 0 only
  // --stop-at N: save a resumable checkpoint after step N of the schedule (split a long run).
  const int64_t stop_at = o.has("stop-at") ? o.integer("stop-at", 1, settings.steps) : settings.steps;
  const auto log_every = o.integer("log-every", 1, 1'000'000);
  const auto start = std::chrono::steady_clock::now();
  StepMetrics last;
  bool stepped = false;
  try {
    while (!trainer.done() && trainer.steps_done() < stop_at && !stop_requested(parallel.get(), interrupted)) {
      last = trainer.step();
      stepped = true;
      if (!leader) continue;
      const auto line = last.to_json();
      if (log) log << line << "\n" << std::flush;
      if (last.step % log_every == 0 || trainer.done()) {
        bar.clear();
        std::cout << line << "\n" << std::flush;
      }
      bar.update(last.step, "loss " + std::to_string(last.loss).substr(0, 6));
    }
  } catch (const std::exception& e) {
    std::signal(SIGINT, previous_handler);
    bar.clear();
    if (parallel) parallel->report_failure(e.what());
    throw;
  }
  std::signal(SIGINT, previous_handler);
  bar.clear();
  const double elapsed = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  if (!leader) return interrupted ? 130 : 0;
  auto resume = trainer.resume_state();
  auto state =
      training_state(request.seed, settings, stepped ? &last : nullptr, elapsed, request.batch, request.seq_len, prepared.corpus);
  state["steps_done"] = trainer.steps_done();
  state["resume"] = {{"step", resume.step}, {"batcher_rng", resume.batcher_rng}};
  save_checkpoint(out_dir, *model, *prepared.tokenizer, state.dump(2) + "\n", resume.tensors);
  if (interrupted) {
    std::cerr << "pretrain: interrupted after step " << trainer.steps_done() << "; checkpoint written to " << out_dir
              << "\n";
    return 130;
  }
  if (!trainer.done()) {
    std::cerr << "pretrain: stopped at step " << trainer.steps_done() << " of " << settings.steps
              << " as asked; continue with --resume " << out_dir << "\n";
    return 0;
  }
  std::cerr << "pretrain: " << settings.steps << " steps in " << static_cast<int>(elapsed) << " s; checkpoint written to "
            << out_dir << "\n";
  return 0;
}

}  // namespace

Command pretrain_command() {
  Command command{"pretrain", pretrain_description().summary(), described_options(pretrain_description()), pretrain};
  const std::vector<OptionSpec> run_options{
      {"out", "DIR", "checkpoint directory to write (replaced atomically)", "", true},
      {"log", "FILE", "write every step's metrics as JSON lines", ""},
      {"log-every", "N", "print metrics every N steps", "10"},
      {"threads", "N", "CPU threads (0: one per core)", ""},
      {"resume", "DIR", "continue a run pretrain saved (same corpus, model and --steps), exactly", ""},
      {"stop-at", "N", "stop after step N of the schedule and save a checkpoint --resume continues", ""}};
  command.options.insert(command.options.end(), run_options.begin(), run_options.end());
  for (auto& option : parallel_options()) command.options.push_back(option);
  return command;
}

}  // namespace lmlab::cli
