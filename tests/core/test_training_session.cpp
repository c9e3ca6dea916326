#include "lmlab/error.h"
#include "lmlab/sentencepiece_tokenizer.h"
#include "lmlab/session/prepared_finetuning.h"
#include "lmlab/session/pretrain_request.h"
#include "lmlab/session/training_session.h"
#include "lmlab/train/fine_tuner.h"
#include "lmlab/train/pretrainer.h"
#include "session_stress.h"
#include "skip_without_cuda.h"
#include "temp_dir.h"
#include "toy_model.h"

#include <gtest/gtest.h>

#include <chrono>
#include <cmath>
#include <map>
#include <iostream>
#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <optional>
#include <set>
#include <thread>
#include <utility>

using namespace lmlab;
using namespace std::chrono_literals;

namespace {

// Records events; read after the session thread has finished, or under the mutex.
struct Recorder : SessionSink {
  std::mutex mutex;
  std::vector<SessionStep> steps;
  std::vector<Snapshot> snapshots;
  std::string error;
  std::optional<SessionInfo> info;
  bool finished = false, stopped = false;
  void on_started(const SessionInfo& i) override {
    std::lock_guard<std::mutex> lock(mutex);
    info = i;
  }
  void on_step(const SessionStep& s) override {
    std::lock_guard<std::mutex> lock(mutex);
    steps.push_back(s);
  }
  void on_snapshot(const Snapshot& s) override {
    std::lock_guard<std::mutex> lock(mutex);
    snapshots.push_back(s);
  }
  void on_error(const std::string& message) override { error = message; }
  void on_finished(int64_t, bool was_stopped) override {
    std::lock_guard<std::mutex> lock(mutex);
    finished = true, stopped = was_stopped;
  }
  bool is_finished() {
    std::lock_guard<std::mutex> lock(mutex);
    return finished;
  }
  size_t step_count() {
    std::lock_guard<std::mutex> lock(mutex);
    return steps.size();
  }
};

// Polls until done() holds, for at most a minute; false when it never did.
template <typename Done>
bool wait_until(Done done) {
  const auto start = std::chrono::steady_clock::now();
  while (!done()) {
    if (std::chrono::steady_clock::now() - start > 60s) return false;
    std::this_thread::sleep_for(2ms);
  }
  return true;
}

SessionOptions snapshots_every(int ms) {
  SessionOptions options;
  options.snapshot_interval_ms = ms;
  return options;
}

std::unique_ptr<TrainingJob> bert_job(int64_t steps, test::TempDir& dir, const c10::Device& device = c10::kCPU,
                                      int64_t metrics_every = 0) {
  const auto toy = test::toy_model_setup(dir, 40, 4, 400, 32);
  const auto& corpus = toy.corpus_path;
  std::shared_ptr<const SentencePieceTokenizer> tokenizer = toy.tokenizer;
  const auto& config = toy.config;
  torch::manual_seed(3);
  PretrainSettings settings;
  settings.objectives = Objectives::parse("mlm+nsp");
  settings.steps = steps;
  settings.metrics_every = metrics_every;
  PretrainingBatcher batcher(tokenize(TextCorpus::read(corpus), *tokenizer), settings.objectives,
                             tokenizer->special_ids(), config.vocab_size, 8, 32, 1);
  PreparedPretraining prepared;
  LanguageModel model(config);
  model->to(device);
  prepared.trainer = std::make_unique<Pretrainer>(model, std::move(batcher), settings);
  prepared.tokenizer = tokenizer;
  prepared.corpus = corpus;
  prepared.probe = "the cat likes to eat [MASK] every day .";
  return make_pretrain_job(std::move(prepared), PretrainRequest{});
}

TEST(TrainingSession, RunsToTheEndWithStepsAndAttentionSnapshots) {
  test::TempDir dir;
  Recorder sink;
  TrainingSession session(bert_job(30, dir), sink, snapshots_every(0));  // a snapshot after every step
  session.start();
  session.wait();
  ASSERT_TRUE(sink.finished);
  EXPECT_FALSE(sink.stopped);
  ASSERT_TRUE(sink.info.has_value());
  EXPECT_EQ(sink.info->kind, "pretrain");
  EXPECT_EQ(sink.info->layers, 2);
  EXPECT_EQ(sink.info->total_steps, 30);
  EXPECT_GT(sink.info->parameters, 0);
  ASSERT_EQ(sink.steps.size(), 30u);
  EXPECT_EQ(sink.steps.back().step, 30);
  EXPECT_TRUE(sink.steps.back().metrics.count("mlm_accuracy"));
  ASSERT_EQ(sink.snapshots.size(), 30u);
  const auto& a = sink.snapshots.back().attention;
  EXPECT_EQ(a.layers, 2);
  EXPECT_EQ(a.heads, 2);
  ASSERT_EQ(a.weights.size(), static_cast<size_t>(2 * 2) * a.tokens.size() * a.tokens.size());
  EXPECT_EQ(a.tokens.front(), "[CLS]");
  for (size_t q = 0; q < a.tokens.size(); ++q) {
    float row = 0;
    for (size_t k = 0; k < a.tokens.size(); ++k) row += a.at(1, 1, static_cast<int>(q), static_cast<int>(k));
    EXPECT_NEAR(row, 1.0f, 1e-4);
  }
  ASSERT_TRUE(sink.snapshots.back().masked.has_value());
  EXPECT_EQ(sink.snapshots.back().masked->masks.at(0).top.size(), 5u);
}

TEST(TrainingSession, SnapshotsAreThrottled) {
  test::TempDir dir;
  Recorder sink;
  const auto start = std::chrono::steady_clock::now();
  TrainingSession session(bert_job(60, dir), sink, snapshots_every(100));
  session.start();
  session.wait();
  const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  EXPECT_LE(sink.snapshots.size(), static_cast<size_t>(seconds * 10) + 2);  // <= 1 per 100 ms (+ first, last)
  EXPECT_GE(sink.snapshots.size(), 2u);
}

// Seconds for the same run with snapshots every 100 ms and with none (only the final one):
// alternating rounds, the fastest of each kind, so a parallel ctest neighbour that loads the
// machine during one run slows one sample, not the comparison.
template <typename MakeJob>
std::pair<double, double> seconds_with_and_without_snapshots(MakeJob make_job) {
  const auto seconds = [&](int interval_ms) {
    test::TempDir dir;
    Recorder sink;
    TrainingSession session(make_job(dir), sink, snapshots_every(interval_ms));
    const auto start = std::chrono::steady_clock::now();
    session.start();
    session.wait();
    return std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  };
  seconds(1'000'000);  // warm up: tokenizer training, allocator
  double baseline = 1e9, with = 1e9;
  for (int round = 0; round < 3; ++round) {
    baseline = std::min(baseline, seconds(1'000'000));
    with = std::min(with, seconds(100));
  }
  return {with, baseline};
}

// The live views' price while pretraining (attention, [MASK] guesses, the logit lens). The goal
// is < 5% (bench/RESULTS.md has the measured figures); under a parallel ctest with the fuzz test
// beside it the same comparison read up to +16% (2026-12-02), so the bound is 30%: it catches a
// snapshot grown expensive, not noise.
TEST(TrainingSession, SnapshotsCostLittleThroughput) {
  const auto [with, baseline] = seconds_with_and_without_snapshots([](test::TempDir& dir) { return bert_job(150, dir); });
  std::cout << "snapshot overhead: " << 100 * (with / baseline - 1) << "% (" << with << " s vs " << baseline << " s)\n";
  EXPECT_LT(with, 1.30 * baseline);
}

// On a GPU, where a step is milliseconds, a snapshot (a forward of the probe and reading its
// attention back) must still cost under 5% at one per 100 ms (scripts/gpu-check.sh runs it).
TEST(Cuda, SnapshotsCostUnderFivePercentOfThroughput) {
  LMLAB_SKIP_WITHOUT_CUDA();
  const auto [with, baseline] = seconds_with_and_without_snapshots(
      [](test::TempDir& dir) { return bert_job(600, dir, c10::Device(c10::kCUDA, 0)); });
  std::cout << "CUDA snapshot overhead: " << 100 * (with / baseline - 1) << "% (" << with << " s vs " << baseline
            << " s)\n";
  EXPECT_LT(with, 1.05 * baseline);
}

TEST(TrainingSession, StopTakesEffectWithinAStepAndPauseHolds) {
  test::TempDir dir;
  Recorder sink;
  TrainingSession session(bert_job(1'000'000, dir), sink, snapshots_every(100));
  session.start();
  ASSERT_TRUE(wait_until([&] { return sink.step_count() >= 3; }));
  session.pause();
  std::this_thread::sleep_for(100ms);  // any step in flight ends
  const auto paused_at = sink.step_count();
  std::this_thread::sleep_for(300ms);
  EXPECT_EQ(sink.step_count(), paused_at);
  session.resume();
  ASSERT_TRUE(wait_until([&] { return sink.step_count() >= paused_at + 3; }));
  const auto asked = std::chrono::steady_clock::now();
  session.stop();
  session.wait();
  const double ms = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - asked).count();
  EXPECT_TRUE(sink.stopped);
  double longest_step = 0;
  for (const auto& s : sink.steps) longest_step = std::max(longest_step, s.ms);
  EXPECT_LT(ms, 2 * longest_step + 200) << "stop took " << ms << " ms";
}

