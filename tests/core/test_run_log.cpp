#include "lmlab/session/run_log.h"

#include <gtest/gtest.h>

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
  EXPECT_DOUBLE_EQ(chunk.steps[1].metrics.at("test_accuracy"), 0.55);
}

TEST(RunLog, NamesTheFirstLineItCannotRead) {
  const auto chunk = parse_run_log("{\"step\":1,\"loss\":2}\nnot json at all\n{\"step\":\"two\",\"loss\":1}\n"
                                   "{\"step\":3,\"loss\":1,\"note\":\"\xff\xfe\"}\n\n",
                                   40);
  EXPECT_EQ(chunk.steps.size(), 1u);
  EXPECT_EQ(chunk.bad_lines, 3);
  EXPECT_EQ(chunk.first_problem.rfind("line 41 is not a JSON object: not json at all", 0), 0u) << chunk.first_problem;
}
