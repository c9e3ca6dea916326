#pragma once

#include "lmlab/data/labeled_dataset.h"
#include "text_lines.h"

namespace lmlab::readers {

// One function per format; they see checked lines and report malformed rows to bad.
LabeledDataset read_agnews_csv(const std::vector<Line>& lines, BadRows& bad);
LabeledDataset read_mnli_tsv(const std::vector<Line>& lines, BadRows& bad, const std::string& origin);
LabeledDataset read_mnli_jsonl(const std::vector<Line>& lines, BadRows& bad);
// JSON lines as Hugging Face datasets export them: {"text", "label"} or pairs {"premise",
// "hypothesis", "label"} / {"sentence1", "sentence2", "label"}; labels are class ids or names.
LabeledDataset read_jsonl(const std::vector<Line>& lines, BadRows& bad, const std::string& origin);
LabeledDataset read_tsv(const std::vector<Line>& lines, BadRows& bad, const std::string& origin);

}  // namespace lmlab::readers
