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

void read_line(const json& j, RunLogChunk& out) {
  const auto event = j.value("event", std::string());
  if (event == "final") {
    out.finished = true;
    out.kind = "finetune";
    return;
  }
  if (!j.contains("step")) return;  // other events carry no step
  if (!j["step"].is_number_integer()) throw json::type_error::create(302, "step is not a whole number", &j);
  SessionStep s;
  s.step = j["step"].get<int64_t>();
  s.loss = std::numeric_limits<double>::quiet_NaN();  // an evaluation has no training loss
  if (event.empty() && j.contains("loss") && j["loss"].is_number()) s.loss = j["loss"].get<double>();
  if (j.contains("ms") && j["ms"].is_number()) s.ms = j["ms"].get<double>();
  if (j.contains("frozen") && j["frozen"].is_string()) s.frozen = j["frozen"].get<std::string>();
  for (auto it = j.begin(); it != j.end(); ++it)
    if (it.value().is_number() && is_metric(it.key())) s.metrics[it.key()] = it.value().get<double>();
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
