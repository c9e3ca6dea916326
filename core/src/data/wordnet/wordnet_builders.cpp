#include "lmlab/atomic_file.h"
#include "lmlab/data/nli_writer.h"
#include "lmlab/data/wordnet.h"
#include "lmlab/error.h"
#include "fnv1a.h"

#include <algorithm>
#include <filesystem>
#include <map>
#include <sstream>

namespace lmlab {

namespace {

namespace fs = std::filesystem;

// Deterministic choices without a random generator: order and pick by a hash of the key.
uint64_t salted_hash(const std::string& text, uint64_t salt = 0) { return fnv1a(text, kFnv1aOffset ^ salt); }

std::string a(const std::string& word) {
  return (word.find_first_of("aeiou") == 0 ? "an " : "a ") + word;
}

std::string sentence(std::string text) {
  while (!text.empty() && text.back() == ' ') text.pop_back();
  if (!text.empty() && text.back() != '.' && text.back() != '?' && text.back() != '!') text += " .";
  return text;
}

std::string corpus(const WordNet& wn, size_t& documents) {
  std::ostringstream out;
  for (const auto& s : wn.synsets()) {
    if (s.definition.empty() || s.words.empty()) continue;
    std::vector<std::string> lines;
    const auto& w = s.words[0];
    lines.push_back(sentence(w + " means " + s.definition));
    for (size_t i = 1; i < s.words.size() && i < 4; ++i) lines.push_back(sentence(w + " is also called " + s.words[i]));
    for (const auto& key : s.hypernyms)
      if (const auto* h = wn.find(key); h && !h->words.empty())
        lines.push_back(sentence(s.pos == 'v' ? "to " + w + " is a way to " + h->words[0]
                                              : a(w) + " is a kind of " + h->words[0]));
    for (const auto& key : s.antonyms)
      if (const auto* o = wn.find(key); o && !o->words.empty())
        lines.push_back(sentence(w + " is the opposite of " + o->words[0]));
    for (const auto& e : s.examples) lines.push_back(sentence(e));
    if (lines.size() < 2) continue;
    for (const auto& l : lines) out << l << "\n";
    out << "\n";
    ++documents;
  }
  return out.str();
}

// Definition -> lexicographer category, the same number of examples per category.
std::string topic_rows(const WordNet& wn, const std::vector<std::string>& labels, bool test, size_t& count) {
  std::map<std::string, std::vector<const Synset*>> by_label;
  for (const auto& s : wn.synsets())
    if (!s.definition.empty() && std::find(labels.begin(), labels.end(), lexname(s.lex_file)) != labels.end())
      by_label[lexname(s.lex_file)].push_back(&s);
  size_t per_label = 1200;
  for (const auto& label : labels) per_label = std::min(per_label, by_label[label].size());
  std::vector<std::pair<uint64_t, std::string>> rows;
  for (const auto& label : labels) {
    auto& list = by_label[label];
    std::sort(list.begin(), list.end(),
              [](const Synset* x, const Synset* y) { return salted_hash(x->key) < salted_hash(y->key); });
    for (size_t i = 0; i < per_label; ++i) {
      const bool is_test = salted_hash(list[i]->key, 7) % 10 == 0;
      if (is_test == test) rows.emplace_back(salted_hash(list[i]->key, 3), list[i]->definition + "\t" + label);
    }
  }
  std::sort(rows.begin(), rows.end());
  std::ostringstream out;
  out << "text\tlabel\n";
  for (const auto& [h, row] : rows) out << row << "\n";
  count += rows.size();
  return out.str();
}

bool single_word(const std::string& w) { return !w.empty() && w.find_first_not_of("abcdefghijklmnopqrstuvwxyz") == std::string::npos; }

std::vector<NliPair> nli_pairs(const WordNet& wn) {
  static const std::vector<std::string> subjects = {"a woman", "a man", "a child", "a student", "an old man", "a girl"};
  static const std::vector<std::string> verbs = {"looking at", "drawing", "photographing", "pointing at", "thinking about"};
  static const std::vector<std::string> places = {"in the park", "at home", "near the window", "in the museum", "today"};
  const std::vector<int> lex_files = {5, 6, 13, 20};  // animal, artifact, food, plant
  std::vector<const Synset*> candidates;
  for (const auto& s : wn.synsets())
    if (s.pos == 'n' && std::find(lex_files.begin(), lex_files.end(), s.lex_file) != lex_files.end() && !s.words.empty() &&
        single_word(s.words[0]) && !s.hypernyms.empty())
      candidates.push_back(&s);
  std::sort(candidates.begin(), candidates.end(),
            [](const Synset* x, const Synset* y) { return salted_hash(x->key) < salted_hash(y->key); });
  std::vector<NliPair> pairs;
  int prompt = 0;
  for (const auto* s : candidates) {
    if (prompt >= 4000) break;
    const auto* hyper = wn.find(s->hypernyms[0]);
    if (!hyper || hyper->words.empty() || !single_word(hyper->words[0])) continue;
    // A sibling under the same hypernym, and a thing from another lexicographer file.
    const Synset* sibling = nullptr;
    for (size_t i = 0; i < hyper->hyponyms.size() && !sibling; ++i) {
      const auto* c = wn.find(hyper->hyponyms[(salted_hash(s->key) + i) % hyper->hyponyms.size()]);
      if (c && c != s && !c->words.empty() && single_word(c->words[0]) && c->words[0] != s->words[0]) sibling = c;
    }
    const Synset* stranger = candidates[salted_hash(s->key, 5) % candidates.size()];
    if (!sibling || stranger->lex_file == s->lex_file) continue;
    const uint64_t h = salted_hash(s->key, 11);
    const auto& subject = subjects[h % subjects.size()];
    const auto& verb = verbs[(h / 7) % verbs.size()];
    const auto& place = places[(h / 49) % places.size()];
    const auto say = [&](const std::string& object, const std::string& tail) {
      return subject + " is " + verb + " " + object + (tail.empty() ? "" : " " + tail) + " .";
    };
    const auto& word = s->words[0];
    const auto& general = hyper->words[0];
    std::string hypothesis, entail, neutral, contradict;
    if ((h / 343) % 2 == 0) {
      hypothesis = say(a(word), "");
      entail = say(a(word), place);
      neutral = say(a(general), place);
      contradict = say(a(sibling->words[0]), place);
    } else {
      hypothesis = say(a(general), "");
      entail = say(a(word), place);
      neutral = say("something", place);
      contradict = say(a(stranger->words[0]), place);
    }
    for (const auto& [premise, label] : {std::pair{entail, "entailment"}, std::pair{neutral, "neutral"},
                                         std::pair{contradict, "contradiction"}})
      pairs.push_back({premise, hypothesis, label, prompt});
    ++prompt;
  }
  return pairs;
}

}  // namespace

WordNetBuildReport build_wordnet_datasets(const WordNet& wn, const std::string& out_dir) {
  const fs::path out(out_dir);
  std::error_code ec;
  fs::create_directories(out / "topics", ec);
  fs::create_directories(out / "nli", ec);
  if (ec) throw Error("cannot create '" + out_dir + "': " + ec.message());
  WordNetBuildReport report;
  write_file_atomically((out / "corpus.txt").string(), corpus(wn, report.corpus_documents));
  report.topic_labels = {"noun.animal", "noun.artifact", "noun.food", "noun.location", "noun.person",
                         "noun.plant", "verb.communication", "verb.motion"};
  write_file_atomically((out / "topics" / "train.tsv").string(), topic_rows(wn, report.topic_labels, false, report.topic_examples));
  write_file_atomically((out / "topics" / "test.tsv").string(), topic_rows(wn, report.topic_labels, true, report.topic_examples));
  const auto pairs = nli_pairs(wn);
  std::vector<NliPair> train, dev;
  for (const auto& p : pairs) (salted_hash(std::to_string(p.prompt), 13) % 10 == 0 ? dev : train).push_back(p);
  write_file_atomically((out / "nli" / "train.tsv").string(), mnli_tsv(train, false));
  write_file_atomically((out / "nli" / "dev_matched.tsv").string(), mnli_tsv(dev, true));
  write_file_atomically((out / "nli" / "train.jsonl").string(), mnli_jsonl(train));
  write_file_atomically((out / "nli" / "dev_matched.jsonl").string(), mnli_jsonl(dev));
  report.nli_pairs = pairs.size();
  return report;
}

}  // namespace lmlab
