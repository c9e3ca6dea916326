#include "lmlab/session/prepared_finetuning.h"

#include "lmlab/data/labeled_dataset.h"
#include "lmlab/device_choice.h"
#include "lmlab/error.h"
#include "lmlab/train/masked_lm_probe.h"
#include "lmlab/io/checkpoint.h"
#include "lmlab/train/distillation.h"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <tuple>

namespace lmlab {

namespace {

LabeledDataset read_set(const FinetuneRequest& r, const std::string& path) {
  ReadOptions options;
  options.format = parse_dataset_format(r.format);
  options.skip_bad_rows = r.skip_bad_rows;
  return read_labeled_dataset(path, options);
}

// A set re-labelled with the training set's label map, so a test file whose labels come in
// another order (TSV) still scores right; unknown labels are an error.
void relabel(LabeledDataset& data, const std::vector<std::string>& labels, const std::string& origin) {
  for (auto& e : data.examples) {
    const auto& name = data.labels.at(static_cast<size_t>(e.label));
    const auto it = std::find(labels.begin(), labels.end(), name);
    if (it == labels.end()) throw Error(origin + ": label '" + name + "' does not occur in the training set");
    e.label = static_cast<int>(it - labels.begin());
  }
  data.labels = labels;
}

FineTuneSettings settings_of(const FinetuneRequest& r, int layers, int d_model) {
  FineTuneSettings s;
  s.epochs = r.epochs;
  s.max_steps = r.max_steps;
  s.adamw.lr = r.lr > 0 ? r.lr : default_finetune_lr(d_model);
  s.adamw.weight_decay = r.weight_decay;
  s.schedule = r.schedule;
  s.warmup_ratio = r.warmup_ratio;
  s.layer_lr_decay = r.layer_lr_decay;
  s.max_grad_norm = r.max_grad_norm;
  if (!r.freeze.empty()) s.freeze = FreezeState::parse(r.freeze, layers);
  s.gradual_unfreeze_every = r.gradual_unfreeze_every;
  s.distillation.temperature = r.temperature;
  s.distillation.soft_weight = r.soft_weight;
  s.distillation.hard_weight = r.hard_weight;
  s.distillation.cosine_weight = r.cosine_weight;
  return s;
}

}  // namespace

double default_finetune_lr(int d_model) {
  if (d_model <= 128) return 1e-3;
  if (d_model <= 256) return 5e-4;
  return 5e-5;
}

TaskData read_task_data(const FinetuneRequest& r) {
  finetune_description().check(r);  // the shares and the task within their declared ranges
  TaskData data;
  auto& train_set = data.train;
  auto& test_set = data.test;
  train_set = read_set(r, r.train);
  if (r.max_train_examples > 0 && train_set.examples.size() > r.max_train_examples)
    train_set.examples.resize(r.max_train_examples);
  if (r.test.empty()) {
    std::tie(train_set, test_set) = split_off(train_set, r.test_share, r.seed + 1);
  } else {
    test_set = read_set(r, r.test);
    relabel(test_set, train_set.labels, r.test);
  }
  std::tie(train_set, data.validation) = split_off(train_set, r.validation_share, r.seed);
  if (train_set.examples.empty())
    throw Error("dataset_too_small", {{"file", r.train}},
                r.train + " leaves no training examples after the validation and test splits");
  if (test_set.examples.empty())
    throw Error("dataset_too_small", {{"file", r.train}},
                "no test examples: " + r.train + " is too small to split a test set from");
  if ((r.task == "pair") != train_set.pairs)
    throw Error(r.train + " holds " + (train_set.pairs ? "sentence pairs" : "single texts") + " but the task is " + r.task);
  if (train_set.pairs != test_set.pairs)
    throw Error(r.train + " and " + r.test + " are not the same kind of task (single texts vs sentence pairs)");

  for (const auto* set : {&train_set, &test_set})
    if (set->skipped_bad_rows > 0)
      data.warnings.push_back("skipped " + std::to_string(set->skipped_bad_rows) + " malformed rows of " +
                              (set == &train_set ? r.train : r.test));
  data.test_origin = r.test.empty() ? r.train + " (" + std::to_string(test_set.examples.size()) + " held out)" : r.test;
  return data;
}

PreparedFinetuning prepare_finetuning(const FinetuneRequest& r) {
  const bool distill = r.student_layers > 0;
  description_of(r).check(r);
  description_of(r).check_rules(r);
  if (r.from.empty()) throw Error("fine-tuning needs a checkpoint to start from (its tokenizer and architecture)");
  if (distill && r.from_scratch) throw Error("a distilled student starts from its teacher, not from scratch");
  auto data = read_task_data(r);
  auto& train_set = data.train;
  auto& test_set = data.test;
  auto& validation_set = data.validation;
  if (r.patience > 0 && validation_set.examples.empty())
    throw Error("early stopping (patience " + std::to_string(r.patience) + ") needs a validation set: " + r.train +
                " is too small for validation_share " + std::to_string(r.validation_share));

  const auto device = resolve_device(r.device);
  auto checkpoint = load_checkpoint(r.from, torch::kCPU);
  LanguageModel model = checkpoint.model;
  LanguageModel teacher{nullptr};
  const auto max_len = model->config().max_seq_len;
  if (r.seq_len < 8 || r.seq_len > max_len)
    throw Error("sequence length " + std::to_string(r.seq_len) + " must be between 8 and the model's " +
                std::to_string(max_len));
  if (distill) {
    if (model->config().num_labels != static_cast<int>(train_set.labels.size()))
      throw Error(r.from + " is not a classifier for the " + std::to_string(train_set.labels.size()) + " labels of " +
                  r.train + " (fine-tune it first)");
    teacher = model;
    torch::manual_seed(r.seed);
    model = make_student(*teacher, r.student_layers);
    teacher->to(device);
  } else if (r.from_scratch) {
    // The transfer-learning baseline: the same architecture and tokenizer, fresh weights.
    torch::manual_seed(r.seed);
    model = LanguageModel(model->config());
  }
  torch::manual_seed(r.seed);
  if (!distill) model->set_num_labels(static_cast<int>(train_set.labels.size()));
  model->to(device);
  const auto settings = settings_of(r, static_cast<int>(model->body().layer_count()), model->config().d_model);

  PreparedFinetuning out;
  out.warnings = data.warnings;
  out.test_origin = data.test_origin;
  out.tokenizer = checkpoint.tokenizer;
  out.labels = train_set.labels;
  auto train_examples = encode_examples(train_set, *out.tokenizer, r.seq_len);
  out.sets.test = encode_examples(test_set, *out.tokenizer, r.seq_len);
  out.sets.validation = encode_examples(validation_set, *out.tokenizer, r.seq_len);
  out.train_examples = train_examples.size();
  out.sets.train_probe.assign(train_examples.begin(),
                              train_examples.begin() +
                                  static_cast<std::ptrdiff_t>(std::min(r.train_probe_size, train_examples.size())));
  // Forgetting, measured: the test texts (never trained on, never used to choose) as masked-LM
  // questions for the pretraining head, a few hundred at most so scoring stays cheap.
  if (model->masked_lm) {
    const auto texts = std::min<size_t>(out.sets.test.size(), 256);
    out.sets.masked_lm = std::make_shared<const MaskedLmProbe>(
        std::vector<EncodedExample>(out.sets.test.begin(), out.sets.test.begin() + static_cast<std::ptrdiff_t>(texts)),
        out.tokenizer->special_ids(), model->config().vocab_size);
  }
  out.evaluation.every = r.eval_every;
  out.evaluation.patience = r.patience;
  const auto& first = test_set.examples.front();
  out.probe = first.text_b.empty() ? first.text_a : first.text_a + " [SEP] " + first.text_b;
  out.tuner = std::make_unique<FineTuner>(
      model, ClassificationBatcher(std::move(train_examples), r.batch, out.tokenizer->special_ids().pad, true, r.seed),
      settings, teacher);

  out.info.kind = distill ? "distill" : "finetune";
  out.info.labels = out.labels;
  describe_model(out.info, *model);
  const std::string what = distill ? std::to_string(r.student_layers) + "-layer student of " + out.info.arch
                                   : std::string(r.from_scratch ? "fresh " : "pretrained ") + out.info.arch;
  out.info.description = what + " from " + r.from + " (" + std::to_string(out.info.parameters) + " parameters), " +
                         std::to_string(out.train_examples) + " training / " +
                         std::to_string(out.sets.validation.size()) + " validation / " +
                         std::to_string(out.sets.test.size()) + " test examples, " + std::to_string(out.labels.size()) + " labels, " +
                         std::to_string(out.tuner->total_steps()) + " steps at most, peak learning rate " +
                         std::to_string(settings.adamw.lr).substr(0, 7) + " on " + device.str();
  return out;
}

std::string finetune_state_json(const FinetuneRequest& r, const std::vector<std::string>& labels, int64_t steps_done,
                                double test_accuracy) {
  nlohmann::ordered_json state{{"kind", r.student_layers > 0 ? "distill" : "finetune"}, {"task", r.task},
                               {"labels", labels}, {"steps_done", steps_done}, {"from", r.from},
                               {"from_scratch", r.from_scratch}};
  if (test_accuracy >= 0) state["test_accuracy"] = test_accuracy;
  return state.dump(2) + "\n";
}

}  // namespace lmlab