// lmlab-cli's --stop-at and its data-parallel ranks' agreement to stop both end a session
// between two steps, as stopped, with the checkpoint saved where the run stood.
TEST(TrainingSession, StopsAfterTheAskedStepOrWhenTheHookAgrees) {
  test::TempDir dir;
  Recorder at_step;
  SessionOptions options;
  options.snapshots = false;
  options.stop_after_step = 7;
  options.checkpoint_dir = dir.file("seven");
  TrainingSession limited(bert_job(20, dir), at_step, options);
  limited.start();
  limited.wait();
  EXPECT_TRUE(at_step.finished && at_step.stopped);
  EXPECT_EQ(at_step.steps.size(), 7u);
  EXPECT_TRUE(at_step.snapshots.empty());
  const auto state = nlohmann::json::parse(std::ifstream(dir.file("seven") + "/training_state.json"));
  EXPECT_EQ(state["resume"]["step"], 7);
  EXPECT_EQ(state["steps_done"], 7);

  Recorder agreed;
  int asked = 0;
  SessionOptions hook;
  hook.agree_to_stop = [&](bool told) { return told || ++asked > 3; };
  TrainingSession voting(bert_job(20, dir), agreed, hook);
  voting.start();
  voting.wait();
  EXPECT_TRUE(agreed.finished && agreed.stopped);
  EXPECT_EQ(agreed.steps.size(), 3u);
  EXPECT_EQ(asked, 4);  // once before every step, and once more to stop

  Recorder whole;
  SessionOptions plain;
  plain.stop_after_step = 20;  // the last step: the run ends done, not stopped
  TrainingSession complete(bert_job(20, dir), whole, plain);
  complete.start();
  complete.wait();
  EXPECT_TRUE(whole.finished);
  EXPECT_FALSE(whole.stopped);
}

