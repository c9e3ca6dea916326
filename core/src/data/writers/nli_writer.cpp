#include "lmlab/data/nli_writer.h"

#include <sstream>

namespace lmlab {

namespace {

// A right-branching binary parse: the columns exist in MNLI, readers must skip them.
std::string binary_parse(const std::string& text) {
  std::istringstream words(text);
  std::vector<std::string> tokens;
  for (std::string t; words >> t;) tokens.push_back(t);
  std::string out = tokens.back();
  for (size_t i = tokens.size() - 1; i-- > 0;) out = "( " + tokens[i] + " " + out + " )";
  return out;
}

std::string json_string(const std::string& text) {
  std::string out = "\"";
  for (char c : text) {
    if (c == '"' || c == '\\') out += '\\';
    out += c;
  }
  return out + "\"";
}

std::string pair_id(const NliPair& p) { return std::to_string(p.prompt) + p.label.substr(0, 1); }

}  // namespace

std::string mnli_tsv(const std::vector<NliPair>& pairs, bool dev) {
  std::ostringstream out;
  out << "index\tpromptID\tpairID\tgenre\tsentence1_binary_parse\tsentence2_binary_parse\tsentence1_parse\t"
         "sentence2_parse\tsentence1\tsentence2\tlabel1\t";
  out << (dev ? "label2\tlabel3\tlabel4\tlabel5\tgold_label\n" : "gold_label\n");
  for (size_t i = 0; i < pairs.size(); ++i) {
    const auto& p = pairs[i];
    out << i << "\t" << p.prompt << "\t" << pair_id(p) << "\tlab\t" << binary_parse(p.premise) << "\t"
        << binary_parse(p.hypothesis) << "\t(ROOT (S " << p.premise << "))\t(ROOT (S " << p.hypothesis << "))\t"
        << p.premise << "\t" << p.hypothesis << "\t" << p.label << "\t";
    if (dev) out << p.label << "\t" << p.label << "\t" << p.label << "\t" << p.label << "\t";
    out << p.label << "\n";
  }
  return out.str();
}

std::string mnli_jsonl(const std::vector<NliPair>& pairs) {
  std::ostringstream out;
  for (const auto& p : pairs)
    out << "{\"annotator_labels\": [" << json_string(p.label) << "], \"genre\": \"lab\", \"gold_label\": "
        << json_string(p.label) << ", \"pairID\": " << json_string(pair_id(p)) << ", \"promptID\": "
        << json_string(std::to_string(p.prompt)) << ", \"sentence1\": " << json_string(p.premise)
        << ", \"sentence1_binary_parse\": " << json_string(binary_parse(p.premise)) << ", \"sentence2\": "
        << json_string(p.hypothesis) << ", \"sentence2_binary_parse\": " << json_string(binary_parse(p.hypothesis))
        << "}\n";
  return out.str();
}

}  // namespace lmlab
