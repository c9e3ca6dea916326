#include "label_map.h"
#include "readers.h"

#include "lmlab/error.h"

#include <nlohmann/json.hpp>

#include <array>
#include <optional>

namespace lmlab::readers {

namespace {

// The text fields Hugging Face datasets use: one text, or a sentence pair.
struct Fields {
  const char* a;
  const char* b;  // nullptr: single texts
};
constexpr std::array<Fields, 3> kLayouts = {{{"premise", "hypothesis"}, {"sentence1", "sentence2"}, {"text", nullptr}}};

std::optional<std::string> string_field(const nlohmann::json& j, const char* key) {
  if (!j.contains(key) || !j[key].is_string()) return std::nullopt;
  return j[key].get<std::string>();
}

}  // namespace

LabeledDataset read_jsonl(const std::vector<Line>& lines, BadRows& bad, const std::string& origin) {
  LabeledDataset data;
  const Fields* layout = nullptr;
  std::vector<std::pair<LabeledExample, std::string>> rows;
  for (const auto& line : lines) {
    if (line.text.find_first_not_of(" \t") == std::string::npos) continue;
    const auto j = nlohmann::json::parse(line.text, nullptr, /*allow_exceptions=*/false);
    if (j.is_discarded() || !j.is_object()) {
      bad.report(line.number, "not a JSON object");
      continue;
    }
    if (!layout) {  // the first object decides whether the file holds texts or pairs
      for (const auto& candidate : kLayouts)
        if (j.contains(candidate.a) && (!candidate.b || j.contains(candidate.b))) {
          layout = &candidate;
          break;
        }
      if (!layout)
        throw Error(origin + ":" + std::to_string(line.number) +
                    ": a JSON-lines dataset needs a 'text' field, or 'premise' and 'hypothesis', or 'sentence1' "
                    "and 'sentence2', and a 'label'");
      data.pairs = layout->b != nullptr;
    }
    const auto a = string_field(j, layout->a);
    const auto b = layout->b ? string_field(j, layout->b) : std::optional<std::string>("");
    if (!a || !b || a->empty() || (layout->b && b->empty())) {
      bad.report(line.number, std::string("needs non-empty string field") + (layout->b ? "s '" : " '") + layout->a +
                                  (layout->b ? "' and '" + std::string(layout->b) : std::string()) + "'");
      continue;
    }
    if (!j.contains("label")) {
      bad.report(line.number, "has no 'label'");
      continue;
    }
    const auto& label = j["label"];
    std::string name;
    if (label.is_number_integer()) {
      // Hugging Face marks unlabelled rows (test splits) with -1.
      if (label.get<int64_t>() < 0) {
        ++data.skipped_unlabeled;
        continue;
      }
      name = std::to_string(label.get<int64_t>());
    } else if (label.is_string() && !label.get<std::string>().empty()) {
      name = label.get<std::string>();
    } else {
      bad.report(line.number, "'label' must be a class id (0, 1, ...) or a label name");
      continue;
    }
    rows.push_back({{*a, *b, 0}, std::move(name)});
  }
  assign_labels(data, std::move(rows));
  return data;
}

}  // namespace lmlab::readers
