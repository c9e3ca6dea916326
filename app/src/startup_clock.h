#pragma once

namespace lmlab::app {

// Milliseconds since the kernel started this process (so library loading counts), from
// /proc; -1 where /proc is unavailable.
double ms_since_process_start();

}  // namespace lmlab::app
