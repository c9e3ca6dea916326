#include "readers.h"

#include "lmlab/error.h"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <optional>

namespace lmlab::readers {

namespace {

const std::vector<std::string> kLabels = {"entailment", "neutral", "contradiction"};  // GLUE's order

// Adds the pair, or reports why not. "-" (no annotator majority) is skipped, as GLUE does.
void add_pair(LabeledDataset& data, BadRows& bad, size_t line, std::string a, std::string b, const std::string& gold) {
  if (gold == "-") {
    ++data.skipped_unlabeled;
    return;
  }
  const auto found = std::find(kLabels.begin(), kLabels.end(), gold);
  if (found == kLabels.end()) {
    bad.report(line, "label '" + gold + "' is not entailment, neutral or contradiction");
    return;
  }
  if (a.empty() || b.empty()) {
    bad.report(line, "an empty sentence");
    return;
  }
  data.examples.push_back({std::move(a), std::move(b), static_cast<int>(found - kLabels.begin())});
}

LabeledDataset empty_pairs() {
  LabeledDataset data;
  data.labels = kLabels;
  data.pairs = true;
  return data;
}

}  // namespace

LabeledDataset read_mnli_tsv(const std::vector<Line>& lines, BadRows& bad, const std::string& origin) {
  auto data = empty_pairs();
  const auto header = split(lines.front().text, '\t');
  const auto column = [&](const std::string& name) {
    const auto it = std::find(header.begin(), header.end(), name);
    if (it == header.end())
      throw Error(origin + ":1: the MNLI header has no '" + name + "' column (needs sentence1, sentence2, gold_label)");
    return static_cast<size_t>(it - header.begin());
  };
  const size_t s1 = column("sentence1"), s2 = column("sentence2"), gold = column("gold_label");
  for (size_t i = 1; i < lines.size(); ++i) {
    if (lines[i].text.empty()) continue;
    auto fields = split(lines[i].text, '\t');
    if (fields.size() != header.size()) {
      bad.report(lines[i].number, "expected " + std::to_string(header.size()) + " tab-separated columns as in the header, found " +
                                      std::to_string(fields.size()));
      continue;
    }
    add_pair(data, bad, lines[i].number, std::move(fields[s1]), std::move(fields[s2]), fields[gold]);
  }
  return data;
}

LabeledDataset read_mnli_jsonl(const std::vector<Line>& lines, BadRows& bad) {
  auto data = empty_pairs();
  for (const auto& line : lines) {
    if (line.text.find_first_not_of(" \t") == std::string::npos) continue;
    nlohmann::json j = nlohmann::json::parse(line.text, nullptr, /*allow_exceptions=*/false);
    if (j.is_discarded() || !j.is_object()) {
      bad.report(line.number, "not a JSON object");
      continue;
    }
    const auto text = [&](const char* key) -> std::optional<std::string> {
      if (!j.contains(key) || !j[key].is_string()) return std::nullopt;
      return j[key].get<std::string>();
    };
    const auto a = text("sentence1"), b = text("sentence2"), gold = text("gold_label");
    if (!a || !b || !gold) {
      bad.report(line.number, "needs string fields sentence1, sentence2 and gold_label");
      continue;
    }
    add_pair(data, bad, line.number, *a, *b, *gold);
  }
  return data;
}

}  // namespace lmlab::readers
