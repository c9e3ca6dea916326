#pragma once

#include "options.h"

#include <functional>
#include <string>
#include <vector>

namespace lmlab::cli {

// One subcommand of lmlab-cli. run() returns the process exit code; lmlab::Error escaping it
// is printed and exits 1, UsageError exits 2 with the command's usage.
struct Command {
  std::string name;
  std::string summary;
  std::vector<OptionSpec> options;
  std::function<int(const Options&)> run;
};

std::vector<Command> all_commands();

// Each file in commands/ contributes its commands through one of these.
Command info_command();
std::vector<Command> tokenizer_commands();
Command pretrain_command();
Command finetune_command();
Command fewshot_command();
Command distill_command();
std::vector<Command> inspect_commands();
std::vector<Command> inspect_view_commands();
Command bench_command();
std::vector<Command> hf_commands();
Command data_stats_command();
Command data_build_command();
Command baseline_command();
Command describe_command();

}  // namespace lmlab::cli
