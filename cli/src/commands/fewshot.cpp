#include "../command.h"
#include "../described_options.h"
#include "../session_run.h"

#include "lmlab/session/fewshot_request.h"

namespace lmlab::cli {

namespace {

// One evaluation line per k, then the final report with every k's accuracy.
int fewshot(const Options& o) {
  const auto request = described_request(fewshot_description(), o);
  SessionRun run;
  run.config_json = fewshot_description().values(request).dump();
  run_session(make_fewshot_job(request), run);
  return 0;
}

}  // namespace

Command fewshot_command() {
  return {"fewshot", fewshot_description().summary(), described_options(fewshot_description()), fewshot};
}

}  // namespace lmlab::cli
