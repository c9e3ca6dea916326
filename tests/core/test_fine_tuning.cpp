#include "lmlab/error.h"
#include "lmlab/inspect/parameter_changes.h"
#include "lmlab/inspect/saliency.h"
#include "lmlab/io/checkpoint.h"
#include "lmlab/sentencepiece_tokenizer.h"
#include "lmlab/train/distillation.h"
#include "lmlab/train/fine_tune_evaluation.h"
#include "lmlab/train/fine_tuner.h"
#include "lmlab/train/masked_lm_probe.h"
#include "temp_dir.h"
#include "toy_model.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <map>
#include <chrono>
#include <set>
#include <sstream>

using namespace lmlab;

namespace {

// Sentences of the toy corpus labelled by the animal they are about: learnable from one word.
struct Toy {
  std::shared_ptr<SentencePieceTokenizer> tokenizer;
  std::vector<EncodedExample> examples;
  int labels = 6;
};

const Toy& toy() {
  static const Toy t = [] {
    Toy t;
    test::TempDir dir;
    const auto setup = test::toy_model_setup(dir, 60, 3, 400, 32);
    const auto& text = setup.corpus_text;
    t.tokenizer = setup.tokenizer;
    const std::vector<std::string> animals = {"cat", "dog", "bird", "fish", "horse", "rabbit"};
    LabeledDataset data;
    data.labels = animals;
    std::istringstream lines(text);
    for (std::string line; std::getline(lines, line);)
      for (size_t a = 0; a < animals.size(); ++a)
        if (line.find(" " + animals[a] + " ") != std::string::npos) data.examples.push_back({line, "", static_cast<int>(a)});
    t.examples = encode_examples(data, *t.tokenizer, 32);
    return t;
  }();
  return t;
}

LanguageModel tiny_model(int layers = 2, int d = 64) {
  auto config = ModelConfig::preset("tiny", Architecture::Bert);
  config.vocab_size = toy().tokenizer->vocab_size();
  config.n_layers = layers;
  config.d_model = d;
  config.d_ff = 4 * d;
  config.max_seq_len = 32;
  config.num_labels = toy().labels;
  torch::manual_seed(2);
  return LanguageModel(config);
}

FineTuner tuner(LanguageModel model, FineTuneSettings settings = {}, int64_t batch = 16) {
  settings.epochs = 50;
  settings.adamw.lr = 2e-3;
  return FineTuner(std::move(model), ClassificationBatcher(toy().examples, batch, 0, true, 1), settings);
}

std::map<std::string, torch::Tensor> snapshot(LanguageModel& model) {
  std::map<std::string, torch::Tensor> out;
  for (const auto& p : model->named_parameters()) out[p.key()] = p.value().detach().clone();
  return out;
}

TEST(FineTuning, LearnsAnEasyTaskAndReportsPerClassMetrics) {
  auto t = tuner(tiny_model());
  for (int i = 0; i < 120; ++i) t.step();
  const auto report = t.evaluate(toy().examples, 64);
  EXPECT_GT(report.accuracy, 0.9);
  EXPECT_EQ(report.confusion.size(), 6u);
  EXPECT_EQ(report.f1.size(), 6u);
  int64_t total = 0;
  for (const auto& row : report.confusion)
    for (auto v : row) total += v;
  EXPECT_EQ(total, static_cast<int64_t>(toy().examples.size()));
}

TEST(FineTuning, MetricsReadEveryNStepsAverageTheStepsSinceTheLastRead) {
  // Reading metrics back changes nothing about training, so a run that reads every third step
  // must report the average of what a run reading every step saw over those three steps.
  ASSERT_GE(toy().examples.size(), 8u * 16u);  // eight full batches within the first epoch
  std::vector<FineTuneStep> every_step, every_third;
  std::optional<FineTuneStep> after_five, nothing_unread;
  for (int64_t every : {1, 3}) {
    FineTuneSettings settings;
    settings.metrics_every = every;
    settings.max_steps = 8;
    auto t = tuner(tiny_model(), settings);
    torch::manual_seed(5);  // dropout
    auto& out = every == 1 ? every_step : every_third;
    while (!t.done()) {
      out.push_back(t.step(/*read_metrics=*/every == 3 && t.steps_done() == 3));
      // A run stopping after step 5 reads what is unread; one stopping after a read has nothing.
      if (every == 3 && t.steps_done() == 5) after_five = t.read_unread_metrics();
      if (every == 3 && t.steps_done() == 6) nothing_unread = t.read_unread_metrics();
    }
  }
  ASSERT_EQ(every_step.size(), 8u);
  ASSERT_EQ(every_third.size(), 8u);
  ASSERT_TRUE(after_five.has_value());
  EXPECT_FALSE(nothing_unread.has_value());
  EXPECT_TRUE(after_five->measured);
  EXPECT_EQ(after_five->step, 5);
  // Read at steps 3 (every 3), 4 (asked for), 5 (read_unread_metrics), 6 (every 3) and 8 (the last).
  const std::vector<std::pair<int, int>> reads = {{0, 3}, {3, 4}, {4, 5}, {5, 6}, {6, 8}};  // [first, last] spans
  for (size_t i = 0; i < every_third.size(); ++i) {
    const bool read = i == 2 || i == 3 || i == 5 || i == 7;
    EXPECT_EQ(every_third[i].measured, read) << "step " << i + 1;
    EXPECT_TRUE(every_step[i].measured);
  }
  for (const auto& [first, last] : reads) {
    double loss = 0, accuracy = 0;
    for (int s = first; s < last; ++s) loss += every_step[s].loss, accuracy += every_step[s].accuracy;
    const double n = last - first;
    const auto& reported = last == 5 ? *after_five : every_third[last - 1];
    EXPECT_NEAR(reported.loss, loss / n, 1e-5) << "read at step " << last;
    // Every batch has 16 rows, so the accuracy over the rows is the mean of the steps' accuracies.
    EXPECT_NEAR(reported.accuracy, accuracy / n, 1e-9) << "read at step " << last;
  }
}

TEST(FineTuning, FrozenParametersStayBitIdenticalAndGetNoOptimizerState) {
  auto model = tiny_model();
  FineTuneSettings settings;
  settings.freeze = FreezeState::parse("embeddings,0", 2);
  auto t = tuner(model, settings);
  const auto before = snapshot(model);
  FineTuneStep last;
  for (int i = 0; i < 5; ++i) last = t.step();
  int64_t trainable = 0, updated = 0;
  for (const auto& p : model->named_parameters()) {
    const auto part = part_of(p.key());
    const bool frozen = part.kind == ModelPart::Embeddings || (part.kind == ModelPart::Layer && part.layer == 0);
    // The pretraining heads are trainable but take no part in the classification loss.
    const bool unused = p.key().rfind("masked_lm.", 0) == 0 || p.key().rfind("next_sentence.", 0) == 0;
    if (frozen || unused) {
      EXPECT_TRUE(torch::equal(p.value(), before.at(p.key()))) << p.key();
    } else {
      EXPECT_FALSE(torch::equal(p.value(), before.at(p.key()))) << p.key();
      updated += p.value().numel();
    }
    if (!frozen) trainable += p.value().numel();
  }
  EXPECT_EQ(last.memory.trainable_parameters, trainable);
  EXPECT_EQ(last.memory.optimizer_bytes, updated * 2 * 4);  // AdamW's two float moments, updated parameters only
  EXPECT_EQ(last.frozen, "embeddings,0");
}

NamedTensors copied_weights(LanguageModel& model) {
  NamedTensors out;
  for (const auto& [name, tensor] : model_weights(*model)) out.emplace_back(name, tensor.clone());
  return out;
}

// What fine-tuning changed, per part: frozen parts exactly 0, the others the norm of their
// update over the norm of their start, summed by hand over the part's parameters.
TEST(ParameterChanges, FrozenPartsReadZeroAndTheOthersTheirRelativeUpdate) {
  auto model = tiny_model();
  FineTuneSettings settings;
  settings.freeze = FreezeState::parse("embeddings,0", 2);
  auto t = tuner(model, settings);
  const auto start = copied_weights(model);
  for (int i = 0; i < 5; ++i) t.step();
  const auto changes = parameter_changes(start, copied_weights(model));
  ASSERT_EQ(changes.size(), 4u);
  EXPECT_EQ(changes[0].name, "embeddings");
  EXPECT_EQ(changes[1].name, "layer 0");
  EXPECT_EQ(changes[2].name, "layer 1");
  EXPECT_EQ(changes[3].name, "head");
  EXPECT_EQ(changes[0].relative_change, 0.0);
  EXPECT_EQ(changes[1].relative_change, 0.0);
  double start_squares = 0, change_squares = 0;
  int64_t count = 0;
  for (const auto& [name, before] : start) {
    if (name.rfind("encoder.layers.1.", 0) != 0) continue;
    const auto after = model->named_parameters()[name].detach();
    start_squares += before.to(torch::kDouble).pow(2).sum().item<double>();
    change_squares += (after.to(torch::kDouble) - before.to(torch::kDouble)).pow(2).sum().item<double>();
    count += before.numel();
  }
  EXPECT_EQ(changes[2].parameters, count);
  EXPECT_GT(changes[2].relative_change, 0.0);
  // Float sums over the part: a relative error of 1e-5 at most.
  EXPECT_NEAR(changes[2].relative_change, std::sqrt(change_squares / start_squares), 1e-5 * changes[2].relative_change);
  EXPECT_GT(changes[3].relative_change, 0.0);
}

// A head that only the fine-tuned model has is counted as new, not compared.
TEST(ParameterChanges, AHeadAddedByFineTuningIsNew) {
  auto pretrained = tiny_model();
  auto start = copied_weights(pretrained);
  const auto classifier = std::remove_if(start.begin(), start.end(),
                                         [](const auto& entry) { return entry.first.rfind("classifier.", 0) == 0; });
  int64_t head_values = 0;
  for (auto it = classifier; it != start.end(); ++it) head_values += it->second.numel();
  start.erase(classifier, start.end());
  const auto changes = parameter_changes(start, copied_weights(pretrained));
  EXPECT_EQ(changes.back().name, "head");
  EXPECT_EQ(changes.back().new_parameters, head_values);
  EXPECT_EQ(changes.back().relative_change, 0.0);
}

// Forgetting, measured: with the body frozen, the pretraining head answers held-out masked
// words exactly as before fine-tuning; training everything moves its score. The first
// evaluation reports the pretrained model's score, taken before any step.
TEST(Forgetting, AFrozenBodyKeepsItsMaskedLmScoreAndFullFineTuningMovesIt) {
  for (const std::string freeze : {"all-but-head", "none"}) {
    auto model = tiny_model();
    auto probe = std::make_shared<const MaskedLmProbe>(toy().examples, toy().tokenizer->special_ids(),
                                                       toy().tokenizer->vocab_size());
    const auto before = probe->score(*model);
    ASSERT_GT(before.masked, 0);
    FineTuneSettings settings;
    settings.freeze = FreezeState::parse(freeze, 2);
    settings.max_steps = 20;
    auto t = tuner(model, settings);
    EvaluationSets sets;
    sets.validation.assign(toy().examples.begin(), toy().examples.begin() + 32);
    sets.masked_lm = probe;
    FineTuneEvaluation evaluation(t, sets, {10, 0, 64});
    std::vector<Evaluation> scores;
    while (!evaluation.done())
      if (auto e = evaluation.after_step(t.step().step)) scores.push_back(*e);
    ASSERT_EQ(scores.size(), 2u) << freeze;
    EXPECT_EQ(scores.front().metrics.at("masked_lm_accuracy_at_start"), before.accuracy);
    EXPECT_EQ(scores.front().metrics.at("masked_lm_loss_at_start"), before.loss);
    EXPECT_FALSE(scores.back().metrics.count("masked_lm_accuracy_at_start"));
    const double after = scores.back().metrics.at("masked_lm_loss");
    if (freeze == "none")
      EXPECT_NE(after, before.loss);
    else
      EXPECT_EQ(after, before.loss) << "a frozen body forgets nothing";
  }
}

// Saliency on a classifier that learned the toy task from one word (the animal): integrated
// gradients meet completeness (they sum to f(x) - f(baseline)) within 5% at 64 steps, gradient x
// input is the gradient at the input dotted with it (a finite difference checks the gradient),
// and no parameter's gradient is touched.
TEST(Saliency, IntegratedGradientsAreCompleteAndGradientTimesInputIsTheGradientAtTheInput) {
  auto model = tiny_model();
  auto t = tuner(model);
  for (int i = 0; i < 60; ++i) t.step();
  for (auto& p : model->parameters()) p.mutable_grad() = torch::Tensor();
  const std::string text = "the dog likes to run in the park .";
  const auto s = saliency(*model, *toy().tokenizer, text, "", 64);
  ASSERT_GT(s.tokens.size(), 3u);
  EXPECT_LT(s.completeness_gap, 0.05) << s.attribution_sum << " vs " << s.probability - s.baseline_probability;
  for (const auto& p : model->parameters()) EXPECT_FALSE(p.grad().defined());

  // f(x) and ∂f/∂x·x by hand, the gradient by central differences along the input itself.
  torch::NoGradGuard no_grad;
  model->eval();
  std::vector<int64_t> ids;
  for (const auto& token : s.tokens) ids.push_back(token.id);
  const auto input = model->body().embeddings->token(torch::tensor(ids).unsqueeze(0));  // (1, T, C)
  const auto f = [&](const torch::Tensor& vectors) {
    return torch::softmax(model->classifier_logits(model->body().forward_vectors(vectors)), -1)[0][s.label].item<double>();
  };
  EXPECT_NEAR(f(input), s.probability, 1e-5);
  EXPECT_NEAR(f(torch::zeros_like(input)), s.baseline_probability, 1e-5);
  double total = 0;
  for (const auto& token : s.tokens) total += token.gradient_x_input;
  const double h = 1e-3;  // d/dε f(x + εx) at 0 is Σ ∇f·x
  EXPECT_NEAR(total, (f(input * (1 + h)) - f(input * (1 - h))) / (2 * h), 2e-3 + 0.02 * std::abs(total));
  EXPECT_THROW(saliency(*model, *toy().tokenizer, "", "", 64), Error);
  EXPECT_THROW(saliency(*model, *toy().tokenizer, text, "", 0), Error);
}

TEST(FineTuning, FreezingMidRunTakesEffectAtTheNextStep) {
  auto model = tiny_model();
  auto t = tuner(model);
  for (int i = 0; i < 3; ++i) t.step();
  auto frozen = FreezeState::none(2);
  frozen.layers[1] = true;
  t.set_freeze(frozen);
  const auto before = snapshot(model);
  const auto while_frozen = t.step();
  int64_t layer_one = 0;
  for (const auto& p : model->named_parameters()) {
    if (p.key().rfind("encoder.layers.1.", 0) == 0) {
      EXPECT_TRUE(torch::equal(p.value(), before.at(p.key()))) << p.key();
      layer_one += p.value().numel();
    }
  }
  // Its AdamW moments (two floats per parameter) are kept while it is frozen, and counted apart.
  EXPECT_EQ(while_frozen.memory.kept_optimizer_bytes, layer_one * 2 * 4);
  t.set_freeze(FreezeState::none(2));
  EXPECT_EQ(t.step().memory.kept_optimizer_bytes, 0);
  EXPECT_FALSE(torch::equal(model->body().block(1)->ff_in->weight, before.at("encoder.layers.1.ff_in.weight")));
}

// The freeze panel can freeze every part: the step still measures the loss, and nothing moves.
TEST(FineTuning, EverythingFrozenStillStepsAndChangesNothing) {
  auto model = tiny_model();
  auto t = tuner(model);
  t.step();
  auto all = FreezeState::none(2);
  all.embeddings = true, all.layers = {true, true}, all.head = true;
  t.set_freeze(all);
  const auto before = snapshot(model);
  FineTuneStep step;
  ASSERT_NO_THROW(step = t.step());
  EXPECT_TRUE(std::isfinite(step.loss));
  EXPECT_EQ(step.memory.trainable_parameters, 0);
  for (const auto& [name, value] : snapshot(model)) EXPECT_TRUE(value.equal(before.at(name))) << name;
}

TEST(FineTuning, GradualUnfreezingOpensHeadThenLayersFromTheTopThenEmbeddings) {
  FineTuneSettings settings;
  settings.gradual_unfreeze_every = 2;
  auto t = tuner(tiny_model(3), settings);
  EXPECT_EQ(t.gradual_state(0).describe(), "embeddings,0,1,2");
  EXPECT_EQ(t.gradual_state(1).describe(), "embeddings,0,1,2");
  EXPECT_EQ(t.gradual_state(2).describe(), "embeddings,0,1");
  EXPECT_EQ(t.gradual_state(4).describe(), "embeddings,0");
  EXPECT_EQ(t.gradual_state(6).describe(), "embeddings");
  EXPECT_EQ(t.gradual_state(8).describe(), "none");
  std::vector<std::string> seen;
  for (int i = 0; i < 9; ++i) seen.push_back(t.step().frozen);
  EXPECT_EQ(seen[0], "embeddings,0,1,2");
  EXPECT_EQ(seen[2], "embeddings,0,1");
  EXPECT_EQ(seen[8], "none");
}

TEST(FineTuning, DiscriminativeLearningRatesDecayDownTheStack) {
  FineTuneSettings settings;
  settings.layer_lr_decay = 0.5;
  settings.warmup_ratio = 0;
  auto t = tuner(tiny_model(2), settings);
  std::set<double> rates;
  for (const auto lr : learning_rates(t.optimizer())) rates.insert(lr);
  // head 2e-3, layer 1 1e-3, layer 0 5e-4, embeddings 2.5e-4
  EXPECT_EQ(rates, (std::set<double>{2e-3 * 0.125, 2e-3 * 0.25, 2e-3 * 0.5, 2e-3}));
}

// A learner lowers the learning rate while a run trains: every group's rate scales, the layer
// decay keeps its shape, and the step reports the new rate.
TEST(FineTuning, ANewPeakLearningRateScalesEveryGroupFromTheNextStep) {
  FineTuneSettings settings;
  settings.layer_lr_decay = 0.5;
  settings.warmup_ratio = 0;
  auto t = tuner(tiny_model(2), settings);
  const double before = t.step().lr;
  t.set_peak_lr(1e-3);  // half of 2e-3
  const auto after = t.step();
  EXPECT_NEAR(after.lr / before, 0.5, 0.01);  // the linear decay moved one step meanwhile
  std::set<double> rates;
  for (const auto lr : learning_rates(t.optimizer())) rates.insert(lr);
  ASSERT_EQ(rates.size(), 4u);
  EXPECT_NEAR(*rates.rbegin() / *rates.begin(), 8.0, 1e-9);
  EXPECT_THROW(t.set_peak_lr(0), Error);
}

TEST(FineTuning, FreezingTheLowerHalfMakesStepsFaster) {
  auto run = [](const std::string& freeze) {
    auto model = tiny_model(4, 128);
    FineTuneSettings settings;
    settings.freeze = FreezeState::parse(freeze, 4);
    auto t = tuner(model, settings, 64);
    for (int i = 0; i < 2; ++i) t.step();
    std::vector<double> ms;
    for (int i = 0; i < 7; ++i) ms.push_back(t.step().ms);
    std::sort(ms.begin(), ms.end());
    return ms[3];
  };
  const double full = run("none"), half = run("embeddings,0,1");
  EXPECT_LT(half, 0.9 * full) << "full " << full << " ms, lower half frozen " << half << " ms";
}

TEST(FineTuning, DistillationTrainsTheStudentAndNeverTheTeacher) {
  auto teacher = tiny_model(2);
  auto student = make_student(*teacher, 1);
  const auto teacher_before = snapshot(teacher);
  const auto student_before = snapshot(student);
  FineTuneSettings settings;
  settings.distillation.cosine_weight = 0.5;
  settings.epochs = 5;
  FineTuner t(student, ClassificationBatcher(toy().examples, 16, 0, true, 1), settings, teacher);
  FineTuneStep last;
  for (int i = 0; i < 5; ++i) last = t.step();
  for (const auto& p : teacher->named_parameters()) EXPECT_TRUE(torch::equal(p.value(), teacher_before.at(p.key()))) << p.key();
  EXPECT_FALSE(torch::equal(student->classifier->out->weight, student_before.at("classifier.out.weight")));
  ASSERT_TRUE(last.soft_loss && last.hard_loss && last.cosine_loss);
  EXPECT_NEAR(last.loss, 0.5 * *last.soft_loss + 0.5 * *last.hard_loss + 0.5 * *last.cosine_loss, 1e-4);
}

TEST(Schedules, ShapesAndNames) {
  EXPECT_DOUBLE_EQ(warmup_cosine(10, 110, 10), 1.0);
  EXPECT_NEAR(warmup_cosine(60, 110, 10), 0.5, 1e-12);
  EXPECT_NEAR(slanted_triangular(10, 100), 1.0, 1e-12);  // the peak at 10%
  EXPECT_NEAR(slanted_triangular(0, 100), 1.0 / 32, 1e-12);
  EXPECT_LT(slanted_triangular(99, 100), 0.05);
  EXPECT_THROW(schedule_factor("exponential", 0, 10, 0), Error);
}

TEST(ClassificationReport, PrecisionRecallF1FromConfusion) {
  const auto r = ClassificationReport::from_confusion({{3, 1}, {0, 4}}, 0.5);
  EXPECT_DOUBLE_EQ(r.accuracy, 7.0 / 8);
  EXPECT_DOUBLE_EQ(r.precision[0], 1.0);
  EXPECT_DOUBLE_EQ(r.recall[0], 0.75);
  EXPECT_DOUBLE_EQ(r.precision[1], 0.8);
  EXPECT_NEAR(r.f1[1], 2 * 0.8 / 1.8, 1e-12);
}

TEST(FreezeState, ParsesAndNamesBadParts) {
  EXPECT_EQ(FreezeState::parse("embeddings,1,head", 3).describe(), "embeddings,1,head");
  EXPECT_EQ(FreezeState::parse("all-but-head", 2).describe(), "embeddings,0,1");
  EXPECT_THROW(FreezeState::parse("3", 3), Error);
  EXPECT_THROW(FreezeState::parse("bottom", 3), Error);
}

}  // namespace

