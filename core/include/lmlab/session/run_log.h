#pragma once

#include "lmlab/session/session_events.h"

#include <functional>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace lmlab {

// The JSON-lines log of a run: what lmlab-cli prints and writes with --log, and what the app
// keeps beside every run (log.jsonl). One format, written by RunLogSink and read back by
// parse_run_log, so a CLI run opens in the app as a full run and an app run can be read by
// scripts. One JSON object per line:
//   {"event":"start","kind":"finetune","arch":"bert",...,"config":{the run's settings}}
//   {"step":12,"loss":0.69,"accuracy":0.5,...,"frozen":"embeddings","ms":41.2}   every step
//   {"event":"eval","when":"during"|"end","step":12,"epoch":1,"validation_accuracy":...}
//   {"event":"final","steps":40,...,"status":"done"|"stopped"|"failed",...}  how it ended

enum class RunLogLine { Start, Step, Evaluation, Final };

// Turns a session's events into log lines and hands each to output, on the session thread.
class RunLogSink : public SessionSink {
 public:
  using Output = std::function<void(const std::string& line, RunLogLine kind)>;
  // config: the run's settings as a JSON object text (empty: none); checkpoint: where the
  // session saves, named in the final line.
  RunLogSink(std::string config_json, std::string checkpoint_dir, Output output);

  void on_started(const SessionInfo& info) override;
  void on_step(const SessionStep& step) override;
  void on_error(const std::string& message) override;
  void on_finished(int64_t steps, bool stopped) override;

 private:
  std::string final_line(int64_t steps, const std::string& status, const std::string& error) const;

  std::string config_json_, checkpoint_dir_;
  Output output_;
  SessionInfo info_;
  int64_t last_step_ = 0;
  std::optional<SessionStep> last_;                // the last training step, for a pretraining summary
  std::map<std::string, double> last_scores_;      // the latest value of every evaluation score
  std::optional<ClassificationReport> test_report_;
  std::vector<SessionStep> by_k_;                  // few-shot: one evaluation per k
};

// An output that appends every line to path, flushed line by line (a log can be followed while
// it grows). Throws lmlab::Error naming the file when it cannot be written.
RunLogSink::Output log_file_output(const std::string& path, bool append);

// What parse_run_log read from some complete lines of a log. Step lines become steps,
// evaluation events become steps with their scores in evaluation (and a NaN loss), the start
// event gives the run's description and settings, the final event ends the run. Lines that are
// not JSON objects are counted and the first one named, not fatal: a log being written may end
// in half a line (pass only complete lines). Logs from before the start event existed still
// read, their kind guessed from their keys.
struct RunLogChunk {
  std::vector<SessionStep> steps;
  std::optional<SessionInfo> info;  // from the start event
  std::string config_json;          // the start event's settings, a JSON object text (or empty)
  bool finished = false;            // a "final" event was read
  std::string status;               // the final event's: done | stopped | failed
  std::string final_json;           // the final event itself
  std::string kind;                 // pretrain | finetune | distill | fewshot once a line says which
  int bad_lines = 0;
  std::string first_problem;        // "line 17: ..." for the first bad line
};

// text: complete lines; first_line: the number of its first line in the file (1-based).
RunLogChunk parse_run_log(std::string_view text, int64_t first_line);

}  // namespace lmlab
