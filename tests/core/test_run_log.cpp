#include "lmlab/session/run_log.h"

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <cmath>

using namespace lmlab;

TEST(RunLog, ReadsPretrainStepsAsCurves) {
  const auto chunk = parse_run_log(
      R"({"step":1,"loss":6.5,"mlm_loss":5.8,"mlm_accuracy":0.1,"nsp_loss":0.7,"lr":1e-4,"tokens_per_s":900,"ms":55}
{"step":2,"loss":6.1,"mlm_loss":5.5,"mlm_accuracy":0.12,"nsp_loss":0.6,"lr":2e-4,"tokens_per_s":950,"ms":50,"allreduce_bytes":1024}
)",
      1);
  ASSERT_EQ(chunk.steps.size(), 2u);
  EXPECT_EQ(chunk.kind, "pretrain");
  EXPECT_FALSE(chunk.finished);
  EXPECT_EQ(chunk.steps[1].step, 2);
  EXPECT_DOUBLE_EQ(chunk.steps[1].loss, 6.1);
  EXPECT_DOUBLE_EQ(chunk.steps[1].metrics.at("mlm_accuracy"), 0.12);
  EXPECT_DOUBLE_EQ(chunk.steps[1].ms, 50);
  EXPECT_FALSE(chunk.steps[1].metrics.count("step"));
}

TEST(RunLog, ReadsFineTuningEvaluationsAndTheEnd) {
  const auto chunk = parse_run_log(
      R"({"step":10,"epoch":0,"loss":1.2,"accuracy":0.5,"lr":1e-4,"frozen":"embeddings","trainable_parameters":10,"ms":3}
{"event":"eval","when":"epoch","step":10,"epoch":0,"train_accuracy":0.6,"train_loss":1.1,"test_accuracy":0.55,"test_loss":1.15}
{"event":"final","steps":10,"test_accuracy":0.55})",
      1);
  EXPECT_EQ(chunk.kind, "finetune");
  EXPECT_TRUE(chunk.finished);
  ASSERT_EQ(chunk.steps.size(), 2u);
  EXPECT_EQ(chunk.steps[0].frozen, "embeddings");
  EXPECT_TRUE(std::isnan(chunk.steps[1].loss));  // an evaluation is not a training loss
  EXPECT_DOUBLE_EQ(chunk.steps[1].evaluation.at("test_accuracy"), 0.55);
  EXPECT_TRUE(chunk.steps[1].metrics.empty());
}

TEST(RunLog, NamesTheFirstLineItCannotRead) {
  const auto chunk = parse_run_log("{\"step\":1,\"loss\":2}\nnot json at all\n{\"step\":\"two\",\"loss\":1}\n"
                                   "{\"step\":3,\"loss\":1,\"note\":\"\xff\xfe\"}\n\n",
                                   40);
  EXPECT_EQ(chunk.steps.size(), 1u);
  EXPECT_EQ(chunk.bad_lines, 3);
  EXPECT_EQ(chunk.first_problem.rfind("line 41 is not a JSON object: not json at all", 0), 0u) << chunk.first_problem;
}

namespace {

// Everything a RunLogSink wrote, line by line.
struct Lines {
  std::vector<std::string> text;
  std::vector<RunLogLine> kinds;
  RunLogSink::Output output() {
    return [this](const std::string& line, RunLogLine kind) { text.push_back(line), kinds.push_back(kind); };
  }
  std::string joined() const {
    std::string out;
    for (const auto& line : text) out += line + "\n";
    return out;
  }
};

SessionInfo classifier_info() {
  SessionInfo info;
  info.kind = "finetune";
  info.arch = "bert";
  info.layers = 2, info.heads = 4, info.parameters = 12345, info.total_steps = 10, info.first_step = 0;
  info.labels = {"neg", "pos"};
  info.description = "pretrained bert, 2 labels";
  return info;
}

}  // namespace