namespace {

// Runs a tuner through a FineTuneEvaluation step by step and records, per step, the weights
// and what was scored.
struct EvaluatedRun {
  std::vector<std::map<std::string, double>> scores;  // per step (empty when nothing scored)
  std::vector<std::map<std::string, torch::Tensor>> weights;  // after each step
  std::map<std::string, torch::Tensor> final_weights;
  bool stopped_early = false;
};

EvaluatedRun evaluated_run(FineTuneSettings settings, EvaluationSettings evaluation, EvaluationSets sets) {
  FineTuner t(tiny_model(), ClassificationBatcher(toy().examples, 16, 0, true, 1), settings);
  FineTuneEvaluation schedule(t, std::move(sets), evaluation);
  EvaluatedRun run;
  while (!schedule.done()) {
    const auto step = t.step();
    run.weights.push_back(snapshot(t.model()));  // as the step left them, before any restore
    const auto scored = schedule.after_step(step.step);
    run.scores.push_back(scored ? scored->metrics : std::map<std::string, double>{});
  }
  run.final_weights = snapshot(t.model());
  run.stopped_early = schedule.stopped_early();
  return run;
}

bool same(const std::map<std::string, torch::Tensor>& a, const std::map<std::string, torch::Tensor>& b) {
  for (const auto& [name, tensor] : a)
    if (!torch::equal(tensor, b.at(name))) return false;
  return true;
}

}  // namespace

