#include "../command.h"

#include "lmlab/data/labeled_dataset.h"
#include "lmlab/device_choice.h"
#include "lmlab/error.h"
#include "lmlab/inspect/few_shot.h"
#include "lmlab/io/checkpoint.h"

#include <nlohmann/json.hpp>

#include <iostream>
#include <sstream>

namespace lmlab::cli {

namespace {

std::vector<int> parse_ks(const std::string& text) {
  std::vector<int> ks;
  std::istringstream items(text);
  for (std::string item; std::getline(items, item, ',');) {
    size_t used = 0;
    int k = -1;
    try {
      k = std::stoi(item, &used);
    } catch (const std::exception&) {
      used = 0;
    }
    if (used == 0 || used != item.size() || k < 0 || k > 64)
      throw UsageError("option '--k' expects numbers from 0 to 64 separated by commas, got '" + text + "'");
    ks.push_back(k);
  }
  if (ks.empty()) throw UsageError("option '--k' is empty");
  return ks;
}

int fewshot(const Options& o) {
  const auto ks = parse_ks(o.text("k"));
  ReadOptions read;
  read.format = parse_dataset_format(o.text("format"));
  read.skip_bad_rows = o.flag("skip-bad-rows");
  const auto train = read_labeled_dataset(o.text("train"), read);
  const auto test = read_labeled_dataset(o.text("test"), read);
  auto checkpoint = load_checkpoint(o.text("from"), resolve_device(o.text("device")));
  const auto results = few_shot_accuracy(*checkpoint.model, *checkpoint.tokenizer, train, test, ks,
                                         o.integer("max-test", 1, 1'000'000),
                                         static_cast<uint64_t>(o.integer("seed", 0, 1L << 40)));
  nlohmann::ordered_json all = nlohmann::json::array();
  for (const auto& r : results) {
    nlohmann::ordered_json j{{"k", r.k}, {"accuracy", r.accuracy}, {"examples", r.examples}};
    std::cout << j.dump() << "\n";
    all.push_back(j);
  }
  nlohmann::ordered_json final{{"event", "final"}, {"labels", train.labels},
                               {"chance", 1.0 / static_cast<double>(train.labels.size())},
                               {"test_accuracy", results.back().accuracy}, {"by_k", all}};
  std::cout << final.dump() << "\n";
  return 0;
}

}  // namespace

Command fewshot_command() {
  return {"fewshot",
          "Score k-shot prompts with a GPT checkpoint: accuracy for each k",
          {{"from", "DIR", "GPT checkpoint", ""},
           {"train", "FILE", "where the demonstrations come from", ""},
           {"test", "FILE", "what is asked", ""},
           {"format", "auto|agnews-csv|mnli-tsv|mnli-jsonl|tsv", "how to read the sets", "auto"},
           {"skip-bad-rows", "", "skip and count malformed rows", ""},
           {"k", "LIST", "numbers of demonstrations, e.g. 0,1,2,4,8", "0,1,2,4,8"},
           {"max-test", "N", "test examples scored per k", "200"},
           {"device", "auto|cpu|cuda", "where to run", "auto"},
           {"seed", "N", "which demonstrations are drawn", "1234"}},
          fewshot};
}

}  // namespace lmlab::cli
