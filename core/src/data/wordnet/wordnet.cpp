#include "lmlab/data/wordnet.h"

#include "lmlab/atomic_file.h"
#include "lmlab/error.h"

#include <filesystem>
#include <sstream>

namespace lmlab {

std::string lexname(int lex_file) {
  static const char* names[] = {
      "adj.all", "adj.pert", "adv.all", "noun.Tops", "noun.act", "noun.animal", "noun.artifact", "noun.attribute",
      "noun.body", "noun.cognition", "noun.communication", "noun.event", "noun.feeling", "noun.food", "noun.group",
      "noun.location", "noun.motive", "noun.object", "noun.person", "noun.phenomenon", "noun.plant", "noun.possession",
      "noun.process", "noun.quantity", "noun.relation", "noun.shape", "noun.state", "noun.substance", "noun.time",
      "verb.body", "verb.change", "verb.cognition", "verb.communication", "verb.competition", "verb.consumption",
      "verb.contact", "verb.creation", "verb.emotion", "verb.motion", "verb.perception", "verb.possession",
      "verb.social", "verb.stative", "verb.weather", "adj.ppl"};
  if (lex_file < 0 || lex_file >= static_cast<int>(std::size(names))) return "unknown";
  return names[lex_file];
}

namespace {

std::string words_of(std::string lemma) {
  for (auto& c : lemma)
    if (c == '_') c = ' ';
  // Adjectives may carry a syntactic marker: "galore(ip)".
  if (const auto paren = lemma.find('('); paren != std::string::npos) lemma.erase(paren);
  return lemma;
}

// The gloss after "| ": a definition, then "; "-separated examples in double quotes.
void split_gloss(const std::string& gloss, Synset& s) {
  std::string rest = gloss;
  const auto first_quote = rest.find("; \"");
  s.definition = rest.substr(0, first_quote);
  while (!s.definition.empty() && (s.definition.back() == ' ' || s.definition.back() == ';')) s.definition.pop_back();
  if (first_quote == std::string::npos) return;
  rest = rest.substr(first_quote);
  for (size_t open = rest.find('"'); open != std::string::npos;) {
    const size_t close = rest.find('"', open + 1);
    if (close == std::string::npos) break;
    s.examples.push_back(rest.substr(open + 1, close - open - 1));
    open = rest.find('"', close + 1);
  }
}

Synset parse_line(const std::string& line, const std::string& where) {
  const auto bar = line.find(" | ");
  std::istringstream in(line.substr(0, bar));
  Synset s;
  std::string offset, type, count_hex;
  int lex = -1;
  if (!(in >> offset >> lex >> type >> count_hex) || type.empty()) throw Error(where + ": not a WordNet data line");
  s.pos = type[0] == 's' ? 'a' : type[0];
  s.key = offset + s.pos;
  s.lex_file = lex;
  const long words = std::strtol(count_hex.c_str(), nullptr, 16);
  for (long i = 0; i < words; ++i) {
    std::string word, lex_id;
    if (!(in >> word >> lex_id)) throw Error(where + ": fewer words than its count says");
    s.words.push_back(words_of(word));
  }
  int pointers = 0;
  if (!(in >> pointers)) throw Error(where + ": no pointer count");
  for (int i = 0; i < pointers; ++i) {
    std::string symbol, target, target_pos, source_target;
    if (!(in >> symbol >> target >> target_pos >> source_target)) throw Error(where + ": fewer pointers than its count says");
    const std::string key = target + (target_pos == "s" ? "a" : target_pos);
    if (symbol == "@" || symbol == "@i") s.hypernyms.push_back(key);
    else if (symbol == "~" || symbol == "~i") s.hyponyms.push_back(key);
    else if (symbol == "!") s.antonyms.push_back(key);
  }
  if (bar != std::string::npos) split_gloss(line.substr(bar + 3), s);
  return s;
}

}  // namespace

WordNet WordNet::load(const std::string& dir) {
  WordNet wn;
  for (const char* part : {"noun", "verb", "adj", "adv"}) {
    const auto path = (std::filesystem::path(dir) / (std::string("data.") + part)).string();
    if (!std::filesystem::exists(path))
      throw Error("WordNet file '" + path + "' not found: install Debian's wordnet-base package "
                  "(sudo apt install wordnet-base), or point --wordnet-dir at a WordNet 3.0 dict directory");
    std::istringstream lines(read_file(path, "WordNet file"));
    std::string line;
    size_t number = 0;
    while (std::getline(lines, line)) {
      ++number;
      if (line.empty() || line[0] == ' ') continue;  // the licence header lines start with spaces
      auto synset = parse_line(line, path + ":" + std::to_string(number));
      wn.index_[synset.key] = wn.synsets_.size();
      wn.synsets_.push_back(std::move(synset));
    }
  }
  if (wn.synsets_.empty()) throw Error("no WordNet synsets found in '" + dir + "'");
  return wn;
}

const Synset* WordNet::find(const std::string& key) const {
  const auto it = index_.find(key);
  return it == index_.end() ? nullptr : &synsets_[it->second];
}

}  // namespace lmlab
