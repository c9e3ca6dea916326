#include "lmlab/error.h"
#include "lmlab/session/run_log.h"

#include <nlohmann/json.hpp>

#include <cmath>
#include <fstream>
#include <memory>

namespace lmlab {

namespace {

using Json = nlohmann::ordered_json;

// Counters are written as whole numbers; everything else as it is. A NaN (a few-shot step has
// no loss) is left out: JSON has no NaN.
void put(Json& j, const std::string& key, double value) {
  if (std::isnan(value)) return;
  if (std::isfinite(value) && value == std::floor(value) && std::fabs(value) < 1e15 && key != "lr")
    j[key] = static_cast<int64_t>(value);
  else
    j[key] = value;
}

// The metrics of a step in a fixed order a reader can scan: the losses and accuracies of each
// objective side by side, then the schedule and speed, then counters (alphabetically).
void put_metrics(Json& j, const std::map<std::string, double>& metrics) {
  static const char* const kLeading[] = {"accuracy", "mlm_loss", "mlm_accuracy", "nsp_loss", "nsp_accuracy",
                                         "clm_loss", "clm_accuracy", "soft_loss", "hard_loss", "cosine_loss",
                                         "lr", "tokens_per_s"};
  for (const char* key : kLeading)
    if (const auto it = metrics.find(key); it != metrics.end()) put(j, key, it->second);
  for (const auto& [key, value] : metrics)
    if (!j.contains(key)) put(j, key, value);
}

bool is_classifier(const std::string& kind) { return kind == "finetune" || kind == "distill"; }

}  // namespace

RunLogSink::RunLogSink(std::string config_json, std::string checkpoint_dir, Output output)
    : config_json_(std::move(config_json)), checkpoint_dir_(std::move(checkpoint_dir)), output_(std::move(output)) {}

void RunLogSink::on_started(const SessionInfo& info) {
  info_ = info;
  last_step_ = info.first_step;
  Json j{{"event", "start"}, {"kind", info.kind}, {"arch", info.arch}, {"layers", info.layers},
         {"heads", info.heads}, {"parameters", info.parameters}, {"total_steps", info.total_steps},
         {"first_step", info.first_step}};
  if (!info.labels.empty()) j["labels"] = info.labels;
  j["description"] = info.description;
  j["probe"] = info.probe;
  j["config"] = config_json_.empty() ? Json::object() : Json::parse(config_json_);
  output_(j.dump(), RunLogLine::Start);
}

void RunLogSink::on_step(const SessionStep& s) {
  last_step_ = s.step;
  const auto epoch = s.metrics.find("epoch");
  if (!s.metrics.empty() || !std::isnan(s.loss)) {
    Json j{{"step", s.step}};
    if (epoch != s.metrics.end()) put(j, "epoch", epoch->second);
    put(j, "loss", s.loss);
    put_metrics(j, s.metrics);
    if (!s.frozen.empty()) j["frozen"] = s.frozen;
    j["ms"] = s.ms;
    output_(j.dump(), RunLogLine::Step);
    last_ = s;
  }
  if (s.evaluation.empty()) return;
  Json e{{"event", "eval"}, {"when", s.test_report ? "end" : "during"}, {"step", s.step}};
  if (epoch != s.metrics.end()) put(e, "epoch", epoch->second);
  put_metrics(e, s.evaluation);
  if (!s.note.empty()) e["note"] = s.note;
  output_(e.dump(), RunLogLine::Evaluation);
  for (const auto& [key, value] : s.evaluation) last_scores_[key] = value;
  if (s.test_report) test_report_ = s.test_report;
  if (info_.kind == "fewshot") by_k_.push_back(s);
}

void RunLogSink::on_error(const std::string& message) { output_(final_line(last_step_, "failed", message), RunLogLine::Final); }

void RunLogSink::on_finished(int64_t steps, bool stopped) {
  output_(final_line(std::max(steps, last_step_), stopped ? "stopped" : "done", {}), RunLogLine::Final);
}

std::string RunLogSink::final_line(int64_t steps, const std::string& status, const std::string& error) const {
  Json j{{"event", "final"}};
  const auto score = [&](const char* key) {
    if (const auto it = last_scores_.find(key); it != last_scores_.end()) put(j, key, it->second);
  };
  if (info_.kind == "fewshot") {
    // One score per k (the step number is k), the last one the headline.
    j["labels"] = info_.labels;
    j["chance"] = info_.labels.empty() ? 0.0 : 1.0 / static_cast<double>(info_.labels.size());
    if (const auto it = last_scores_.find("fewshot_accuracy"); it != last_scores_.end()) put(j, "test_accuracy", it->second);
    Json by_k = Json::array();
    for (const auto& s : by_k_) {
      Json k{{"k", s.step}};
      put(k, "accuracy", s.evaluation.at("fewshot_accuracy"));
      if (s.evaluation.count("examples")) put(k, "examples", s.evaluation.at("examples"));
      by_k.push_back(k);
    }
    j["by_k"] = by_k;
  } else {
    j["steps"] = steps;
    if (is_classifier(info_.kind) && status == "done")
      j["stopped_early"] = steps < info_.total_steps;  // a fine-tuning job ends early only by early stopping
    for (const char* key : {"train_accuracy", "validation_accuracy", "best_validation_accuracy", "test_accuracy",
                            "test_loss"})
      score(key);
    if (test_report_) {
      const auto report = Json::parse(test_report_->to_json(info_.labels));
      j["per_class"] = report["per_class"];
      j["confusion"] = report["confusion"];
    }
    if (!is_classifier(info_.kind) && last_) {
      Json last{{"loss", last_->loss}};
      put_metrics(last, last_->metrics);
      j["last"] = last;
    }
  }
  j["status"] = status;
  if (!error.empty()) j["error"] = error;
  if (info_.parameters > 0) j["parameters"] = info_.parameters;
  if (!info_.labels.empty() && info_.kind != "fewshot") j["labels"] = info_.labels;
  if (!checkpoint_dir_.empty() && status != "failed") j["checkpoint"] = checkpoint_dir_;
  return j.dump();
}

RunLogSink::Output log_file_output(const std::string& path, bool append) {
  auto file = std::make_shared<std::ofstream>(path, append ? std::ios::app : std::ios::trunc);
  if (!*file) throw Error("cannot write log file '" + path + "'");
  return [file, path](const std::string& line, RunLogLine) {
    *file << line << "\n" << std::flush;
    if (!*file) throw Error("cannot write log file '" + path + "' (disk full?)");
  };
}

}  // namespace lmlab
