#include "../command.h"
#include "../progress_bar.h"

#include "lmlab/data/labeled_dataset.h"
#include "lmlab/device.h"
#include "lmlab/device_choice.h"
#include "lmlab/error.h"
#include "lmlab/io/checkpoint.h"
#include "lmlab/train/distillation.h"
#include "lmlab/train/fine_tuner.h"

#include <nlohmann/json.hpp>

#include <fstream>
#include <iostream>

namespace lmlab::cli {

namespace {

LabeledDataset read_set(const Options& o, const std::string& which) {
  ReadOptions options;
  options.format = parse_dataset_format(o.text("format"));
  options.skip_bad_rows = o.flag("skip-bad-rows");
  auto data = read_labeled_dataset(o.text(which), options);
  if (data.skipped_bad_rows > 0)
    std::cerr << "finetune: skipped " << data.skipped_bad_rows << " malformed rows of " << o.text(which) << "\n";
  return data;
}

// The examples of a set re-labelled with the training set's label map, so a test file whose
// labels come in another order (TSV) still scores right; unknown labels are an error.
std::vector<EncodedExample> aligned(const LabeledDataset& data, const std::vector<std::string>& labels,
                                    const Tokenizer& tokenizer, int64_t seq, const std::string& origin) {
  LabeledDataset copy = data;
  for (auto& e : copy.examples) {
    const auto& name = data.labels.at(static_cast<size_t>(e.label));
    const auto it = std::find(labels.begin(), labels.end(), name);
    if (it == labels.end()) throw Error(origin + ": label '" + name + "' does not occur in the training set");
    e.label = static_cast<int>(it - labels.begin());
  }
  return encode_examples(copy, tokenizer, seq);
}

// Fine-tuning, or with distill set, knowledge distillation into a smaller student: the same
// data, schedule, freezing and reports either way.
int run(const Options& o, bool distill) {
  const auto train_set = read_set(o, "train");
  const auto test_set = read_set(o, "test");
  const std::string task = o.text("task");
  if (task != "classify" && task != "pair") throw UsageError("option '--task' must be classify or pair, got '" + task + "'");
  if ((task == "pair") != train_set.pairs)
    throw Error(o.text("train") + " holds " + (train_set.pairs ? "sentence pairs" : "single texts") + " but --task is " + task);
  if (train_set.pairs != test_set.pairs) throw Error("the training and test files are not the same kind of task");

  const auto device = resolve_device(o.text("device"));
  if (o.has("threads")) set_cpu_threads(static_cast<int>(o.integer("threads", 0, 1024)));
  const auto seed = static_cast<uint64_t>(o.integer("seed", 0, 1L << 40));
  const std::string source = o.text(distill ? "teacher" : "from");
  auto checkpoint = load_checkpoint(source, torch::kCPU);
  LanguageModel teacher{nullptr};
  auto& model = checkpoint.model;
  const auto seq = o.integer("seq", 8, model->config().max_seq_len);
  if (distill) {
    if (model->config().num_labels != static_cast<int>(train_set.labels.size()))
      throw Error(source + " is not a classifier for the " + std::to_string(train_set.labels.size()) +
                  " labels of " + o.text("train") + " (fine-tune it first)");
    teacher = model;
    torch::manual_seed(seed);
    model = make_student(*teacher, static_cast<int>(o.integer("student-layers", 1, 96)));
    teacher->to(device);
  } else if (o.flag("from-scratch")) {
    // The transfer-learning baseline: the same architecture and tokenizer, fresh weights.
    torch::manual_seed(seed);
    model = LanguageModel(model->config());
  }
  torch::manual_seed(seed);
  if (!distill) model->set_num_labels(static_cast<int>(train_set.labels.size()));
  model->to(device);

  FineTuneSettings s;
  s.epochs = o.integer("epochs", 1, 10000);
  s.max_steps = o.has("max-steps") ? o.integer("max-steps", 1, 100'000'000) : 0;
  s.adamw.lr = o.real("lr", 1e-7, 0.5);
  s.adamw.weight_decay = o.real("weight-decay", 0, 1);
  s.schedule = o.text("schedule");
  s.warmup_ratio = o.real("warmup-ratio", 0, 0.99);
  s.layer_lr_decay = o.real("layer-lr-decay", 1e-3, 1);
  const int layers = static_cast<int>(model->body().layer_count());
  if (o.has("freeze")) s.freeze = FreezeState::parse(o.text("freeze"), layers);
  s.gradual_unfreeze_every = o.has("gradual-unfreeze") ? o.integer("gradual-unfreeze", 1, 1'000'000) : 0;
  if (distill) {
    s.distillation.temperature = o.real("temperature", 0.01, 100);
    s.distillation.soft_weight = o.real("soft-weight", 0, 100);
    s.distillation.hard_weight = o.real("hard-weight", 0, 100);
    s.distillation.cosine_weight = o.real("cosine-weight", 0, 100);
  }
  if (o.has("freeze") && s.gradual_unfreeze_every > 0)
    throw UsageError("--freeze and --gradual-unfreeze cannot be combined: gradual unfreezing decides what is frozen");

  const auto& tokenizer = *checkpoint.tokenizer;
  const auto train_examples = encode_examples(train_set, tokenizer, seq);
  const auto test_examples = aligned(test_set, train_set.labels, tokenizer, seq, o.text("test"));
  // Train accuracy is measured on (at most) the first 2000 training examples, so the
  // over-fitting gap shows without re-reading a large training set every epoch.
  const std::vector<EncodedExample> train_probe(train_examples.begin(),
                                                train_examples.begin() + std::min<size_t>(2000, train_examples.size()));
  const auto batch = o.integer("batch", 1, 4096);
  FineTuner tuner(model, ClassificationBatcher(train_examples, batch, tokenizer.special_ids().pad, true, seed), s, teacher);
  int64_t params = 0;
  for (const auto& p : model->parameters()) params += p.numel();
  std::cerr << (distill ? "distill: " + std::to_string(model->config().n_layers) + "-layer student of "
                        : std::string("finetune: ") + (o.flag("from-scratch") ? "fresh " : "pretrained "))
            << to_string(model->config().arch) << " from " << source << " (" << params << " parameters), " << train_examples.size() << " training / " << test_examples.size()
            << " test examples, " << train_set.labels.size() << " labels, " << tuner.total_steps() << " steps on "
            << device.str() << "\n";

  std::ofstream log;
  if (o.has("log")) {
    log.open(o.text("log"), std::ios::trunc);
    if (!log) throw Error("cannot write log file '" + o.text("log") + "'");
  }
  const auto emit = [&](const nlohmann::ordered_json& j, bool to_stdout) {
    const auto line = j.dump();
    if (log) log << line << "\n" << std::flush;
    if (to_stdout) std::cout << line << "\n" << std::flush;
  };
  const auto log_every = o.integer("log-every", 1, 1'000'000);
  ProgressBar bar(tuner.total_steps());
  int64_t epoch = 0;
  const auto evaluate = [&](const char* when) {
    const auto test = tuner.evaluate(test_examples, 64);
    const auto train = tuner.evaluate(train_probe, 64);
    nlohmann::ordered_json j{{"event", "eval"}, {"when", when}, {"step", tuner.steps_done()}, {"epoch", epoch},
                             {"train_accuracy", train.accuracy}, {"train_loss", train.loss},
                             {"test_accuracy", test.accuracy}, {"test_loss", test.loss}};
    bar.clear();
    emit(j, true);
    return std::make_pair(train, test);
  };
  while (!tuner.done()) {
    const auto step = tuner.step();
    nlohmann::ordered_json j{{"step", step.step}, {"epoch", step.epoch}, {"loss", step.loss}, {"accuracy", step.accuracy},
                             {"lr", step.lr}, {"frozen", step.frozen},
                             {"trainable_parameters", step.memory.trainable_parameters},
                             {"total_parameters", step.memory.total_parameters},
                             {"gradient_bytes", step.memory.gradient_bytes},
                             {"optimizer_bytes", step.memory.optimizer_bytes}, {"ms", step.ms}};
    if (step.soft_loss) j["soft_loss"] = *step.soft_loss, j["hard_loss"] = *step.hard_loss;
    if (step.cosine_loss) j["cosine_loss"] = *step.cosine_loss;
    const bool print = step.step % log_every == 0;
    if (print) bar.clear();
    emit(j, print);
    bar.update(step.step, "loss " + std::to_string(step.loss).substr(0, 6));
    if (step.epoch != epoch && !tuner.done()) {
      evaluate("epoch");
      epoch = step.epoch;
    }
  }
  const auto [train, test] = evaluate("end");
  nlohmann::ordered_json state{{"kind", distill ? "distill" : "finetune"}, {"task", task}, {"labels", train_set.labels},
                               {"steps_done", tuner.steps_done()}, {"from", source},
                               {"from_scratch", !distill && o.flag("from-scratch")}, {"test_accuracy", test.accuracy}};
  save_checkpoint(o.text("out"), *model, tokenizer, state.dump(2) + "\n");
  auto final = nlohmann::ordered_json::parse(test.to_json(train_set.labels));
  nlohmann::ordered_json summary{{"event", "final"}, {"steps", tuner.steps_done()}, {"train_accuracy", train.accuracy},
                                 {"test_accuracy", test.accuracy}, {"test_loss", test.loss},
                                 {"per_class", final["per_class"]}, {"confusion", final["confusion"]},
                                 {"parameters", params}, {"labels", train_set.labels}, {"checkpoint", o.text("out")}};
  emit(summary, true);
  return 0;
}

// Options both commands take.
std::vector<OptionSpec> training_options() {
  return {{"task", "classify|pair", "single texts or sentence pairs ([CLS] a [SEP] b [SEP])", ""},
          {"train", "FILE", "training set", ""},
          {"test", "FILE", "test set, scored every epoch and at the end", ""},
          {"format", "auto|agnews-csv|mnli-tsv|mnli-jsonl|tsv", "how to read the sets", "auto"},
          {"skip-bad-rows", "", "skip and count malformed rows", ""},
          {"freeze", "SPEC", "frozen parts: none, all-but-head, or e.g. embeddings,0,1", ""},
          {"gradual-unfreeze", "K", "ULMFiT: train the head, then open one layer from the top every K steps", ""},
          {"layer-lr-decay", "F", "discriminative learning rates: each layer down gets F times the one above", "1.0"},
          {"schedule", "linear|cosine|slanted", "learning-rate schedule", "linear"},
          {"warmup-ratio", "X", "share of the steps spent warming up", "0.1"},
          {"epochs", "N", "passes over the training set", "3"},
          {"max-steps", "N", "stop after N steps even mid-epoch", ""},
          {"batch", "B", "examples per step", "32"},
          {"seq", "T", "tokens per example at most", "128"},
          {"lr", "X", "peak learning rate", "1e-4"},
          {"weight-decay", "X", "AdamW weight decay", "0.01"},
          {"device", "auto|cpu|cuda", "where to train", "auto"},
          {"threads", "N", "CPU threads (0: one per core)", ""},
          {"seed", "N", "random seed", "1234"},
          {"out", "DIR", "checkpoint to write (with the label map)", ""},
          {"log", "FILE", "every step and evaluation as JSON lines", ""},
          {"log-every", "N", "print step metrics every N steps", "20"}};
}

}  // namespace

Command finetune_command() {
  auto options = training_options();
  options.insert(options.begin() + 5,
                 {{"from", "DIR", "pretrained checkpoint (its tokenizer and architecture are used)", ""},
                  {"from-scratch", "", "same architecture and tokenizer, fresh weights (the baseline)", ""}});
  return {"finetune", "Fine-tune a checkpoint for text or sentence-pair classification (news topics, NLI)", options,
          [](const Options& o) { return run(o, false); }};
}

Command distill_command() {
  auto options = training_options();
  options.insert(options.begin() + 5,
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
