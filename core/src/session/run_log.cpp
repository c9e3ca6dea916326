#include "lmlab/session/run_log.h"

#include <nlohmann/json.hpp>

#include <cmath>
#include <limits>

namespace lmlab {

namespace {

using nlohmann::json;

// Numbers that are not curves: counters and sizes.
bool is_metric(const std::string& key) {
  return key != "step" && key != "loss" && key != "ms" && key != "epoch";
}

SessionInfo info_of(const json& j) {
  SessionInfo info;
  info.kind = j.value("kind", std::string());
  info.arch = j.value("arch", std::string());
  info.layers = j.value("layers", 0);
  info.heads = j.value("heads", 0);
  info.parameters = j.value("parameters", int64_t{0});
  info.total_steps = j.value("total_steps", int64_t{0});
  info.first_step = j.value("first_step", int64_t{0});
  info.labels = j.value("labels", std::vector<std::string>());
  info.description = j.value("description", std::string());
  info.probe = j.value("probe", std::string());
  return info;
}

void read_line(const json& j, RunLogChunk& out) {
  const auto event = j.value("event", std::string());
  if (event == "start") {
    out.info = info_of(j);
    out.kind = out.info->kind;
    if (j.contains("config") && j["config"].is_object()) out.config_json = j["config"].dump();
    return;
  }
  if (event == "final") {
    out.finished = true;
    out.status = j.value("status", std::string("done"));
    out.final_json = j.dump();
    if (out.kind.empty()) out.kind = "finetune";  // before start events, only fine-tuning logs had one
    return;
  }
  if (!j.contains("step")) return;  // other events carry no step
  if (!j["step"].is_number_integer()) throw json::type_error::create(302, "step is not a whole number", &j);
  SessionStep s;
  s.step = j["step"].get<int64_t>();
  s.loss = std::numeric_limits<double>::quiet_NaN();  // an evaluation has no training loss
  const bool evaluation = event == "eval";
  if (!evaluation && j.contains("loss") && j["loss"].is_number()) s.loss = j["loss"].get<double>();
  if (j.contains("ms") && j["ms"].is_number()) s.ms = j["ms"].get<double>();
  if (j.contains("frozen") && j["frozen"].is_string()) s.frozen = j["frozen"].get<std::string>();
  if (j.contains("note") && j["note"].is_string()) s.note = j["note"].get<std::string>();
  auto& into = evaluation ? s.evaluation : s.metrics;
  for (auto it = j.begin(); it != j.end(); ++it)
    if (it.value().is_number() && is_metric(it.key())) into[it.key()] = it.value().get<double>();
  if (!evaluation && j.contains("epoch") && j["epoch"].is_number()) s.metrics["epoch"] = j["epoch"].get<double>();
  if (event.empty() && out.kind.empty())
    out.kind = j.contains("epoch") || j.contains("accuracy") ? "finetune" : "pretrain";
  out.steps.push_back(std::move(s));
}

}  // namespace

RunLogChunk parse_run_log(std::string_view text, int64_t first_line) {
  RunLogChunk out;
  int64_t number = first_line;
  size_t start = 0;
  while (start < text.size()) {
    size_t end = text.find('\n', start);
    if (end == std::string_view::npos) end = text.size();
    const auto line = text.substr(start, end - start);
    start = end + 1;
    const int64_t here = number++;
    if (line.find_first_not_of(" \t\r") == std::string_view::npos) continue;
    const auto j = json::parse(line.begin(), line.end(), nullptr, /*allow_exceptions=*/false);
    if (j.is_discarded() || !j.is_object()) {
      if (out.bad_lines++ == 0)
        out.first_problem = "line " + std::to_string(here) + " is not a JSON object: " +
                            std::string(line.substr(0, 60));
      continue;
    }
    try {
      read_line(j, out);
    } catch (const json::exception&) {
      if (out.bad_lines++ == 0) out.first_problem = "line " + std::to_string(here) + " has a field of the wrong type";
    }
  }
  return out;
}

}  // namespace lmlab
