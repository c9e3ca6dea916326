#include "../command.h"
#include "../described_options.h"

#include "lmlab/baseline/bag_of_words.h"
#include "lmlab/session/finetune_request.h"

#include <nlohmann/json.hpp>

#include <iostream>

namespace lmlab::cli {

namespace {

// The data settings of fine-tuning, so a baseline scores exactly the rows a fine-tuning run
// of the same options would (the same splits from the same seed).
const std::vector<std::string>& baseline_keys() {
  static const std::vector<std::string> keys{"task", "train", "test", "validation_share", "test_share",
                                             "format", "skip_bad_rows", "train_limit", "seed"};
  return keys;
}

// Bag-of-words naive Bayes and logistic regression on the sets fine-tuning would use (the same
// training split and test set), one JSON line per model.
int baseline(const Options& o) {
  const auto request = described_request(finetune_description(), o, baseline_keys());
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
  return {"baseline",
          "Bag-of-words naive Bayes and logistic regression on a labelled set: what counting words alone reaches "
          "(the validation share is left out of training, as finetune leaves it out)",
          described_options(finetune_description(), baseline_keys()), baseline};
}

}  // namespace lmlab::cli