// The app and the CLI write logs with RunLogSink and read them with parse_run_log: what goes in
// comes back, lines are in the documented shape, and the final line sums the run up.
TEST(RunLog, WhatTheSinkWritesReadsBackAsTheSameRun) {
  Lines lines;
  RunLogSink sink(R"({"lr":0.0005,"epochs":2})", "/runs/x/checkpoint", lines.output());
  sink.on_started(classifier_info());
  SessionStep first{1, 0.70, {{"accuracy", 0.5}, {"lr", 1e-4}, {"epoch", 0}, {"trainable_parameters", 100}}, 12.5, "embeddings"};
  sink.on_step(first);
  SessionStep last{10, 0.25, {{"accuracy", 1.0}, {"lr", 0.0}, {"epoch", 1}}, 11.0, "none"};
  last.evaluation = {{"validation_accuracy", 0.75}, {"test_accuracy", 0.8}, {"test_loss", 0.4}};
  last.note = "best validation accuracy at step 10";
  last.test_report = ClassificationReport::from_confusion({{3, 1}, {1, 5}}, 0.4);
  sink.on_step(last);
  sink.on_finished(10, false);

  ASSERT_EQ(lines.text.size(), 5u);  // start, two steps, one evaluation, final
  EXPECT_EQ(lines.kinds.front(), RunLogLine::Start);
  EXPECT_EQ(lines.kinds[3], RunLogLine::Evaluation);
  EXPECT_EQ(lines.kinds.back(), RunLogLine::Final);
  EXPECT_EQ(lines.text[1].rfind(R"({"step":1,"epoch":0,"loss":0.7,"accuracy":0.5,"lr":0.0001,"trainable_parameters":100,"frozen":"embeddings","ms":12.5})", 0), 0u)
      << lines.text[1];
  const auto final = nlohmann::json::parse(lines.text.back());
  EXPECT_EQ(final["status"], "done");
  EXPECT_EQ(final["steps"], 10);
  EXPECT_EQ(final["stopped_early"], false);
  EXPECT_DOUBLE_EQ(final["test_accuracy"].get<double>(), 0.8);
  EXPECT_EQ(final["confusion"], nlohmann::json::parse("[[3,1],[1,5]]"));
  EXPECT_EQ(final["checkpoint"], "/runs/x/checkpoint");

  const auto chunk = parse_run_log(lines.joined(), 1);
  EXPECT_EQ(chunk.bad_lines, 0) << chunk.first_problem;
  ASSERT_TRUE(chunk.info.has_value());
  EXPECT_EQ(chunk.kind, "finetune");
  EXPECT_EQ(chunk.info->labels, classifier_info().labels);
  EXPECT_EQ(chunk.info->parameters, 12345);
  EXPECT_EQ(chunk.info->description, classifier_info().description);
  EXPECT_EQ(nlohmann::json::parse(chunk.config_json), nlohmann::json::parse(R"({"lr":0.0005,"epochs":2})"));
  ASSERT_EQ(chunk.steps.size(), 3u);  // two steps and the evaluation
  EXPECT_EQ(chunk.steps[0].frozen, "embeddings");
  EXPECT_DOUBLE_EQ(chunk.steps[0].metrics.at("lr"), 1e-4);
  EXPECT_DOUBLE_EQ(chunk.steps[0].metrics.at("epoch"), 0);
  EXPECT_DOUBLE_EQ(chunk.steps[2].evaluation.at("validation_accuracy"), 0.75);
  EXPECT_EQ(chunk.steps[2].note, last.note);
  EXPECT_TRUE(chunk.finished);
  EXPECT_EQ(chunk.status, "done");
}

TEST(RunLog, AStoppedOrFailedRunSaysSoInItsLastLine) {
  Lines stopped;
  RunLogSink stopping("", "/ckpt", stopped.output());
  stopping.on_started(classifier_info());
  stopping.on_step({4, 0.5, {{"accuracy", 0.5}}, 1.0, ""});
  stopping.on_finished(4, true);
  const auto s = nlohmann::json::parse(stopped.text.back());
  EXPECT_EQ(s["status"], "stopped");
  EXPECT_FALSE(s.contains("stopped_early"));  // only a run that ran to its end says how it ended
  EXPECT_EQ(parse_run_log(stopped.joined(), 1).status, "stopped");

  Lines failed;
  RunLogSink failing("", "/ckpt", failed.output());
  failing.on_started(classifier_info());
  failing.on_step({3, 0.5, {}, 1.0, ""});
  failing.on_error("training diverged at step 4: the loss is nan");
  const auto f = nlohmann::json::parse(failed.text.back());
  EXPECT_EQ(f["status"], "failed");
  EXPECT_EQ(f["steps"], 3);
  EXPECT_EQ(f["error"], "training diverged at step 4: the loss is nan");
  EXPECT_FALSE(f.contains("checkpoint"));  // a failed run never overwrites its checkpoint
}

TEST(RunLog, FewShotEndsWithOneAccuracyPerK) {
  Lines lines;
  RunLogSink sink("", "", lines.output());
  SessionInfo info;
  info.kind = "fewshot";
  info.labels = {"a", "b", "c", "d"};
  sink.on_started(info);
  for (const auto& [k, accuracy] : std::vector<std::pair<int, double>>{{0, 0.25}, {2, 0.5}}) {
    SessionStep s;
    s.step = k;
    s.loss = std::nan("");
    s.evaluation = {{"fewshot_accuracy", accuracy}, {"examples", 8}};
    sink.on_step(s);
  }
  sink.on_finished(2, false);
  ASSERT_EQ(lines.text.size(), 4u);  // no step lines: nothing trained
  EXPECT_EQ(lines.text.back(),
            R"({"event":"final","labels":["a","b","c","d"],"chance":0.25,"test_accuracy":0.5,"by_k":[{"k":0,"accuracy":0.25,"examples":8},{"k":2,"accuracy":0.5,"examples":8}],"status":"done"})");
}
