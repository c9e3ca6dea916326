#pragma once

#include "lmlab/session/training_session.h"

#include <cstdint>
#include <functional>

namespace lmlab::test {

// Sends count random commands (pause, resume, freeze through post, save, new probes, no-op
// posts) to a running session from two threads at once, and leaves it running (resumed).
// Torch-free, so the same driver runs in the ThreadSanitizer build.
void drive_random_commands(TrainingSession& session, int count, uint64_t seed,
                           const std::function<void(TrainingJob&, uint64_t)>& freeze, const std::string& save_dir);

}  // namespace lmlab::test
