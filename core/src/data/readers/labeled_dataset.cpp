#include "lmlab/data/labeled_dataset.h"

#include "lmlab/atomic_file.h"
#include "lmlab/error.h"
#include "readers.h"

#include <cctype>
#include <cstdlib>

namespace lmlab {

std::vector<size_t> LabeledDataset::class_counts() const {
  std::vector<size_t> counts(labels.size(), 0);
  for (const auto& e : examples) ++counts.at(static_cast<size_t>(e.label));
  return counts;
}

DatasetFormat parse_dataset_format(const std::string& name) {
  if (name == "auto") return DatasetFormat::Auto;
  if (name == "agnews" || name == "agnews-csv") return DatasetFormat::AgNewsCsv;
  if (name == "mnli-tsv") return DatasetFormat::MnliTsv;
  if (name == "mnli-jsonl") return DatasetFormat::MnliJsonl;
  if (name == "jsonl") return DatasetFormat::Jsonl;
  if (name == "tsv") return DatasetFormat::Tsv;
  throw Error("dataset format '" + name + "' is not auto, agnews, mnli-tsv, mnli-jsonl, jsonl or tsv");
}

std::string clean_agnews_text(const std::string& text) {
  std::string out;
  for (size_t i = 0; i < text.size();) {
    // "#36;" style numeric entities whose "&" was lost upstream, and real "&#36;".
    const size_t hash = text[i] == '&' && i + 1 < text.size() && text[i + 1] == '#' ? i + 1 : text[i] == '#' ? i : std::string::npos;
    if (hash != std::string::npos) {
      size_t j = hash + 1;
      while (j < text.size() && j - hash <= 6 && std::isdigit(static_cast<unsigned char>(text[j]))) ++j;
      if (j > hash + 1 && j < text.size() && text[j] == ';') {
        const long code = std::strtol(text.substr(hash + 1, j - hash - 1).c_str(), nullptr, 10);
        if (code >= 32 && code < 127) {
          out += static_cast<char>(code);
          i = j + 1;
          continue;
        }
      }
    }
    static const std::pair<const char*, const char*> named[] = {
        {"&lt;", "<"}, {"&gt;", ">"}, {"&amp;", "&"}, {"&quot;", "\""}, {"quot;", "\""}, {" \\ ", " "}, {"\\", " "}};
    bool replaced = false;
    for (const auto& [from, to] : named) {
      const std::string f = from;
      if (text.compare(i, f.size(), f) == 0) {
        out += to;
        i += f.size();
        replaced = true;
        break;
      }
    }
    if (!replaced) out += text[i++];
  }
  return out;
}

namespace {

DatasetFormat detect(const std::string& origin, const std::string& first_line) {
  const auto ends_with = [&](const char* suffix) {
    const std::string s = suffix;
    return origin.size() >= s.size() && origin.compare(origin.size() - s.size(), s.size(), s) == 0;
  };
  if (ends_with(".jsonl") || ends_with(".json")) {
    // MNLI's own files have gold_label (and no label); Hugging Face exports have label.
    const bool mnli = first_line.find("\"gold_label\"") != std::string::npos ||
                      (first_line.find("\"sentence1\"") != std::string::npos &&
                       first_line.find("\"label\"") == std::string::npos);
    return mnli ? DatasetFormat::MnliJsonl : DatasetFormat::Jsonl;
  }
  if (ends_with(".csv")) return DatasetFormat::AgNewsCsv;
  if (first_line.find("sentence1") != std::string::npos && first_line.find("gold_label") != std::string::npos)
    return DatasetFormat::MnliTsv;
  return DatasetFormat::Tsv;
}

}  // namespace

LabeledDataset parse_labeled_dataset(const std::string& text, const std::string& origin, const ReadOptions& options) {
  const auto lines = readers::checked_lines(text, origin);
  readers::BadRows bad(origin, options.skip_bad_rows);
  const auto format = options.format == DatasetFormat::Auto ? detect(origin, lines.front().text) : options.format;
  LabeledDataset data;
  switch (format) {
    case DatasetFormat::AgNewsCsv: data = readers::read_agnews_csv(lines, bad); break;
    case DatasetFormat::MnliTsv: data = readers::read_mnli_tsv(lines, bad, origin); break;
    case DatasetFormat::MnliJsonl: data = readers::read_mnli_jsonl(lines, bad); break;
    case DatasetFormat::Jsonl: data = readers::read_jsonl(lines, bad, origin); break;
    default: data = readers::read_tsv(lines, bad, origin);
  }
  data.skipped_bad_rows = bad.count();
  if (data.examples.empty()) throw Error(origin + " holds no usable examples");
  return data;
}

LabeledDataset read_labeled_dataset(const std::string& path, const ReadOptions& options) {
  return parse_labeled_dataset(read_file(path, "dataset"), path, options);
}

}  // namespace lmlab
