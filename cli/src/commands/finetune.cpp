#include "../command.h"
#include "../parallel_job.h"
#include "../progress_bar.h"
#include "../described_options.h"

#include "lmlab/device.h"
#include "lmlab/error.h"
#include "lmlab/io/checkpoint.h"
#include "lmlab/session/finetune_resume.h"
#include "lmlab/session/prepared_finetuning.h"
#include "lmlab/train/fine_tune_evaluation.h"

#include <nlohmann/json.hpp>

#include <atomic>
#include <cstdlib>
#include <map>
#include <fstream>
#include <optional>
#include <iostream>

namespace lmlab::cli {

namespace {

const Description<FinetuneRequest>& command_description(bool distill) {
  return distill ? distill_description() : finetune_description();
}

// Fine-tuning, or with distill set, knowledge distillation into a smaller student: the same
// data, schedule, freezing and reports either way.
int run(const Options& o, bool distill) {
  const auto request = described_request(command_description(distill), o);
  const auto out_dir = o.text("out");  // asked before training, not after it
  if ((!request.resume.empty() || o.given("stop-at")) && (o.given("nproc") || std::getenv("WORLD_SIZE")))
    throw UsageError("--stop-at and --resume run in one process; leave out --nproc");
  if (const auto code = run_ranks_if_asked(o)) return *code;
  // Data-parallel ranks prepare the same data and model (one seed); rank 0 alone prints,
  // logs and writes the checkpoint. Every rank evaluates (the same numbers), so none waits.
  const auto parallel = join_job_if_rank(o);
  std::optional<PreparedFinetuning> ready;
  if (parallel) {
    parallel->leader_first([&] { ready = prepare_finetuning(request); });
    parallel->attach(*ready->tuner->model());
    ready->tuner->set_data_parallel(parallel);
  } else {
    ready = prepare_finetuning(request);
  }
  auto& prepared = *ready;
  const bool leader = !parallel || parallel->leader();
  auto& tuner = *prepared.tuner;
  const auto& labels = prepared.labels;
  const char* name = distill ? "distill: " : "finetune: ";
  if (leader) {
    for (const auto& warning : prepared.warnings) std::cerr << name << warning << "\n";
    std::cerr << name << prepared.info.description << "\n";
    if (parallel)
      std::cerr << name << "data-parallel over " << parallel->world_size()
                << " processes (Gloo); each trains its share of every batch of " << request.batch << "\n";
  }

  std::ofstream log;
  if (o.has("log") && leader) {
    log.open(o.text("log"), request.resume.empty() ? std::ios::trunc : std::ios::app);  // a resumed run's log goes on
    if (!log) throw Error("cannot write log file '" + o.text("log") + "'");
  }
  const auto emit = [&](const nlohmann::ordered_json& j, bool to_stdout) {
    if (!leader) return;
    const auto line = j.dump();
    if (log) log << line << "\n" << std::flush;
    if (to_stdout) std::cout << line << "\n" << std::flush;
  };
  const auto log_every = o.integer("log-every", 1, 1'000'000);
  ProgressBar bar(tuner.total_steps());
  // Validation every epoch (early stopping looks there), the test set once at the end.
  FineTuneEvaluation evaluation(tuner, std::move(prepared.sets), prepared.evaluation);
  if (!request.resume.empty()) {
    resume_finetuning(request.resume, request, tuner, evaluation);
    std::cerr << name << "resuming " << request.resume << " at step " << tuner.steps_done() << "\n";
  }
  // --stop-at N: save a checkpoint --resume continues exactly, after step N (split a long run).
  const int64_t stop_at = o.given("stop-at") ? o.integer("stop-at", 1, tuner.total_steps()) : tuner.total_steps();
  int64_t epoch = 0;
  std::map<std::string, double> last_scores;
  while (!evaluation.done() && tuner.steps_done() < stop_at) {
    const auto step = [&] {
      try {
        return tuner.step();
      } catch (const std::exception& e) {
        if (parallel) parallel->report_failure(e.what());
        throw;
      }
    }();
    nlohmann::ordered_json j{{"step", step.step}, {"epoch", step.epoch}, {"loss", step.loss}, {"accuracy", step.accuracy},
                             {"lr", step.lr}, {"frozen", step.frozen},
                             {"trainable_parameters", step.memory.trainable_parameters},
                             {"total_parameters", step.memory.total_parameters},
                             {"gradient_bytes", step.memory.gradient_bytes},
                             {"optimizer_bytes", step.memory.optimizer_bytes}, {"ms", step.ms}};
    if (step.soft_loss) j["soft_loss"] = *step.soft_loss, j["hard_loss"] = *step.hard_loss;
    if (step.cosine_loss) j["cosine_loss"] = *step.cosine_loss;
    const bool print = step.step % log_every == 0;
    if (print && leader) bar.clear();
    emit(j, print);
    if (leader) bar.update(step.step, "loss " + std::to_string(step.loss).substr(0, 6));
    if (const auto scored = evaluation.after_step(step.step)) {
      nlohmann::ordered_json e{{"event", "eval"}, {"when", evaluation.done() ? "end" : "epoch"}, {"step", step.step},
                               {"epoch", epoch}};
      for (const auto& [key, value] : scored->metrics) e[key] = value, last_scores[key] = value;
      if (!scored->note.empty()) e["note"] = scored->note;
      if (leader) bar.clear();
      emit(e, true);
      if (leader && !scored->note.empty()) std::cerr << name << scored->note << "\n";
    }
    epoch = step.epoch;
  }
  if (!leader) return 0;
  if (!evaluation.done()) {
    save_resumable_finetuning(out_dir, request, labels, *prepared.tokenizer, tuner, evaluation);
    bar.clear();
    std::cerr << name << "stopped at step " << tuner.steps_done() << " of " << tuner.total_steps()
              << " as asked; continue with --resume " << out_dir << "\n";
    return 0;
  }
  const auto& test = *evaluation.test_report();
  save_checkpoint(out_dir, *tuner.model(), *prepared.tokenizer,
                  finetune_state_json(request, labels, tuner.steps_done(), test.accuracy));
  auto final = nlohmann::ordered_json::parse(test.to_json(labels));
  nlohmann::ordered_json summary{{"event", "final"}, {"steps", tuner.steps_done()},
                                 {"stopped_early", evaluation.stopped_early()}};
  for (const char* key : {"train_accuracy", "validation_accuracy", "best_validation_accuracy"})
    if (last_scores.count(key)) summary[key] = last_scores[key];
  summary["test_accuracy"] = test.accuracy;
  summary["test_loss"] = test.loss;
  summary["test_set"] = prepared.test_origin;
  summary["per_class"] = final["per_class"];
  summary["confusion"] = final["confusion"];
  summary["parameters"] = prepared.info.parameters;
  summary["labels"] = labels;
  summary["checkpoint"] = out_dir;
  emit(summary, true);
  return 0;
}

// The described settings, then what the command line adds: where the checkpoint and the log
// go, and the data-parallel launcher's options.
std::vector<OptionSpec> command_options(bool distill) {
  auto options = described_options(command_description(distill));
  const std::vector<OptionSpec> output{{"out", "DIR", "checkpoint to write (with the label map)", "", true},
                                       {"log", "FILE", "every step and evaluation as JSON lines", ""},
                                       {"log-every", "N", "print step metrics every N steps", "20"},
                                       {"threads", "N", "CPU threads (0: one per core)", ""},
                                       {"stop-at", "N", "stop after step N and save a checkpoint --resume continues", ""}};
  options.insert(options.end(), output.begin(), output.end());
  for (auto& option : parallel_options()) options.push_back(option);
  return options;
}

}  // namespace

Command finetune_command() {
  return {"finetune", finetune_description().summary(), command_options(false), [](const Options& o) { return run(o, false); }};
}

Command distill_command() {
  return {"distill", distill_description().summary(), command_options(true), [](const Options& o) { return run(o, true); }};
}

}  // namespace lmlab::cli
