#include "../command.h"
#include "../task_data_options.h"

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
  read_task_data_options(o, request);
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
  auto options = task_data_options();
  options.push_back({"seed", "N", "seed of the splits", std::to_string(FinetuneRequest{}.seed)});
  return {"baseline",
          "Bag-of-words naive Bayes and logistic regression on a labelled set: what counting words alone reaches "
          "(the validation share is left out of training, as finetune leaves it out)",
          options, baseline};
}

}  // namespace lmlab::cli
