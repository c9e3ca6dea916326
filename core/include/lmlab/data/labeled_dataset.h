#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <utility>
#include <vector>

namespace lmlab {

// One example for fine-tuning: a single text (text_b empty) or a sentence pair.
struct LabeledExample {
  std::string text_a;
  std::string text_b;
  int label = 0;  // index into LabeledDataset::labels
};

// Examples read from a file, with the label map that the checkpoint keeps.
struct LabeledDataset {
  std::vector<LabeledExample> examples;
  std::vector<std::string> labels;  // index -> name
  bool pairs = false;               // sentence-pair task (NLI)
  size_t skipped_bad_rows = 0;      // with skip_bad_rows
  size_t skipped_unlabeled = 0;     // MNLI rows whose gold label is "-"

  std::vector<size_t> class_counts() const;
};

enum class DatasetFormat { Auto, AgNewsCsv, MnliTsv, MnliJsonl, Jsonl, Tsv };

struct ReadOptions {
  DatasetFormat format = DatasetFormat::Auto;
  bool skip_bad_rows = false;  // count malformed rows instead of failing on the first
};

// Reads AG News CSV ("class","title","description"; classes 1-4), MNLI GLUE TSV (header,
// sentence1, sentence2, gold_label) or JSONL, JSON lines as Hugging Face datasets export them
// ({"text", "label"}, {"premise", "hypothesis", "label"}), and generic TSV (text<TAB>label or
// a<TAB>b<TAB>label). Auto picks by extension and first line. Every problem is an
// lmlab::Error naming the file and line: malformed rows, unknown labels, invalid UTF-8,
// lines over 1 MiB, binary data, empty files.
LabeledDataset read_labeled_dataset(const std::string& path, const ReadOptions& options = {});
LabeledDataset parse_labeled_dataset(const std::string& text, const std::string& origin, const ReadOptions& options);

// Splits a share of the examples off, the same share of every label (at least one of each
// label with two or more examples), picked by a seeded shuffle: {kept, held out}. Copies of
// a row go to the same side, unless the data is so repetitive that no row's copies fit in the
// share. Both keep the label map. share 0 holds nothing out.
std::pair<LabeledDataset, LabeledDataset> split_off(const LabeledDataset& data, double share, uint64_t seed);

DatasetFormat parse_dataset_format(const std::string& name);  // auto|agnews|mnli-tsv|mnli-jsonl|jsonl|tsv

// AG News's leftovers of its HTML source: "#36;" -> "$", "#39;" -> "'", " \ " line breaks ->
// space, "&lt;" and friends.
std::string clean_agnews_text(const std::string& text);

}  // namespace lmlab
