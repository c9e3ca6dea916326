#pragma once

#include "options.h"

#include "lmlab/session/finetune_request.h"

#include <vector>

namespace lmlab::cli {

// The options that say which labelled data a command reads and how it is split (train, test
// or a held-out test share, validation share): finetune, distill and baseline take the same
// ones, so a baseline scores exactly the rows a fine-tuning run would.
std::vector<OptionSpec> task_data_options();
void read_task_data_options(const Options& options, FinetuneRequest& request);

}  // namespace lmlab::cli
