#include "label_map.h"
#include "readers.h"

#include "lmlab/error.h"


namespace lmlab::readers {

LabeledDataset read_tsv(const std::vector<Line>& lines, BadRows& bad, const std::string& origin) {
  LabeledDataset data;
  size_t first = 0;
  const auto head = split(lines.front().text, '\t');
  if (!head.empty() && (head.back() == "label" || head.back() == "gold_label")) first = 1;  // a header row
  const size_t columns = split(lines[first < lines.size() ? first : 0].text, '\t').size();
  if (columns != 2 && columns != 3)
    throw Error(origin + ":" + std::to_string(lines[first < lines.size() ? first : 0].number) +
                ": a TSV dataset has 2 columns (text, label) or 3 (sentence a, sentence b, label), found " +
                std::to_string(columns));
  data.pairs = columns == 3;
  std::vector<std::pair<LabeledExample, std::string>> rows;
  for (size_t i = first; i < lines.size(); ++i) {
    if (lines[i].text.empty()) continue;
    auto fields = split(lines[i].text, '\t');
    if (fields.size() != columns) {
      bad.report(lines[i].number, "expected " + std::to_string(columns) + " tab-separated columns, found " +
                                      std::to_string(fields.size()));
      continue;
    }
    if (fields.back().empty() || fields[0].empty()) {
      bad.report(lines[i].number, "an empty text or label");
      continue;
    }
    LabeledExample e;
    e.text_a = fields[0];
    if (data.pairs) e.text_b = fields[1];
    rows.emplace_back(std::move(e), fields.back());
  }
  assign_labels(data, std::move(rows));
  return data;
}

}  // namespace lmlab::readers
