#pragma once

#include <map>
#include <string>
#include <vector>

namespace lmlab {

// One WordNet synset as the database files (data.noun, data.verb, ...) store it.
struct Synset {
  std::string key;                 // offset + part of speech, e.g. "02084071n"
  char pos = 'n';                  // n, v, a (or s), r
  int lex_file = 0;                // lexicographer file number, see lexname()
  std::vector<std::string> words;  // "dog", "domestic dog" (underscores become spaces)
  std::vector<std::string> hypernyms, hyponyms, antonyms;  // keys
  std::string definition;
  std::vector<std::string> examples;
};

// The WordNet 3.0 database of Debian's wordnet-base (/usr/share/wordnet).
class WordNet {
 public:
  // Throws lmlab::Error naming the missing file and the Debian package that provides it,
  // or the file and line of a malformed entry.
  static WordNet load(const std::string& dir = "/usr/share/wordnet");

  const std::vector<Synset>& synsets() const { return synsets_; }
  const Synset* find(const std::string& key) const;

 private:
  std::vector<Synset> synsets_;
  std::map<std::string, size_t> index_;
};

// "noun.animal" for 5 and so on (WordNet's lexnames(5WN) table).
std::string lexname(int lex_file);

// Builders of real-text datasets from WordNet, written into a directory:
//   corpus.txt                    one document per synset: definition, examples, relations
//   topics/train.tsv, test.tsv    definition<TAB>lexicographer category, balanced
//   nli/train.tsv, dev_matched.tsv, train.jsonl, dev_matched.jsonl
//                                 hypernym -> entailment, hypernym in the premise ->
//                                 neutral, co-hyponym swap -> contradiction
struct WordNetBuildReport {
  size_t corpus_documents = 0, topic_examples = 0, nli_pairs = 0;
  std::vector<std::string> topic_labels;
};
WordNetBuildReport build_wordnet_datasets(const WordNet& wordnet, const std::string& out_dir);

}  // namespace lmlab