// On a GPU metrics are read every few steps; a run stopped between two reads still reports
// the steps since the last one (averaged), so its curve and its resumed continuation miss none.
TEST(TrainingSession, AStopBetweenMetricReadsReportsTheUnreadSteps) {
  test::TempDir dir;
  const auto run = [&](int64_t metrics_every) {
    Recorder sink;
    SessionOptions options;
    options.snapshots = false;
    options.stop_after_step = 7;
    TrainingSession session(bert_job(20, dir, c10::kCPU, metrics_every), sink, options);
    session.start();
    session.wait();
    EXPECT_TRUE(sink.stopped) << sink.error;
    return sink.steps;
  };
  const auto every_step = run(1), every_fourth = run(4);
  ASSERT_EQ(every_step.size(), 7u);
  ASSERT_EQ(every_fourth.size(), 2u);
  EXPECT_EQ(every_fourth[0].step, 4);
  EXPECT_EQ(every_fourth[1].step, 7);
  for (const char* key : {"mlm_loss", "nsp_loss"}) {
    double sum = 0;
    for (size_t i = 4; i < 7; ++i) sum += every_step[i].metrics.at(key);
    EXPECT_NEAR(every_fourth[1].metrics.at(key), sum / 3, 1e-6) << key;
  }
}

TEST(TrainingSession, SaveIsAppliedAtAStepBoundary) {
  test::TempDir dir;
  Recorder sink;
  TrainingSession session(bert_job(20, dir), sink, snapshots_every(100));
  session.save(dir.file("ckpt"));
  session.start();
  session.wait();
  EXPECT_TRUE(std::filesystem::exists(dir.file("ckpt") + "/model.safetensors"));
}