TEST(FineTuneEvaluation, ValidationEveryEpochAndTheTestSetOnceAtTheEnd) {
  FineTuneSettings settings;
  settings.epochs = 3;
  EvaluationSets sets;
  sets.validation.assign(toy().examples.begin(), toy().examples.begin() + 20);
  sets.test.assign(toy().examples.begin() + 20, toy().examples.begin() + 40);
  const auto run = evaluated_run(settings, {}, sets);
  const auto per_epoch = static_cast<size_t>((toy().examples.size() + 15) / 16);
  ASSERT_EQ(run.scores.size(), 3 * per_epoch);
  size_t validations = 0, tests = 0;
  for (size_t i = 0; i < run.scores.size(); ++i) {
    const bool epoch_end = (i + 1) % per_epoch == 0;
    EXPECT_EQ(run.scores[i].count("validation_accuracy") == 1, epoch_end) << "step " << i + 1;
    validations += run.scores[i].count("validation_accuracy");
    tests += run.scores[i].count("test_accuracy");
  }
  EXPECT_EQ(validations, 3u);
  EXPECT_EQ(tests, 1u);
  EXPECT_EQ(run.scores.back().count("test_accuracy"), 1u);
  EXPECT_FALSE(run.stopped_early);
}

TEST(FineTuneEvaluation, EarlyStoppingEndsOnTheWeightsOfTheBestValidationScore) {
  FineTuneSettings settings;
  settings.epochs = 400;
  settings.adamw.lr = 3e-2;  // too high on purpose: validation gets worse after a while
  EvaluationSettings evaluation;
  evaluation.every = 1;
  evaluation.patience = 3;
  EvaluationSets sets;
  sets.validation.assign(toy().examples.begin(), toy().examples.begin() + 12);
  sets.test = sets.validation;
  const auto run = evaluated_run(settings, evaluation, sets);
  ASSERT_TRUE(run.stopped_early);
  // The best step as the test sees it from the reported scores: highest accuracy, then lowest loss.
  size_t best = 0;
  for (size_t i = 1; i < run.scores.size(); ++i) {
    const auto& s = run.scores[i];
    const auto& b = run.scores[best];
    if (s.at("validation_accuracy") > b.at("validation_accuracy") ||
        (s.at("validation_accuracy") == b.at("validation_accuracy") && s.at("validation_loss") < b.at("validation_loss")))
      best = i;
  }
  EXPECT_EQ(run.scores.size(), best + 1 + 3);  // stopped after three scores without improvement
  EXPECT_TRUE(same(run.final_weights, run.weights[best]));
  EXPECT_FALSE(same(run.final_weights, run.weights.back()));
}
