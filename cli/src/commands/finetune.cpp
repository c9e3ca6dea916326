#include "../command.h"
#include "../parallel_job.h"
#include "../described_options.h"
#include "../session_run.h"

#include "lmlab/error.h"
#include "lmlab/session/prepared_finetuning.h"

#include <optional>
#include <iostream>

namespace lmlab::cli {

namespace {

const Description<FinetuneRequest>& command_description(bool distill) {
  return distill ? distill_description() : finetune_description();
}

// Fine-tuning, or with distill set, knowledge distillation into a smaller student: the same
// data, schedule, freezing and reports either way.
int run(const Options& o, bool distill) {
  auto request = described_request(command_description(distill), o);
  const auto out_dir = o.text("out");  // asked before training, not after it
  // The student is of its starting checkpoint's (or teacher's) architecture.
  const auto start = folder_kind(request.resume.empty() ? request.from : request.resume);
  if (start.holds == FolderKind::Holds::Checkpoint)
    check_run_outputs(o, start, {request.from, request.train, request.test});
  if (const auto code = run_ranks_if_asked(o)) return *code;
  // Data-parallel ranks prepare the same data and model (one seed); rank 0 alone prints,
  // logs and writes the checkpoint. Every rank evaluates (the same numbers), so none waits.
  const auto parallel = join_job_if_rank(o, request.device);
  std::optional<PreparedFinetuning> ready;
  if (parallel) {
    parallel->leader_first([&] { ready = prepare_finetuning(request); });
    parallel->attach(*ready->tuner->model());
    ready->tuner->set_data_parallel(parallel);
  } else {
    ready = prepare_finetuning(request);
  }
  const bool leader = !parallel || parallel->leader();
  const char* name = distill ? "distill: " : "finetune: ";
  if (leader) {
    for (const auto& warning : ready->warnings) std::cerr << name << warning << "\n";
    std::cerr << name << ready->info.description << "\n";
    if (parallel)
      std::cerr << name << parallel_summary(*parallel, request.batch) << "\n";
  }
  const auto total = ready->tuner->total_steps();
  // Validation as the request says (early stopping looks there), the test set once at the end;
  // a request with resume set continues its checkpoint.
  auto job = make_finetune_job(std::move(*ready), std::make_shared<const FinetuneRequest>(request));
  if (!request.resume.empty()) std::cerr << name << "resuming " << request.resume << " at step " << job->info().first_step << "\n";
  const auto outcome =
      run_session(std::move(job), session_run_from(o, command_description(distill).values(request).dump(), total,
                                                   !request.resume.empty(), parallel.get()));
  if (!leader) return outcome.interrupted ? 130 : 0;
  if (outcome.interrupted) {
    std::cerr << name << "interrupted after step " << outcome.steps << "; continue with --resume " << out_dir << "\n";
    return 130;
  }
  if (outcome.stopped)
    std::cerr << name << "stopped at step " << outcome.steps << " of " << total << " as asked; continue with --resume "
              << out_dir << "\n";
  return 0;
}

// The described settings, then what the command line adds: where the checkpoint and the log
// go, and the data-parallel launcher's options.
std::vector<OptionSpec> command_options(bool distill) {
  auto options = described_options(command_description(distill));
  const std::vector<OptionSpec> output{{"out", "DIR", "checkpoint to write (with the label map)", "", true},
                                       {"log", "FILE", "write the run log (settings, every step and evaluation, the end) as JSON lines", ""},
                                       {"log-every", "N", "print step metrics every N steps", "20"},
                                       {"threads", "N", "CPU threads (0: one per core)", ""},
                                       {"stop-at", "N", "stop after step N and save a checkpoint --resume continues", ""}};
  options.insert(options.end(), output.begin(), output.end());
  for (auto& option : parallel_options()) options.push_back(option);
  return options;
}

}  // namespace

Command finetune_command() {
  return {"finetune", finetune_description().summary(), command_options(false), [](const Options& o) { return run(o, false); }};
}

Command distill_command() {
  return {"distill", distill_description().summary(), command_options(true), [](const Options& o) { return run(o, true); }};
}

}  // namespace lmlab::cli