// A learner goes on asking a trained model about new sentences: the session answers probes
// after training until it is closed, and the checkpoint is written when training ends.
TEST(TrainingSession, StaysOpenForProbesAfterTrainingAndSavesItsCheckpoint) {
  test::TempDir dir;
  Recorder sink;
  SessionOptions options;
  options.checkpoint_dir = dir.file("end");
  options.stay_open = true;
  TrainingSession session(bert_job(10, dir), sink, options);
  session.start();
  ASSERT_TRUE(wait_until([&] { return sink.is_finished(); }));
  EXPECT_TRUE(std::filesystem::exists(dir.file("end") + "/model.safetensors"));
  session.set_probe("the dog likes to [MASK] .");
  const auto asked = std::chrono::steady_clock::now();
  for (;;) {
    {
      std::lock_guard<std::mutex> lock(sink.mutex);
      if (!sink.snapshots.empty() && sink.snapshots.back().masked &&
          sink.snapshots.back().masked->filled.find("dog") != std::string::npos)
        break;
    }
    ASSERT_LT(std::chrono::steady_clock::now() - asked, 10s) << "no snapshot for the new probe";
    std::this_thread::sleep_for(5ms);
  }
  EXPECT_TRUE(session.running() == false);
  session.close();
  session.wait();
  EXPECT_TRUE(sink.error.empty());
}

// A job whose loss turns NaN at its third step.
struct DivergingJob : TrainingJob {
  explicit DivergingJob(bool& saved) : saved(saved) {}
  bool& saved;
  int64_t n = 0;
  SessionInfo info() const override { return {}; }
  void set_probe(std::string) override {}
  bool done() const override { return false; }
  SessionStep step() override {
    if (++n == 3) throw Error("training diverged at step 3: the loss is nan");
    return {n, 1.0, {}, 1.0, ""};
  }
  Snapshot snapshot() override { return {}; }
  void save(const std::string&) override { saved = true; }
};

TEST(TrainingSession, ANonFiniteLossEndsTheRunWithAnErrorNamingTheStep) {
  Recorder sink;
  bool saved = false;
  SessionOptions options;
  options.checkpoint_dir = "/nonexistent/never-written";
  TrainingSession session(std::make_unique<DivergingJob>(saved), sink, options);
  session.start();
  session.wait();
  EXPECT_EQ(sink.error, "training diverged at step 3: the loss is nan");
  EXPECT_FALSE(saved) << "a diverged run must not replace the last good checkpoint";
  EXPECT_FALSE(sink.finished);
  EXPECT_EQ(sink.steps.size(), 2u);
  EXPECT_FALSE(session.running());
}

}  // namespace

