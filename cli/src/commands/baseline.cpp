#include "../command.h"

#include "lmlab/baseline/bag_of_words.h"
#include "lmlab/session/finetune_request.h"

#include <nlohmann/json.hpp>

#include <iostream>

namespace lmlab::cli {

namespace {

// Bag-of-words naive Bayes and logistic regression on the sets fine-tuning would use (the same
// training split and test set), one JSON line per model.
int baseline(const Options& o) {
  FinetuneRequest request;
  request.task = o.text("task");
  request.train = o.text("train");
  if (o.has("test")) request.test = o.text("test");
  request.format = o.text("format");
  request.skip_bad_rows = o.flag("skip-bad-rows");
  if (o.has("train-limit")) request.max_train_examples = static_cast<size_t>(o.integer("train-limit", 1, 100'000'000));
  request.validation_share = o.real("validation-share", 0, 0.49);
  request.test_share = o.real("test-share", 0.01, 0.49);
  request.seed = static_cast<uint64_t>(o.integer("seed", 0, 1L << 40));
  const auto data = read_task_data(request);
  for (const auto& warning : data.warnings) std::cerr << "baseline: " << warning << "\n";
  for (const auto& r : run_bag_of_words_baselines(data.train, data.test)) {
    auto report = nlohmann::ordered_json::parse(r.test.to_json(data.train.labels));
    nlohmann::ordered_json j{{"event", "baseline"}, {"model", r.model}, {"train_examples", data.train.examples.size()},
                             {"test_set", data.test_origin}, {"train_accuracy", r.train.accuracy},
                             {"test_accuracy", r.test.accuracy}, {"test_loss", r.test.loss},
                             {"per_class", report["per_class"]}, {"confusion", report["confusion"]},
                             {"labels", data.train.labels}, {"seconds", r.seconds}};
    std::cout << j.dump() << "\n";
  }
  return 0;
}

}  // namespace

Command baseline_command() {
  const FinetuneRequest defaults;
  return {"baseline",
          "Bag-of-words naive Bayes and logistic regression on a labelled set: what counting words alone reaches",
          {{"task", "classify|pair", "single texts or sentence pairs", "classify"},
           {"train", "FILE", "training set", ""},
           {"test", "FILE", "test set (default: --test-share of the training set, as finetune takes it)", ""},
           {"format", "auto|agnews-csv|mnli-tsv|mnli-jsonl|jsonl|tsv", "how to read the sets", "auto"},
           {"skip-bad-rows", "", "skip and count malformed rows", ""},
           {"train-limit", "N", "use only the first N training examples", ""},
           {"validation-share", "X", "share held out for validation, left out here as finetune leaves it out",
            std::to_string(defaults.validation_share)},
           {"test-share", "X", "share of the training set held out as the test set when --test is not given",
            std::to_string(defaults.test_share)},
           {"seed", "N", "seed of the splits", std::to_string(defaults.seed)}},
          baseline};
}

}  // namespace lmlab::cli
