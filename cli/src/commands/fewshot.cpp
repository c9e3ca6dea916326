#include "../command.h"

#include "lmlab/error.h"
#include "lmlab/parse_number.h"
#include "lmlab/session/fewshot_request.h"

#include <nlohmann/json.hpp>

#include <iostream>

namespace lmlab::cli {

namespace {

int fewshot(const Options& o) {
  FewShotRequest r;
  const auto ks = parse_integer_list(o.text("k"), 0, 64);
  if (!ks) throw UsageError("option '--k' expects numbers from 0 to 64 separated by commas, got '" + o.text("k") + "'");
  r.ks.assign(ks->begin(), ks->end());
  r.from = o.text("from");
  r.train = o.text("train");
  r.test = o.text("test");
  r.format = o.text("format");
  r.skip_bad_rows = o.flag("skip-bad-rows");
  r.max_test = o.integer("max-test", 1, 1'000'000);
  r.seed = static_cast<uint64_t>(o.integer("seed", 0, 1L << 40));
  r.device = o.text("device");
  auto job = make_fewshot_job(r);
  const auto info = job->info();
  nlohmann::ordered_json all = nlohmann::json::array();
  double last = 0;
  while (!job->done()) {
    const auto s = job->step();
    last = s.metrics.at("fewshot_accuracy");
    nlohmann::ordered_json j{{"k", s.step}, {"accuracy", last}, {"examples", static_cast<int64_t>(s.metrics.at("examples"))}};
    std::cout << j.dump() << "\n" << std::flush;
    all.push_back(j);
  }
  nlohmann::ordered_json final{{"event", "final"}, {"labels", info.labels},
                               {"chance", 1.0 / static_cast<double>(info.labels.size())},
                               {"test_accuracy", last}, {"by_k", all}};
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
           {"format", "auto|agnews-csv|mnli-tsv|mnli-jsonl|jsonl|tsv", "how to read the sets", "auto"},
           {"skip-bad-rows", "", "skip and count malformed rows", ""},
           {"k", "LIST", "numbers of demonstrations, e.g. 0,1,2,4,8", "0,1,2,4,8"},
           {"max-test", "N", "test examples scored per k", "200"},
           {"device", "auto|cpu|cuda", "where to run", "auto"},
           {"seed", "N", "which demonstrations are drawn", "1234"}},
          fewshot};
}

}  // namespace lmlab::cli