namespace {

// Builds a fine-tuning session on two labelled sentences, for the tests below.
std::unique_ptr<TrainingJob> finetune_job(test::TempDir& dir, int64_t max_steps) {
  auto toy = test::toy_model_setup(dir, 40, 5, 400, 16);
  std::shared_ptr<const SentencePieceTokenizer> tokenizer = toy.tokenizer;
  LabeledDataset data;
  data.labels = {"cat", "dog"};
  for (int i = 0; i < 40; ++i) data.examples.push_back({i % 2 ? "the dog ran to the park ." : "the cat sat on the mat .", "", i % 2});
  const auto examples = encode_examples(data, *tokenizer, 16);
  auto config = toy.config;
  config.num_labels = 2;
  torch::manual_seed(5);
  FineTuneSettings settings;
  settings.epochs = 10000;
  settings.max_steps = max_steps;
  PreparedFinetuning prepared;
  prepared.tuner = std::make_unique<FineTuner>(LanguageModel(config), ClassificationBatcher(examples, 8, 0, true, 1), settings);
  prepared.tokenizer = tokenizer;
  prepared.info.kind = "finetune";
  prepared.sets.validation = prepared.sets.test = examples;
  prepared.evaluation.every = 5;
  prepared.probe = "the [MASK] sat on the mat .";
  return make_finetune_job(std::move(prepared), nullptr);
}

TEST(TrainingSession, SurvivesAThousandRandomCommandsWhileFineTuning) {
  test::TempDir dir;
  Recorder sink;
  TrainingSession session(finetune_job(dir, 1'000'000), sink, snapshots_every(20));
  session.start();
  const auto wait_for_steps = [&](size_t n) { return wait_until([&] { return sink.step_count() >= n; }); };
  ASSERT_TRUE(wait_for_steps(1));  // trained as it started: nothing frozen
  test::drive_random_commands(
      session, 1000, 11,
      [](TrainingJob& job, uint64_t choice) {
        auto state = FreezeState::none(2);
        state.embeddings = choice & 1, state.layers[0] = choice & 2, state.layers[1] = choice & 4, state.head = choice & 8;
        freeze_control(job).set_freeze(state);
      },
      dir.file("ckpt"));
  // However the storm interleaved, the session still takes commands and trains after it.
  session.post([](TrainingJob& job) { freeze_control(job).set_freeze(FreezeState::parse("embeddings", 2)); });
  ASSERT_TRUE(wait_for_steps(sink.step_count() + 3));
  session.stop();
  session.wait();
  EXPECT_TRUE(sink.finished) << sink.error;
  EXPECT_TRUE(sink.stopped);
  EXPECT_GT(sink.steps.size(), 0u);
  std::set<std::string> states;
  for (const auto& s : sink.steps) states.insert(s.frozen);
  EXPECT_GT(states.size(), 1u);
}

TEST(TrainingSession, FineTuningFreezesLiveAndReportsValidationAccuracy) {
  test::TempDir dir;
  Recorder sink;
  TrainingSession session(finetune_job(dir, 400), sink, snapshots_every(100));
  session.start();
  ASSERT_TRUE(wait_until([&] { return sink.step_count() >= 5; }));
  session.post([](TrainingJob& job) { freeze_control(job).set_freeze(FreezeState::parse("all-but-head", 2)); });
  ASSERT_TRUE(wait_until([&] { return sink.step_count() >= 15; }));
  session.stop();
  session.wait();
  std::lock_guard<std::mutex> lock(sink.mutex);
  EXPECT_EQ(sink.steps.front().frozen, "none");
  EXPECT_EQ(sink.steps.back().frozen, "embeddings,0,1");
  EXPECT_LT(sink.steps.back().metrics.at("trainable_parameters"), sink.steps.front().metrics.at("trainable_parameters"));
  bool evaluated = false;
  for (const auto& s : sink.steps) evaluated = evaluated || s.evaluation.count("validation_accuracy");
  EXPECT_TRUE(evaluated);
}

// The "what changes" view's data: with the embeddings and layer 0 frozen from the start, every
// snapshot reads their change, gradient and update as exactly 0 and the others' as positive;
// each part's relative change equals its own ||W - W_start|| / ||W_start|| (checked against
// the starting weights by hand at the end); the lens rides along (the probe has a [MASK]).
TEST(TrainingSession, FineTuningSnapshotsSayWhatEachPartChanged) {
  test::TempDir dir;
  Recorder sink;
  auto job = finetune_job(dir, 12);
  auto& model = model_holder(*job).model();
  std::map<std::string, torch::Tensor> start;
  for (const auto& p : model.named_parameters()) start[p.key()] = p.value().detach().clone();
  freeze_control(*job).set_freeze(FreezeState::parse("embeddings,0", 2));
  TrainingSession session(std::move(job), sink, snapshots_every(0));
  session.start();
  ASSERT_TRUE(wait_until([&] { return sink.is_finished(); }));
  session.wait();
  ASSERT_GE(sink.snapshots.size(), 3u);
  const auto& last = sink.snapshots.back();
  ASSERT_EQ(last.changes.size(), 4u);
  EXPECT_EQ(last.changes[0].relative_change, 0.0);
  EXPECT_EQ(last.changes[1].relative_change, 0.0);
  EXPECT_GT(last.changes[2].relative_change, 0.0);
  double moved = 0, weight = 0;
  for (const auto& p : model.named_parameters())
    if (p.key().rfind("encoder.layers.1.", 0) == 0) {
      moved += (p.value().detach() - start.at(p.key())).to(torch::kDouble).pow(2).sum().item<double>();
      weight += start.at(p.key()).to(torch::kDouble).pow(2).sum().item<double>();
    }
  EXPECT_NEAR(last.changes[2].relative_change, std::sqrt(moved / weight), 1e-5 * last.changes[2].relative_change);
  ASSERT_TRUE(last.activity.has_value());
  EXPECT_GT(last.activity->step, 0);
  ASSERT_EQ(last.activity->parts.size(), 4u);
  for (int frozen : {0, 1}) {
    EXPECT_EQ(last.activity->parts[frozen].gradient_norm, 0.0);
    EXPECT_EQ(last.activity->parts[frozen].update_ratio, 0.0);
  }
  for (int training : {2, 3}) {
    EXPECT_GT(last.activity->parts[training].gradient_norm, 0.0);
    EXPECT_GT(last.activity->parts[training].update_ratio, 0.0);
  }
  ASSERT_TRUE(last.lens.has_value());
  EXPECT_EQ(last.lens->layers.size(), 3u);
  ASSERT_TRUE(last.projection.has_value());  // the last snapshot always projects
  EXPECT_EQ(last.projection->x.size(), 40u);
  EXPECT_EQ(last.projection->labels.size(), 40u);
  EXPECT_GT(last.projection->explained[0], last.projection->explained[1] - 1e-12);
  // Representations: the frozen depths (embeddings, layer 0) read as unchanged. CKA moves with
  // the square of a small change, so 12 steps leave layer 1 within rounding of 1 as well.
  const auto& cka = last.projection->cka_to_start;
  ASSERT_EQ(cka.size(), 3u);
  EXPECT_NEAR(cka[0], 1.0, 1e-12);
  EXPECT_NEAR(cka[1], 1.0, 1e-12);
  EXPECT_GE(cka[2], 0.0);
  EXPECT_LE(cka[2], 1.0 + 1e-12);
}

// The same while fine-tuning, where snapshots add what each part changed (a pass over the
// weights) and one measured step per snapshot (a copy of the trainable weights). A benchmark,
// not a test: its 4-second runs read anywhere from +0.2% to +29% on this shared machine, so it
// runs only when asked (bench/RESULTS.md: --gtest_also_run_disabled_tests).
TEST(TrainingSession, DISABLED_FineTuningSnapshotsCostLittleThroughput) {
  const auto [with, baseline] = seconds_with_and_without_snapshots([](test::TempDir& dir) { return finetune_job(dir, 300); });
  std::cout << "fine-tuning snapshot overhead: " << 100 * (with / baseline - 1) << "% (" << with << " s vs " << baseline
            << " s)\n";
  EXPECT_LT(with, 1.30 * baseline);
}

// A job offers what it can do; asking one for what it has not got is a plain error, not a
// method that throws by default.
TEST(TrainingSession, JobsOfferOnlyTheCapabilitiesTheyHave) {
  test::TempDir dir;
  auto pretraining = bert_job(5, dir);
  EXPECT_NO_THROW(model_holder(*pretraining).tokenizer());
  EXPECT_NO_THROW(learning_rate_control(*pretraining).set_learning_rate(1e-3));
  try {
    freeze_control(*pretraining);
    FAIL() << "a pretraining job has no freeze control";
  } catch (const Error& e) {
    EXPECT_STREQ(e.what(), "this kind of training cannot freeze layers");
  }
  auto finetuning = finetune_job(dir, 5);
  EXPECT_NO_THROW(freeze_control(*finetuning).set_freeze(FreezeState::parse("embeddings", 2)));
}

}  // namespace
