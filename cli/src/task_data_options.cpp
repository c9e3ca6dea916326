#include "task_data_options.h"

#include <string>

namespace lmlab::cli {

std::vector<OptionSpec> task_data_options() {
  const FinetuneRequest defaults;
  return {{"task", "classify|pair", "single texts or sentence pairs ([CLS] a [SEP] b [SEP])", defaults.task},
          {"train", "FILE", "training set", ""},
          {"test", "FILE", "test set, scored once at the end (default: --test-share of the training set)", ""},
          {"validation-share", "X", "share of the training set held out to score every epoch",
           default_text(defaults.validation_share)},
          {"test-share", "X", "share of the training set held out as the test set when --test is not given",
           default_text(defaults.test_share)},
          {"format", "auto|agnews-csv|mnli-tsv|mnli-jsonl|jsonl|tsv", "how to read the sets", defaults.format},
          {"skip-bad-rows", "", "skip and count malformed rows", ""},
          {"train-limit", "N", "use only the first N training examples (a small labelled set)", ""}};
}

void read_task_data_options(const Options& o, FinetuneRequest& r) {
  r.task = o.text("task");
  if (r.task != "classify" && r.task != "pair")
    throw UsageError("option '--task' must be classify or pair, got '" + r.task + "'");
  r.train = o.text("train");
  if (o.has("test")) r.test = o.text("test");
  r.validation_share = o.real("validation-share", 0, 0.49);
  r.test_share = o.real("test-share", 0.01, 0.49);
  r.format = o.text("format");
  r.skip_bad_rows = o.flag("skip-bad-rows");
  if (o.has("train-limit")) r.max_train_examples = static_cast<size_t>(o.integer("train-limit", 1, 100'000'000));
}

}  // namespace lmlab::cli
