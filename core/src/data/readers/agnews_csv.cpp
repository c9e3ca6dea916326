#include "readers.h"
#include "text_lines.h"

#include "lmlab/data/labeled_dataset.h"

#include <optional>

namespace lmlab::readers {

namespace {

// One CSV record on one line (RFC 4180 quoting: "a ""quoted"" word"); nullopt with why
// set when the quoting is broken.
std::optional<std::vector<std::string>> parse_csv_line(const std::string& line, std::string& why) {
  std::vector<std::string> fields;
  size_t i = 0;
  while (true) {
    std::string field;
    if (i < line.size() && line[i] == '"') {
      ++i;
      while (true) {
        if (i >= line.size()) {
          why = "a quoted field is not closed";
          return std::nullopt;
        }
        if (line[i] == '"') {
          if (i + 1 < line.size() && line[i + 1] == '"') {
            field += '"';
            i += 2;
            continue;
          }
          ++i;
          break;
        }
        field += line[i++];
      }
      if (i < line.size() && line[i] != ',') {
        why = "text after a closing quote";
        return std::nullopt;
      }
    } else {
      while (i < line.size() && line[i] != ',') field += line[i++];
    }
    fields.push_back(std::move(field));
    if (i >= line.size()) return fields;
    ++i;  // the comma
  }
}

}  // namespace

LabeledDataset read_agnews_csv(const std::vector<Line>& lines, BadRows& bad) {
  LabeledDataset data;
  data.labels = {"World", "Sports", "Business", "Sci/Tech"};
  for (const auto& line : lines) {
    if (line.text.empty()) continue;
    std::string why;
    const auto fields = parse_csv_line(line.text, why);
    if (!fields) {
      bad.report(line.number, why);
      continue;
    }
    if (fields->size() != 3) {
      bad.report(line.number, "expected 3 fields (class, title, description), found " + std::to_string(fields->size()));
      continue;
    }
    const auto& cls = (*fields)[0];
    if (cls.size() != 1 || cls[0] < '1' || cls[0] > '4') {
      bad.report(line.number, "class '" + cls + "' is not 1 (World), 2 (Sports), 3 (Business) or 4 (Sci/Tech)");
      continue;
    }
    LabeledExample e;
    e.text_a = clean_agnews_text((*fields)[1]) + " . " + clean_agnews_text((*fields)[2]);
    e.label = cls[0] - '1';
    data.examples.push_back(std::move(e));
  }
  return data;
}

}  // namespace lmlab::readers
