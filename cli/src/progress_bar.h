#pragma once

#include <chrono>
#include <cstdint>
#include <string>

namespace lmlab::cli {

// A one-line progress bar on stderr, drawn only when stderr is a terminal (scripts and
// logs get the JSON lines alone). Redraws at most 10 times a second.
class ProgressBar {
 public:
  explicit ProgressBar(int64_t total);
  void update(int64_t done, const std::string& note);
  void clear();  // erase the line so other output starts clean

 private:
  int64_t total_;
  bool enabled_;
  bool drawn_ = false;
  std::chrono::steady_clock::time_point start_, last_draw_;
};

}  // namespace lmlab::cli
