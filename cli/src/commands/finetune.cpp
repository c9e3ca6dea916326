#include "../command.h"
#include "../parallel_job.h"
#include "../progress_bar.h"
#include "../task_data_options.h"

#include "lmlab/device.h"
#include "lmlab/error.h"
#include "lmlab/io/checkpoint.h"
#include "lmlab/session/prepared_finetuning.h"
#include "lmlab/train/fine_tune_evaluation.h"

#include <nlohmann/json.hpp>

#include <atomic>
#include <map>
#include <fstream>
#include <optional>
#include <iostream>

namespace lmlab::cli {

namespace {

FinetuneRequest request_of(const Options& o, bool distill) {
  FinetuneRequest r;
  read_task_data_options(o, r);
  r.patience = o.integer("patience", 0, 1000);
  r.from = o.text(distill ? "teacher" : "from");
  if (distill) {
    r.student_layers = static_cast<int>(o.integer("student-layers", 1, 96));
    r.temperature = o.real("temperature", 0.01, 100);
    r.soft_weight = o.real("soft-weight", 0, 100);
    r.hard_weight = o.real("hard-weight", 0, 100);
    r.cosine_weight = o.real("cosine-weight", 0, 100);
  } else {
    r.from_scratch = o.flag("from-scratch");
  }
  r.epochs = o.integer("epochs", 1, 10000);
  r.max_steps = o.has("max-steps") ? o.integer("max-steps", 1, 100'000'000) : 0;
  r.batch = o.integer("batch", 1, 4096);
  r.seq_len = o.integer("seq", 8, 1 << 20);
  if (o.text("lr") != "auto") r.lr = o.real("lr", 1e-7, 0.5);
  r.weight_decay = o.real("weight-decay", 0, 1);
  r.schedule = o.text("schedule");
  r.warmup_ratio = o.real("warmup-ratio", 0, 0.99);
  r.layer_lr_decay = o.real("layer-lr-decay", 1e-3, 1);
  if (o.has("freeze")) r.freeze = o.text("freeze");
  r.gradual_unfreeze_every = o.has("gradual-unfreeze") ? o.integer("gradual-unfreeze", 1, 1'000'000) : 0;
  if (o.has("freeze") && r.gradual_unfreeze_every > 0)
    throw UsageError("--freeze and --gradual-unfreeze cannot be combined: gradual unfreezing decides what is frozen");
  r.device = o.text("device");
  r.seed = static_cast<uint64_t>(o.integer("seed", 0, 1L << 40));
  return r;
}

// Fine-tuning, or with distill set, knowledge distillation into a smaller student: the same
// data, schedule, freezing and reports either way.
int run(const Options& o, bool distill) {
  const auto request = request_of(o, distill);
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
    log.open(o.text("log"), std::ios::trunc);
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
  int64_t epoch = 0;
  std::map<std::string, double> last_scores;
  while (!evaluation.done()) {
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
  const auto& test = *evaluation.test_report();
  save_checkpoint(o.text("out"), *tuner.model(), *prepared.tokenizer,
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
  summary["checkpoint"] = o.text("out");
  emit(summary, true);
  return 0;
}

// Options both commands take.
std::vector<OptionSpec> training_options() {
  auto options = task_data_options();
  const std::vector<OptionSpec> training{
          {"patience", "N", "early stopping: stop after N validation scores without improvement, keep the best (0: off)",
           std::to_string(FinetuneRequest{}.patience)},
          {"freeze", "SPEC", "frozen parts: none, all-but-head, or e.g. embeddings,0,1", ""},
          {"gradual-unfreeze", "K", "ULMFiT: train the head, then open one layer from the top every K steps", ""},
          {"layer-lr-decay", "F", "discriminative learning rates: each layer down gets F times the one above", "1.0"},
          {"schedule", "linear|cosine|slanted", "learning-rate schedule", "linear"},
          {"warmup-ratio", "X", "share of the steps spent warming up", "0.1"},
          {"epochs", "N", "passes over the training set at most (early stopping may end sooner)",
           std::to_string(FinetuneRequest{}.epochs)},
          {"max-steps", "N", "stop after N steps even mid-epoch", ""},
          {"batch", "B", "examples per step", std::to_string(FinetuneRequest{}.batch)},
          {"seq", "T", "tokens per example at most", std::to_string(FinetuneRequest{}.seq_len)},
          {"lr", "X|auto", "peak learning rate (auto: 1e-3 for d 128, 5e-4 for d 256, 5e-5 for BERT-base)", "auto"},
          {"weight-decay", "X", "AdamW weight decay", "0.01"},
          {"device", "auto|cpu|cuda", "where to train", "auto"},
          {"threads", "N", "CPU threads (0: one per core)", ""},
          {"seed", "N", "random seed", "1234"},
          {"out", "DIR", "checkpoint to write (with the label map)", ""},
          {"log", "FILE", "every step and evaluation as JSON lines", ""},
          {"log-every", "N", "print step metrics every N steps", "20"}};
  options.insert(options.end(), training.begin(), training.end());
  for (auto& option : parallel_options()) options.push_back(option);
  return options;
}

}  // namespace

Command finetune_command() {
  auto options = training_options();
  options.insert(options.begin() + static_cast<std::ptrdiff_t>(task_data_options().size()),
                 {{"from", "DIR", "pretrained checkpoint (its tokenizer and architecture are used)", ""},
                  {"from-scratch", "", "same architecture and tokenizer, fresh weights (the baseline)", ""}});
  return {"finetune", "Fine-tune a checkpoint for text or sentence-pair classification (news topics, NLI)", options,
          [](const Options& o) { return run(o, false); }};
}

Command distill_command() {
  auto options = training_options();
  options.insert(options.begin() + static_cast<std::ptrdiff_t>(task_data_options().size()),
                 {{"teacher", "DIR", "a fine-tuned classifier checkpoint", ""},
                  {"student-layers", "N", "layers of the student, initialised from every (L/N)-th teacher layer", ""},
                  {"temperature", "T", "softening of the teacher's and student's outputs", "2.0"},
                  {"soft-weight", "X", "weight of the KL loss to the teacher's soft labels", "0.5"},
                  {"hard-weight", "X", "weight of the cross-entropy with the true labels", "0.5"},
                  {"cosine-weight", "X", "weight of the hidden-state cosine loss", "0.0"}});
  return {"distill", "Distil a fine-tuned classifier into a smaller student (DistilBERT)", options,
          [](const Options& o) { return run(o, true); }};
}

}  // namespace lmlab::cli
