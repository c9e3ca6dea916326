#include "../command.h"
#include "../described_options.h"
#include "../parallel_job.h"
#include "../session_run.h"

#include "lmlab/session/pretrain_resume.h"
#include "lmlab/train/pretrainer.h"

#include <iostream>

namespace lmlab::cli {

namespace {

int pretrain(const Options& o) {
  auto request = described_request(pretrain_description(), o);
  const std::string out_dir = o.text("out");
  check_run_outputs(o, FolderKind::checkpoint(to_string(request.arch)), {request.corpus, request.tokenizer_file});
  if (const auto code = run_ranks_if_asked(o)) return *code;
  // A data-parallel rank: rank 0 prepares first (it may train and cache the tokenizer), the
  // others then read the same; rank 0 alone prints, logs and writes the checkpoint.
  const auto parallel = join_job_if_rank(o, request.device);
  const bool leader = !parallel || parallel->leader();
  PreparedPretraining prepared;
  if (parallel) parallel->leader_first([&] { prepared = prepare_pretraining(request); });
  else prepared = prepare_pretraining(request);
  if (!request.resume.empty()) {
    resume_pretraining(request, prepared);
    if (leader) std::cerr << "pretrain: resuming " << request.resume << " at step " << prepared.trainer->steps_done() << "\n";
  }
  if (parallel) {
    parallel->attach(*prepared.trainer->model());
    prepared.trainer->set_data_parallel(parallel);
  }
  const auto steps = prepared.trainer->settings().steps;
  auto job = make_pretrain_job(std::move(prepared), request);
  if (leader) {
    std::cerr << "pretrain: " << job->info().description << "\n";
    if (parallel)
      std::cerr << "pretrain: data-parallel over " << parallel->world_size()
                << " processes (Gloo); each trains its share of every batch of " << request.batch << "\n";
  }
  const auto outcome = run_session(std::move(job), session_run_from(o, pretrain_description().values(request).dump(), steps,
                                                                     !request.resume.empty(), parallel.get()));
  if (!leader) return outcome.interrupted ? 130 : 0;
  if (outcome.interrupted) {
    std::cerr << "pretrain: interrupted after step " << outcome.steps << "; checkpoint written to " << out_dir << "\n";
    return 130;
  }
  if (outcome.stopped)
    std::cerr << "pretrain: stopped at step " << outcome.steps << " of " << steps << " as asked; continue with --resume "
              << out_dir << "\n";
  else
    std::cerr << "pretrain: " << steps << " steps done; checkpoint written to " << out_dir << "\n";
  return 0;
}

}  // namespace

Command pretrain_command() {
  Command command{"pretrain", pretrain_description().summary(), described_options(pretrain_description()), pretrain};
  const std::vector<OptionSpec> run_options{
      {"out", "DIR", "checkpoint directory to write (replaced atomically)", "", true},
      {"log", "FILE", "write the run log (settings, every step, the end) as JSON lines", ""},
      {"log-every", "N", "print step metrics every N steps", "10"},
      {"threads", "N", "CPU threads (0: one per core)", ""},
      {"stop-at", "N", "stop after step N of the schedule and save a checkpoint --resume continues", ""}};
  command.options.insert(command.options.end(), run_options.begin(), run_options.end());
  for (auto& option : parallel_options()) command.options.push_back(option);
  return command;
}

}  // namespace lmlab::cli
