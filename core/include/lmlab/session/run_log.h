#pragma once

#include "lmlab/session/session_events.h"

#include <string>
#include <string_view>
#include <vector>

namespace lmlab {

// The JSON-lines logs lmlab-cli writes (pretrain --log, finetune --log), read back as steps,
// so a run on another machine can be watched as its log grows. Step lines become steps;
// evaluation events become steps with train/test accuracy and loss; the final event ends the
// run. Lines that are not JSON objects are counted and the first one named, not fatal: a
// log being written may end in half a line (pass only complete lines).
struct RunLogChunk {
  std::vector<SessionStep> steps;
  bool finished = false;       // a "final" event was read
  std::string kind;            // "pretrain" or "finetune" once a line says which; else empty
  int bad_lines = 0;
  std::string first_problem;   // "line 17: ..." for the first bad line
};

// text: complete lines; first_line: the number of its first line in the file (1-based).
RunLogChunk parse_run_log(std::string_view text, int64_t first_line);

}  // namespace lmlab
