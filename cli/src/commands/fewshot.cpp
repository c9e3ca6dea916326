#include "../command.h"
#include "../described_options.h"

#include "lmlab/error.h"
#include "lmlab/session/fewshot_request.h"

#include <nlohmann/json.hpp>

#include <iostream>

namespace lmlab::cli {

namespace {

int fewshot(const Options& o) {
  const auto r = described_request(fewshot_description(), o);
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
  return {"fewshot", fewshot_description().summary(), described_options(fewshot_description()), fewshot};
}

}  // namespace lmlab::cli
